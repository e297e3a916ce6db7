// Cold `gump check <file>` against the yaml baseline (bench/baseline-parse.mjs: start Node, import
// yaml, parse the file), for this checkout and optionally an older one, interleaved in one run so
// the ratios are comparable on a shared machine. Goal (issue 10): within 1.3× the baseline.
// Usage: npm run build && node bench/cli-cold.mjs [--runs N] [--before <checkout with dist/>]
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(opt('--runs')) || 9;
const builds = [
  ...(opt('--before') ? [{ name: 'before', root: resolve(opt('--before')) }] : []),
  { name: 'after', root: ROOT },
];
const FILES = [
  'library/workflows/bugfix.yaml',
  'library/workflows/simple.yaml',
  'library/workflows/implement-spec.yaml',
];

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
function time(argv) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, stdio: 'ignore' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(', ');
const rows = [];
for (const file of FILES) {
  const base = [];
  const gump = Object.fromEntries(builds.map((b) => [b.name, []]));
  for (let i = 0; i < RUNS; i++) {
    base.push(time([join(ROOT, 'bench', 'baseline-parse.mjs'), file]));
    for (const b of builds) gump[b.name].push(time([join(b.root, 'bin', 'gump.mjs'), 'check', file]));
  }
  rows.push({ file, base: median(base), ...Object.fromEntries(builds.map((b) => [b.name, median(gump[b.name])])) });
}
const out = [
  `Median of ${RUNS} interleaved cold processes per cell, ${new Date().toISOString()}, load average at start ${load}.`,
  '',
  `| file | yaml baseline (ms) | ${builds.map((b) => `${b.name} (ms) | ${b.name} ÷ baseline`).join(' | ')} |`,
  `|---|---:|${builds.map(() => '---:|---:').join('|')}|`,
  ...rows.map(
    (r) =>
      `| ${r.file} | ${r.base.toFixed(1)} | ${builds.map((b) => `${r[b.name].toFixed(1)} | ${(r[b.name] / r.base).toFixed(2)}`).join(' | ')} |`,
  ),
];
process.stdout.write(`${out.join('\n')}\n`);
