// Job-boundary benchmark (docs/runtime.md "job boundaries"): what saving and restoring a boundary
// costs as the run grows. A run branch of N commits (10, 30, 120) held by a chain of earlier
// boundaries (10 commits each, as jobs of several attempts leave); one job adds one commit and
// saves its boundary (timed, with its bundle size); a fresh clone restores from all of them
// (timed). Ratios are against the 10-commit figures of the same run: saving should stay flat.
// Usage: node bench/boundary.mjs [--runs N] [--write]

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const SIZES = [10, 30, 120];
const PER_BOUNDARY = 10;
const LOAD = loadavg();

// The runtime's own boundary code, bundled for this process (the runtime bundle exports nothing).
const lib = join(mkdtempSync(join(tmpdir(), 'gump-bench-lib-')), 'boundary.mjs');
await build({
  stdin: {
    contents:
      "export { saveBoundary, restoreBoundaries, NOTHING_RESTORED } from './runtime/run/boundary.ts'; export { newRunState, saveState } from './runtime/state/run-state.ts';",
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: lib,
  logLevel: 'warning',
});
const { saveBoundary, restoreBoundaries, NOTHING_RESTORED, newRunState, saveState } = await import(lib);

const git = (cwd, ...a) => execFileSync('git', a, { cwd, encoding: 'utf8' }).trim();
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A commit changing one 16 KB file (a different one each time, some rewritten). */
function commit(repo, i) {
  const file = join(repo, 'src', `f${i % 40}.txt`);
  mkdirSync(join(repo, 'src'), { recursive: true });
  writeFileSync(file, `${i}\n`.repeat(4096));
  git(repo, 'add', '-A');
  git(repo, '-c', 'user.name=b', '-c', 'user.email=b@b', 'commit', '-q', '-m', `c${i}`);
}

async function scenario(n) {
  const top = mkdtempSync(join(tmpdir(), 'gump-bench-boundary-'));
  const origin = join(top, 'origin');
  mkdirSync(origin);
  git(origin, 'init', '-q', '-b', 'main');
  writeFileSync(join(origin, 'README.md'), 'bench\n');
  git(origin, 'add', '-A');
  git(origin, '-c', 'user.name=b', '-c', 'user.email=b@b', 'commit', '-q', '-m', 'base');
  const base = git(origin, 'rev-parse', 'HEAD');
  const job = join(top, 'job');
  git(top, 'clone', '-q', origin, job);
  git(job, 'checkout', '-q', '-b', 'gump/run-bench');
  const state = newRunState({
    runId: 'bench',
    plan: { path: 'p', sha256: '' },
    base,
    branch: 'gump/run-bench',
    spec: { path: 's', text: '' },
    inputs: {},
    startedAt: new Date(0).toISOString(),
  });
  const folder = join(top, 'boundaries');
  let restored = NOTHING_RESTORED;
  for (let b = 0; b < n / PER_BOUNDARY; b++) {
    for (let i = 0; i < PER_BOUNDARY; i++) commit(job, b * PER_BOUNDARY + i);
    saveState(join(job, '.gump', 'run', 'state.json'), state);
    const meta = await saveBoundary(job, join(folder, `job-${b}`), {
      name: `job-${b}`,
      unit: `step-${b}`,
      restored,
      state,
    });
    restored = { all: [...restored.all, meta], tips: [meta] };
  }
  commit(job, n);
  let t = process.hrtime.bigint();
  await saveBoundary(job, join(folder, 'last'), { name: 'last', unit: 'step-last', restored, state });
  const save = ms(t);
  const bytes = statSync(join(folder, 'last', 'run.bundle')).size;
  const whole = join(top, 'whole.bundle');
  git(job, 'bundle', 'create', '-q', whole, `${base}..gump/run-bench`);
  const fresh = join(top, 'fresh');
  git(top, 'clone', '-q', origin, fresh);
  t = process.hrtime.bigint();
  await restoreBoundaries(fresh, folder);
  const restore = ms(t);
  if (git(fresh, 'rev-parse', 'HEAD') !== git(job, 'rev-parse', 'HEAD'))
    throw new Error('restore did not reach the job head');
  const wholeBytes = statSync(whole).size;
  rmSync(top, { recursive: true, force: true });
  return { save, restore, bytes, wholeBytes };
}

const rows = [];
for (const n of SIZES) {
  const runs = [];
  for (let r = 0; r < RUNS; r++) runs.push(await scenario(n));
  rows.push({
    n,
    save: median(runs.map((x) => x.save)),
    restore: median(runs.map((x) => x.restore)),
    bytes: median(runs.map((x) => x.bytes)),
    whole: median(runs.map((x) => x.wholeBytes)),
    boundaries: n / PER_BOUNDARY + 1,
  });
}
const first = rows[0];
const lines = [
  `| run commits | boundaries restored | save (ms) | save ratio | job bundle (bytes) | bundle ratio | whole-branch bundle (bytes) | restore (ms) | restore ratio |`,
  `|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
  ...rows.map(
    (r) =>
      `| ${r.n} | ${r.boundaries} | ${r.save.toFixed(1)} | ${(r.save / first.save).toFixed(2)} | ${r.bytes} | ${(r.bytes / first.bytes).toFixed(2)} | ${r.whole} | ${r.restore.toFixed(1)} | ${(r.restore / first.restore).toFixed(2)} |`,
  ),
];
const text = `Median of ${RUNS} runs; ${cpus().length} CPUs, load average at start ${LOAD.map((x) => x.toFixed(2)).join(', ')}, node ${process.version}, ${new Date().toISOString()}.\n\n${lines.join('\n')}\n`;
process.stdout.write(text);
if (args.includes('--write')) {
  const file = join(ROOT, 'bench', 'RESULTS.md');
  const old = readFileSync(file, 'utf8');
  const head = '## Job boundaries: `node bench/boundary.mjs`';
  const body = `${head}\n\nOne job adds one commit on top of N run commits (held by N/10 earlier boundaries) and saves its boundary; a fresh clone restores from all of them. Saving costs what the job changed (its bundle holds one commit; the whole-branch bundle of the old format is shown for comparison); restoring fetches every bundle whose head the clone lacks, so it grows with the number of jobs.\n\n${text}`;
  const at = old.indexOf(head);
  writeFileSync(file, at < 0 ? `${old.trimEnd()}\n\n${body}` : `${old.slice(0, at)}${body}`);
}
