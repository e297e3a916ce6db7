// Runtime benchmarks (issue: runtime): cold start of the runtime bundle against a bare `node -e 0`,
// and the per-attempt overhead of the executor — wall time of a 30-step stub workflow minus agent
// and gate time, divided by attempts (snapshot commit included).
// Usage: npm run build && node bench/runtime.mjs [--runs N] [--write]

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const RUNTIME = join(ROOT, 'dist', 'gump-runtime.mjs');
const CLI = join(ROOT, 'bin', 'gump.mjs');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 15;
const STEPS = 30;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeRun(argv, opts = {}) {
  const t = process.hrtime.bigint();
  spawnSync(process.execPath, argv, { stdio: 'ignore', ...opts });
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function cold() {
  const node = [];
  const runtime = [];
  for (let i = 0; i < RUNS; i++) {
    node.push(timeRun(['-e', '0']));
    runtime.push(timeRun([RUNTIME, 'help']));
  }
  return { node: median(node), runtime: median(runtime) };
}

function scratchRepo() {
  const repo = mkdtempSync(join(tmpdir(), 'gump-bench-rt-'));
  const steps = Array.from({ length: STEPS }, (_, i) => `  - name: s${i}\n    type: code\n    agent: claude-haiku\n    prompt: "Step ${i} of {spec}"\n`).join('');
  const rules = Array.from({ length: STEPS }, (_, i) => `  - match: s${i}\n    write: { "src/f${i}.txt": "step ${i}\\n" }\n`).join('');
  const files = {
    'package.json': '{"name":"bench"}\n',
    'spec.md': '# bench\n',
    '.gump/workflows/bench.yaml': `name: bench\nsteps:\n${steps}`,
    '.gump/stub.yaml': `version: 1\nrules:\n${rules}`,
  };
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(repo, p, '..'), { recursive: true });
    writeFileSync(join(repo, p), text);
  }
  const git = (...a) => execFileSync('git', a, { cwd: repo, stdio: 'ignore' });
  git('init', '-q');
  git('config', 'user.name', 'bench');
  git('config', 'user.email', 'bench@example.invalid');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  return repo;
}

function overhead() {
  const samples = [];
  for (let i = 0; i < 3; i++) {
    const repo = scratchRepo();
    const t = process.hrtime.bigint();
    const runsRoot = mkdtempSync(join(tmpdir(), 'gump-bench-runs-'));
    const r = spawnSync(process.execPath, [CLI, 'run', 'bench', '--spec', 'spec.md', '--stub'], { cwd: repo, encoding: 'utf8', env: { ...process.env, GUMP_RUNS_DIR: runsRoot } });
    const wall = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0) throw new Error(`bench run failed:\n${r.stdout}\n${r.stderr}`);
    const runs = join(runsRoot, readdirSync(runsRoot)[0]); // <GUMP_RUNS_DIR>/<repo key>/<id>/worktree
    const id = readdirSync(runs)[0];
    const events = readFileSync(join(runs, id, 'worktree', '.gump', 'run', 'ledger.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const agent = events.filter((e) => e.event === 'agent.finished').reduce((t, e) => t + e.durationMs, 0);
    const gates = events.filter((e) => e.event === 'gate.finished').reduce((t, e) => t + (e.durationMs ?? 0), 0);
    const attempts = events.filter((e) => e.event === 'attempt.started').length;
    samples.push({ wall, agent, gates, attempts, perAttempt: (wall - agent - gates) / attempts, perAttemptWithAgent: wall / attempts });
  }
  return samples.sort((a, b) => a.perAttempt - b.perAttempt)[1];
}

const c = cold();
const o = overhead();
const lines = [
  `machine: ${cpus().length} cores, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
  `runtime cold start (node dist/gump-runtime.mjs help): ${c.runtime.toFixed(1)} ms; node -e 0: ${c.node.toFixed(1)} ms; ratio ${(c.runtime / c.node).toFixed(2)} (goal ≤ 2)`,
  `30-step stub workflow (gump run --stub, process start included): wall ${o.wall.toFixed(0)} ms, agent ${o.agent.toFixed(0)} ms, gates ${o.gates.toFixed(0)} ms, ${o.attempts} attempts`,
  `per-attempt overhead (wall − agent − gates) / attempts: ${o.perAttempt.toFixed(1)} ms (goal < 50 ms); stub agent process per attempt: ${(o.agent / o.attempts).toFixed(1)} ms`,
];
process.stdout.write(`${lines.join('\n')}\n`);

if (args.includes('--write')) {
  const file = join(ROOT, 'bench', 'RESULTS.md');
  const text = readFileSync(file, 'utf8');
  const section = `## Runtime (bench/runtime.mjs)\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`;
  const start = text.indexOf('## Runtime (bench/runtime.mjs)');
  const next = start < 0 ? -1 : text.indexOf('\n## ', start + 1);
  const updated = start < 0 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, start)}${section}${next < 0 ? '' : text.slice(next)}`;
  writeFileSync(file, updated);
}
