// End-to-end helpers: run a built-in library workflow (resolved by name, as `gump run <name>` does)
// in stub mode on a scratch copy of fixtures/stub/project, in-process or with every job unit in a
// fresh runtime process (`--isolate-steps`), and reduce a run to what must not depend on the mode.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

/** The demo project plus a workflow's own stub script (`fixtures/stub/<name>.yaml`). */
export function projectFiles(stubName: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...readTree(join(STUB_FIXTURES, 'project')), '.gump/stub.yaml': readFileSync(join(STUB_FIXTURES, `${stubName}.yaml`), 'utf8'), ...extra };
}

export interface LibraryRun {
  /** Workflow name, resolved like `gump run <name>` (project file, then the built-in library). */
  workflow: string;
  files: Record<string, string>;
  isolate?: boolean;
  env?: Record<string, string>;
  inputs?: Record<string, string>;
}

/** A fresh repository holding `files`, then one run of the workflow to its end (or first stop). */
export async function runLibrary(o: LibraryRun): Promise<ScenarioResult> {
  const repo = makeRepo(o.files);
  return startInRepo(repo, o);
}

export async function startInRepo(repo: string, o: LibraryRun): Promise<ScenarioResult> {
  const host = new NodeHost(repo, repo);
  const source = host.resolve(o.workflow, 'workflow');
  if (!source) throw new Error(`no workflow ${o.workflow}`);
  const { results } = checkFiles(host, [source]);
  const errors = results[0]!.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !results[0]!.workflow) throw new Error(`workflow ${o.workflow} has errors:\n${errors.map(headline).join('\n')}`);
  const plan = lowerPlan(results[0]!.workflow, source, host, source.file);
  const run = await startRun({ repo, plan, planText: serialisePlan(plan), planPath: source.file, specFile: join(repo, 'spec.md'), inputs: o.inputs ?? {}, stub: true });
  let output = '';
  const code = await executeRun(run.worktree, { isolate: o.isolate ?? false, write: (t) => void (output += t), env: { ...process.env, ...(o.env ?? {}) } });
  return inspect(repo, run.worktree, run.id, code, output);
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
}

const OUTCOME_EVENTS = new Set(['step.finished', 'attempt.finished', 'run.finished']);

export function outcomeOf(r: ScenarioResult): RunOutcome {
  const steps: Record<string, string> = {};
  for (const [path, rec] of Object.entries(r.state.steps).sort(([a], [b]) => a.localeCompare(b))) steps[path] = rec.status;
  return {
    code: r.code,
    status: r.state.status,
    tree: r.git('ls-tree', '-r', r.state.branch),
    commits: r.commits,
    steps,
    values: Object.fromEntries(Object.entries(r.state.values).filter(([k]) => !k.endsWith('.duration')).sort(([a], [b]) => a.localeCompare(b))),
    ledger: r.ledger.filter((e) => OUTCOME_EVENTS.has(e.event)).map((e) => `${e.event} ${e.step ?? '-'} ${String(e.status ?? '')}`),
  };
}

/** Ledger outcome lines grouped by step (parallel branches interleave their events). */
export function byStep(lines: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const l of lines) (out[l.split(' ')[1]!] ??= []).push(l);
  return out;
}

/** Run a library workflow normally and with `--isolate-steps`; both must end identically. */
export async function runBothWays(o: Omit<LibraryRun, 'isolate'>, opts: { parallel?: boolean } = {}): Promise<{ normal: ScenarioResult; isolated: ScenarioResult }> {
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
    expect(b.commits).toEqual(a.commits);
  }
  return { normal, isolated };
}

/** `git` in a directory, trimmed output. */
export function gitIn(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}
