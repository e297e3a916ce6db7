// Runtime benchmarks (issue: runtime; issue 10 speed): every figure is a median of interleaved
// runs and is printed next to a baseline measured in the same run, because the machine is shared.
//   - cold start of the runtime bundle (`help`) and one stub agent attempt (`__stub`) vs `node -e 0`;
//   - per-attempt overhead of the executor inside a run: from the first step's start to the run's
//     end, minus agent and gate time, divided by attempts (snapshot, change listing, state, ledger),
//     on a small repository and on one with 10,000 files; the git processes started per attempt, and
//     the processes the runtime itself starts per attempt (bench/count-spawns.mjs; the stub agent's included).
// Usage: npm run build && node bench/runtime.mjs [--runs N] [--rounds N] [--before <root>] [--write]
//   --runs: cold processes per figure (11); --rounds: `gump run`s per overhead figure (3).
//   --before <root>: a second checkout with its own dist/ (e.g. `git archive <commit>` + build);
//   both are measured in the same run, interleaved, and the table shows after/before ratios.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const COUNT_SPAWNS = join(import.meta.dirname, 'count-spawns.mjs');
const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(opt('--runs')) || 11;
const ROUNDS = Number(opt('--rounds')) || 3;
const BEFORE = opt('--before') ? resolve(opt('--before')) : undefined;
const builds = [...(BEFORE ? [{ name: 'before', root: BEFORE }] : []), { name: 'after', root: ROOT }];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, d = 1) => x.toFixed(d);

function timeRun(argv, opts = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { stdio: 'ignore', ...opts });
  if (r.status !== 0 && opts.mustPass) throw new Error(`${argv.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function writeFiles(root, files) {
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), text);
  }
}

/** A committed repository with a `steps`-step stub workflow, each step writing one file. */
function scratchRepo(steps, extraFiles) {
  const repo = mkdtempSync(join(tmpdir(), 'gump-bench-rt-'));
  const body = Array.from(
    { length: steps },
    (_, i) => `  - name: s${i}\n    type: code\n    agent: claude-haiku\n    prompt: "Step ${i} of {spec}"\n`,
  ).join('');
  const rules = Array.from(
    { length: steps },
    (_, i) => `  - match: s${i}\n    write: { "src/f${i}.txt": "step ${i}\\n" }\n`,
  ).join('');
  writeFiles(repo, {
    'package.json': '{"name":"bench"}\n',
    'spec.md': '# bench\n',
    '.gump/workflows/bench.yaml': `name: bench\nsteps:\n${body}`,
    '.gump/stub.yaml': `version: 1\nrules:\n${rules}`,
  });
  for (let d = 0; d < extraFiles / 100; d++) {
    mkdirSync(join(repo, 'tree', `d${d}`), { recursive: true });
    for (let f = 0; f < 100; f++) writeFileSync(join(repo, 'tree', `d${d}`, `f${f}.txt`), `${d}/${f}\n`);
  }
  const git = (...a) => execFileSync('git', a, { cwd: repo, stdio: 'ignore' });
  git('init', '-q');
  git('config', 'user.name', 'bench');
  git('config', 'user.email', 'bench@example.invalid');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  return repo;
}

/** One `gump run --stub` of the build at `root`: in-run overhead per attempt and git processes per attempt. */
function runOnce(root, repo) {
  const runsRoot = mkdtempSync(join(tmpdir(), 'gump-bench-runs-'));
  const trace = join(runsRoot, 'git-trace.txt');
  const spawns = join(runsRoot, 'spawns.txt');
  const env = { ...process.env, GUMP_RUNS_DIR: runsRoot, GIT_TRACE: trace, GUMP_BENCH_SPAWNS: spawns };
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', COUNT_SPAWNS, join(root, 'bin', 'gump.mjs'), 'run', 'bench', '--spec', 'spec.md', '--stub'],
    { cwd: repo, encoding: 'utf8', env },
  );
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`bench run failed:\n${r.stdout}\n${r.stderr}`);
  const runs = join(
    runsRoot,
    readdirSync(runsRoot).find((f) => f !== 'git-trace.txt' && f !== 'spawns.txt'),
  );
  const id = readdirSync(runs)[0];
  const events = readFileSync(join(runs, id, 'worktree', '.gump', 'run', 'ledger.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const at = (e) => Date.parse(e.at);
  const first = events.find((e) => e.event === 'step.started');
  const started = events.find((e) => e.event === 'run.started');
  const last = events.find((e) => e.event === 'run.finished');
  const agent = events.filter((e) => e.event === 'agent.finished').reduce((t, e) => t + e.durationMs, 0);
  const gates = events.filter((e) => e.event === 'gate.finished').reduce((t, e) => t + (e.durationMs ?? 0), 0);
  const attempts = events.filter((e) => e.event === 'attempt.started').length;
  // GIT_TRACE logs every git process (`trace: built-in: git …` once per process, children included).
  const gitProcs = readFileSync(trace, 'utf8')
    .split('\n')
    .filter((l) => /trace: built-in: git /.test(l));
  const inRun = gitProcs.length; // all of them, set-up included; per attempt below from the attempt window
  const spawned = Number(readFileSync(spawns, 'utf8'));
  rmSync(runsRoot, { recursive: true, force: true });
  return {
    overhead: (at(last) - at(first) - agent - gates) / attempts,
    // Everything before the first step: check, run worktree (checkout), run state.
    setup: wall - (at(last) - at(started)),
    wall,
    agent: agent / attempts,
    attempts,
    gitPerRun: inRun,
    spawnsPerRun: spawned,
  };
}

function overhead(steps, files, rounds) {
  const out = Object.fromEntries(builds.map((b) => [b.name, []]));
  for (let i = 0; i < rounds; i++) {
    for (const b of builds) {
      const repo = scratchRepo(steps, files);
      out[b.name].push(runOnce(b.root, repo));
      rmSync(repo, { recursive: true, force: true });
    }
  }
  return Object.fromEntries(
    Object.entries(out).map(([k, xs]) => [
      k,
      {
        overhead: median(xs.map((x) => x.overhead)),
        setup: median(xs.map((x) => x.setup)),
        wall: median(xs.map((x) => x.wall)),
        agent: median(xs.map((x) => x.agent)),
        gitPerRun: median(xs.map((x) => x.gitPerRun)),
        attempts: xs[0].attempts,
      },
    ]),
  );
}

/**
 * Git processes and processes the runtime starts, per attempt: a 2-step and a 12-step run differ
 * by 10 attempts and nothing else.
 */
function perAttempt(b) {
  const [small, big] = [2, 12].map((n) => {
    const repo = scratchRepo(n, 0);
    const r = runOnce(b.root, repo);
    rmSync(repo, { recursive: true, force: true });
    return r;
  });
  return { git: (big.gitPerRun - small.gitPerRun) / 10, spawns: (big.spawnsPerRun - small.spawnsPerRun) / 10 };
}

/** Cold processes: `node -e 0`, the runtime's `help`, one stub attempt (`__stub`), interleaved. */
function cold() {
  const repo = scratchRepo(1, 0);
  const args = (i) => ({
    cwd: repo,
    scriptPath: '.gump/stub.yaml',
    stepPath: 's0',
    agent: 'claude-haiku',
    invocation: 1,
    sessionId: `stub-s0-${i}`,
    outDir: join(repo, '.gump', 'out'),
  });
  // What the stub adapter starts: dist/gump-stub.cjs (dist/gump-stub.mjs in older builds) given the
  // validated script when the build has it (runtime/stub/adapter.ts), else the runtime bundle's
  // `__stub`, which reads the YAML file.
  const response = {
    write: [{ path: 'src/f0.txt', text: 'step 0\n' }],
    append: [],
    replace: [],
    delete: [],
    out: [],
    exitCode: 0,
    turns: 1,
    tokens: { in: 0, out: 0, cacheRead: 0, cacheWrite: 0 },
    delayMs: 0,
  };
  const script = { file: join(repo, '.gump', 'stub.yaml'), rules: [{ index: 0, match: 's0', attempts: [response] }] };
  const stubCommand = (b, i) => {
    const small = ['gump-stub.cjs', 'gump-stub.mjs'].map((f) => join(b.root, 'dist', f)).find((f) => existsSync(f));
    return small !== undefined
      ? [small, '__stub', JSON.stringify({ ...args(i), script })]
      : [join(b.root, 'dist', 'gump-runtime.mjs'), '__stub', JSON.stringify(args(i))];
  };
  const node = [];
  const help = Object.fromEntries(builds.map((b) => [b.name, []]));
  const stub = Object.fromEntries(builds.map((b) => [b.name, []]));
  for (let i = 0; i < RUNS; i++) {
    node.push(timeRun(['-e', '0']));
    for (const b of builds) {
      const entry = join(b.root, 'dist', 'gump-runtime.mjs');
      help[b.name].push(timeRun([entry, 'help']));
      stub[b.name].push(timeRun(stubCommand(b, i), { cwd: repo, mustPass: true }));
    }
  }
  rmSync(repo, { recursive: true, force: true });
  const m = (o) => Object.fromEntries(Object.entries(o).map(([k, xs]) => [k, median(xs)]));
  return { node: median(node), help: m(help), stub: m(stub) };
}

const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(', ');
process.stderr.write(`cold processes (${RUNS} runs)…\n`);
const c = cold();
process.stderr.write('per-attempt overhead, small repository…\n');
const small = overhead(30, 0, ROUNDS);
process.stderr.write('per-attempt overhead, 10,000 files…\n');
const large = overhead(10, 10000, ROUNDS);
process.stderr.write('processes per attempt…\n');
const procs = Object.fromEntries(builds.map((b) => [b.name, perAttempt(b)]));

const cols = builds.map((b) => b.name);
const ratioCol = BEFORE ? ' after/before |' : '';
const ratioSep = BEFORE ? '---:|' : '';
const ratio = (o) => (BEFORE ? ` ${fmt(o.after / o.before, 2)} |` : '');
const row = (label, o, d = 1) => `| ${label} | ${cols.map((k) => fmt(o[k], d)).join(' | ')} |${ratio(o)}`;
const per = (o, key) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v[key]]));
const vsNode = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v / c.node]));
const lines = [
  `${cpus().length} cores, node ${process.version}, ${new Date().toISOString()}; load average at start ${load} (the machine was shared: compare ratios, not milliseconds). Medians: ${RUNS} interleaved cold runs; ${ROUNDS} interleaved runs per overhead figure.`,
  '',
  `| figure | ${cols.join(' | ')} |${ratioCol}`,
  `|---|${cols.map(() => '---:').join('|')}|${ratioSep}`,
  `| \`node -e 0\` (ms, the baseline) | ${cols.map(() => fmt(c.node)).join(' | ')} |${BEFORE ? ' |' : ''}`,
  row('runtime cold start `help` (ms)', c.help),
  row('— ÷ `node -e 0` (goal ≤ 2)', vsNode(c.help), 2),
  row('one stub attempt, the process alone (ms)', c.stub),
  row('— ÷ `node -e 0` (goal ≤ 1.2)', vsNode(c.stub), 2),
  row('stub agent per attempt inside the 30-step run (ledger; ms)', per(small, 'agent')),
  row('— ÷ `node -e 0`', vsNode(per(small, 'agent')), 2),
  row('per-attempt overhead, 30-step run, small repository (ms; goal < 30)', per(small, 'overhead')),
  row('per-attempt overhead, 10-step run, 10,000 files (ms; goal < 60)', per(large, 'overhead')),
  row(
    '— the rest of the `gump run` process, 10,000 files (start-up, check, run worktree, report; ms)',
    per(large, 'setup'),
  ),
  row('— the whole `gump run`, 10,000 files (ms)', per(large, 'wall')),
  row('— small-repository overhead ÷ `node -e 0`', vsNode(per(small, 'overhead')), 2),
  row('git processes per attempt (GIT_TRACE; children included)', per(procs, 'git')),
  row('processes the runtime starts per attempt (stub agent included)', per(procs, 'spawns')),
];
process.stdout.write(`${lines.join('\n')}\n`);

if (args.includes('--write')) {
  const file = join(ROOT, 'bench', 'RESULTS.md');
  const text = readFileSync(file, 'utf8');
  const section = `## Runtime (bench/runtime.mjs)\n\n${lines.join('\n')}\n\n`;
  const start = text.indexOf('## Runtime (bench/runtime.mjs)');
  const next = start < 0 ? -1 : text.indexOf('\n## ', start + 1);
  const updated =
    start < 0
      ? `${text.trimEnd()}\n\n${section}`
      : `${text.slice(0, start)}${section}${next < 0 ? '' : text.slice(next + 1)}`;
  writeFileSync(file, updated);
}
