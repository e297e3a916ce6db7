// End-to-end helpers: run a built-in library workflow (resolved by name, as `gump run <name>` does)
// in stub mode on a scratch copy of fixtures/stub/project, in-process or with every job unit in a
// fresh runtime process (`--isolate-steps`), and reduce a run to what must not depend on the mode.

import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect } from 'vitest';
import { lowerPlan, serialisePlan } from '../../../src/3-lower/lower.js';
import { checkFiles } from '../../../src/compile.js';
import { headline } from '../../../src/diagnostics/render.js';
import { executeRun } from '../../../src/local/execute.js';
import { startRun } from '../../../src/local/start-run.js';
import { NodeHost } from '../../../src/project/node-host.js';
import { inspect, makeRepo, type ScenarioResult } from '../scenario/harness.js';

export const STUB_FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'stub');

/** Every file under `dir` (repository-relative path → text). */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p).split(sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Gate commands from gump.toml (§8.4) instead of package.json: the same checks without npm. */
export const FAST_GATES: Record<string, string> = {
  'gump.toml':
    '[validation]\ncompile_cmd = "node scripts/check.js build"\ntest_cmd = "node scripts/check.js test"\nlint_cmd = "node scripts/check.js lint"\n',
};

/** A one-step project workflow (`simple`): one code step `impl` with the compile gate. */
export const SIMPLE_WORKFLOW = `name: simple
steps:
  - name: impl
    type: code
    get: { prompt: "{spec}" }
    run: { agent: claude-sonnet }
    gate: [compile]
`;

/**
 * A code step whose gate fails once, with a retry validator (`arch-review`) that says no before the
 * second attempt passes: what runScenario takes (workflow, files, stub).
 */
export const GATED_REVIEW = {
  workflow: `name: gated
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: ["bash: test -f b.txt"]
    retry:
      - { validate: validators/arch-review, agent: claude-opus }
      - exit: 2
`,
  files: {
    '.gump/validators/arch-review.yaml':
      'name: arch-review\nsteps:\n  - name: review\n    type: validate\n    agent: claude-opus\n    prompt: "Review {diff}"\n',
  },
  stub: 'version: 1\nrules:\n  - match: impl\n    attempts:\n      - write: { "a.txt": "x" }\n      - write: { "b.txt": "x" }\n  - match: "impl/retry/**"\n    validate: { pass: false, comments: "naming is off" }\n',
};

/** A parallel group whose two branches (`both/one`, `both/two`): stub scripts make them write the same file. */
export const CLASH_WORKFLOW = `name: clash
steps:
  - name: both
    parallel: true
    steps:
      - { name: one, type: code, agent: claude-sonnet, prompt: "one {spec}" }
      - { name: two, type: code, agent: claude-haiku, prompt: "two {spec}" }
`;

/** A stub script whose `impl` writes `src/a.js` exporting `value`, with extra rule lines (e.g. `turns: 4`). */
export function stubWritingA(value: number, ...extra: string[]): string {
  return `version: 1\nrules:\n  - match: impl\n    write: { "src/a.js": "module.exports = ${value};\\n" }\n${extra.map((l) => `    ${l}\n`).join('')}`;
}

/** The demo project (`fixtures/stub/project`) with extra or replaced files. */
export function demoProject(extra: Record<string, string> = {}): Record<string, string> {
  return { ...readTree(join(STUB_FIXTURES, 'project')), ...extra };
}

/** The demo project, a workflow's own project files (`fixtures/stub/<name>/`, optional) and its stub script (`fixtures/stub/<name>.yaml`). */
export function projectFiles(name: string, extra: Record<string, string> = {}): Record<string, string> {
  const own = join(STUB_FIXTURES, name);
  return {
    ...readTree(join(STUB_FIXTURES, 'project')),
    ...(existsSync(own) ? readTree(own) : {}),
    '.gump/stub.yaml': readFileSync(join(STUB_FIXTURES, `${name}.yaml`), 'utf8'),
    ...extra,
  };
}

export interface LibraryRun {
  /** Workflow name, resolved like `gump run <name>` (project file, then the built-in library). */
  workflow: string;
  files: Record<string, string>;
  isolate?: boolean;
  env?: Record<string, string>;
  inputs?: Record<string, string>;
  /** Stub mode (`--stub`, default true); off, the agents' real CLIs are looked up on PATH. */
  stub?: boolean;
}

/** A fresh repository holding `files`, then one run of the workflow to its end (or first stop). */
export async function runLibrary(o: LibraryRun): Promise<ScenarioResult> {
  const repo = makeRepo(o.files);
  return startInRepo(repo, o);
}

export async function startInRepo(repo: string, o: LibraryRun): Promise<ScenarioResult> {
  const run = await prepareRun(repo, o);
  let output = '';
  const code = await executeRun(run.worktree, {
    isolate: o.isolate ?? false,
    write: (t) => void (output += t),
    env: { ...process.env, ...(o.env ?? {}) },
  });
  return inspect(repo, run.worktree, run.id, code, output);
}

/** Compile the workflow and create the run (branch, worktree, state) without running a step. */
export async function prepareRun(
  repo: string,
  o: LibraryRun,
): Promise<{ id: string; worktree: string; branch: string }> {
  const host = new NodeHost(repo, repo);
  const source = host.resolve(o.workflow, 'workflow');
  if (!source) throw new Error(`no workflow ${o.workflow}`);
  const { results } = checkFiles(host, [source]);
  const errors = results[0]!.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !results[0]!.workflow)
    throw new Error(`workflow ${o.workflow} has errors:\n${errors.map(headline).join('\n')}`);
  const plan = lowerPlan(results[0]!.workflow, source.file);
  return startRun({
    repo,
    plan,
    planText: serialisePlan(plan),
    planPath: source.file,
    specFile: join(repo, 'spec.md'),
    inputs: o.inputs ?? {},
    stub: o.stub ?? true,
  });
}

/** What an isolated run must reproduce exactly: final tree, step statuses, ledger outcome. */
export interface RunOutcome {
  code: number;
  status: string;
  tree: string;
  commits: string[];
  steps: Record<string, string>;
  /** The state map without wall-clock fields. */
  values: Record<string, string>;
  /** `event step status` of step.finished / attempt.finished / run.finished, in ledger order. */
  ledger: string[];
  /** Every ledger event as `event step attempt`, in ledger order, but the job-entry markers (a job
   * re-entering a split skips its passed planner: `step.skipped`; `run.resumed`). */
  events: string[];
}

const OUTCOME_EVENTS = new Set(['step.finished', 'attempt.finished', 'run.finished']);

export function outcomeOf(r: ScenarioResult): RunOutcome {
  const steps: Record<string, string> = {};
  for (const [path, rec] of Object.entries(r.state.steps).sort(([a], [b]) => a.localeCompare(b)))
    steps[path] = rec.status;
  return {
    code: r.code,
    status: r.state.status,
    tree: r.git('ls-tree', '-r', r.state.branch),
    commits: r.commits,
    steps,
    values: Object.fromEntries(
      Object.entries(r.state.values)
        .filter(([k]) => !k.endsWith('.duration'))
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
    ledger: r.ledger
      .filter((e) => OUTCOME_EVENTS.has(e.event))
      .map((e) => `${e.event} ${e.step ?? '-'} ${String(e.status ?? '')}`),
    events: r.ledger
      .filter((e) => e.event !== 'step.skipped' && e.event !== 'run.resumed')
      .map((e) => `${e.event} ${e.step ?? '-'} ${e.attempt ?? '-'}`),
  };
}

/** Ledger outcome lines grouped by step (parallel branches interleave their events). */
export function byStep(lines: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const l of lines) (out[l.split(' ')[1]!] ??= []).push(l);
  return out;
}

/** Run a library workflow normally and with `--isolate-steps`; both must end identically. */
export async function runBothWays(
  o: Omit<LibraryRun, 'isolate'>,
  opts: { parallel?: boolean } = {},
): Promise<{ normal: ScenarioResult; isolated: ScenarioResult }> {
  const normal = await runLibrary(o);
  const isolated = await runLibrary({ ...o, isolate: true });
  const a = outcomeOf(normal);
  const b = outcomeOf(isolated);
  expect(b.code, isolated.output).toBe(a.code);
  expect(b.status).toBe(a.status);
  expect(b.tree).toBe(a.tree);
  expect(b.steps).toEqual(a.steps);
  expect(b.values).toEqual(a.values);
  if (opts.parallel) {
    expect(byStep(b.ledger)).toEqual(byStep(a.ledger));
    expect([...b.commits].sort()).toEqual([...a.commits].sort());
  } else {
    expect(b.ledger).toEqual(a.ledger);
    expect(b.events).toEqual(a.events);
    expect(b.commits).toEqual(a.commits);
  }
  return { normal, isolated };
}

/** `git` in a directory, trimmed output. */
export function gitIn(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const GUMP_BIN = join(ROOT, 'bin', 'gump.mjs');
export const RUNTIME_BUNDLE = join(ROOT, 'dist', 'gump-runtime.mjs');

export interface Cli {
  code: number;
  stdout: string;
  stderr: string;
}

/** `node <script> args…` in `cwd` (the CLI or the runtime bundle), without a shell. */
export function node(cwd: string, script: string, args: string[], env: Record<string, string> = {}): Promise<Cli> {
  return new Promise((resolvePromise) => {
    execFile(
      process.execPath,
      [script, ...args],
      { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error
          ? typeof (error as { code?: unknown }).code === 'number'
            ? (error as { code: number }).code
            : 1
          : 0;
        resolvePromise({ code, stdout, stderr });
      },
    );
  });
}

/** `gump <args…>` in `cwd`. */
export function gump(cwd: string, ...args: string[]): Promise<Cli> {
  return node(cwd, GUMP_BIN, args);
}
