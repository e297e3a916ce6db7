// Compile benchmark for the CI targets: a cold `gump compile <builtin> --target github` process
// against a cold `gump check` of the same workflow measured in the same run (the ratio is what
// compiling to GitHub adds), and the size of every generated file. Run after `npm run build`;
// `--write` records the section "Compile (bench/compile.mjs)" in bench/RESULTS.md.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'gump.mjs');
const RUNS = 7;
const names = readdirSync(join(ROOT, 'library', 'workflows'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();

function time(args, cwd) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gump ${args.join(' ')} failed: ${r.stderr}${r.stdout}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const rows = [];
for (const name of names) {
  const dir = mkdtempSync(join(tmpdir(), 'gump-bench-compile-'));
  const compile = [];
  const check = [];
  for (let i = 0; i < RUNS; i++) {
    check.push(time(['check', join(ROOT, 'library', 'workflows', `${name}.yaml`)], dir));
    compile.push(time(['compile', name, '--target', 'github', '--root', dir], dir));
  }
  const size = (p) => statSync(join(dir, p)).size;
  rows.push({
    name,
    compile: median(compile),
    check: median(check),
    workflow: size(`.github/workflows/gump-${name}.yml`),
    plan: size(`.gump/compiled/${name}.plan.json`),
    action: size('.github/actions/gump/action.yml'),
  });
  rmSync(dir, { recursive: true, force: true });
}

const lines = [
  `Median of ${RUNS} cold processes each, interleaved, on ${new Date().toISOString().slice(0, 10)} (node ${process.version}). The compile also writes the ${Math.round(statSync(join(ROOT, 'dist', 'gump-runtime.mjs')).size / 1024)} KB runtime. Load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}.`,
  '',
  '| workflow | compile --target github (ms) | check (ms) | ratio | workflow file (bytes) | plan (bytes) |',
  '|---|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.compile.toFixed(1)} | ${r.check.toFixed(1)} | ${(r.compile / r.check).toFixed(2)} | ${r.workflow} | ${r.plan} |`,
  ),
  '',
  `The composite action shared by every workflow: ${rows[0].action} bytes. Goal for implement-spec: under 18,000 bytes (gh-aw lock files run 150–190 KB).`,
];
process.stdout.write(`${lines.join('\n')}\n`);
if (process.argv.includes('--write')) {
  const file = join(ROOT, 'bench', 'RESULTS.md');
  const text = readFileSync(file, 'utf8');
  const title = '## Compile (bench/compile.mjs)';
  const section = `${title}\n\n${lines.join('\n')}\n`;
  const start = text.indexOf(title);
  const next = start < 0 ? -1 : text.indexOf('\n## ', start + 1);
  writeFileSync(
    file,
    start < 0
      ? `${text.trimEnd()}\n\n${section}`
      : `${text.slice(0, start)}${section}${next < 0 ? '' : text.slice(next + 1)}`,
  );
}
