// End-to-end helpers for the GitHub target: a stand-in repository holding a project and its
// compiled pipeline (`gump compile --target github`, committed), a dispatch of the generated
// workflow through the test executor (test/gha), and what the run left: jobs, pull requests, the
// report artifact, and the run state and ledger of its newest state artifact.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { runWorkflow, type RunWorkflowResult } from '../../gha/run-workflow.js';
import { makeRepo } from '../../runtime/scenario/harness.js';
import { byStep, gump, outcomeOf, type RunOutcome } from '../../runtime/e2e/library-run.js';
import type { ScenarioResult } from '../../runtime/scenario/harness.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A stand-in repository with `files`, the workflow compiled for GitHub, all committed on main. */
export async function githubRepo(workflow: string, files: Record<string, string>, toml?: string): Promise<string> {
  const repo = makeRepo({ ...files, ...(toml ? { 'gump.toml': toml } : {}) });
  const compiled = await gump(repo, 'compile', workflow, '--target', 'github');
  if (compiled.code !== 0) throw new Error(`gump compile failed:\n${compiled.stdout}${compiled.stderr}`);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'gump: compile');
  return repo;
}

export interface GithubRun {
  result: RunWorkflowResult;
  repo: string;
  out: string;
  /** Executor state (artifacts of every run): pass it again to re-run or to resume by dispatch. */
  state: string;
  /** `report.json` of the `gump-report` artifact. */
  report?: { status: string; steps: Array<{ step: string; status: string }>; runId: string; branch: string };
  /** The run state and ledger of the newest state artifact. */
  runState?: { status: string; branch: string; steps: Record<string, { status: string }> };
  ledger: Array<Record<string, unknown>>;
  jobLog(job: string): string;
}

export interface Dispatch {
  inputs?: Record<string, string>;
  decisions?: ('approve' | 'reject')[];
  rerunFailed?: number;
  state?: string;
}

/** Dispatch `gump-<workflow>.yml` in stub mode with spec.md (or re-run a run) and collect what it left. */
export async function dispatch(repo: string, workflow: string, o: Dispatch = {}): Promise<GithubRun> {
  const out = mkdtempSync(join(tmpdir(), 'gump-gha-out-'));
  made.push(out);
  const state = o.state ?? mkdtempSync(join(tmpdir(), 'gump-gha-state-'));
  if (!o.state) made.push(state);
  const result = await runWorkflow({
    repo,
    workflow: join(repo, '.github', 'workflows', `gump-${workflow}.yml`),
    out,
    state,
    inputs: { spec: 'spec.md', stub: 'true', ...(o.inputs ?? {}) },
    ...(o.decisions ? { decisions: o.decisions } : {}),
    ...(o.rerunFailed !== undefined ? { rerunFailed: o.rerunFailed } : {}),
    repository: 'gump-test/stand-in',
  });
  const reportFile = join(out, 'artifacts', 'gump-report', 'report.json');
  const newest = newestBoundary(join(out, 'artifacts'));
  return {
    result,
    repo,
    out,
    state,
    ...(existsSync(reportFile) ? { report: JSON.parse(readFileSync(reportFile, 'utf8')) } : {}),
    ...(newest ? { runState: JSON.parse(readFileSync(join(newest, 'run', 'state.json'), 'utf8')) } : {}),
    ledger: newest
      ? readFileSync(join(newest, 'run', 'ledger.ndjson'), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l))
      : [],
    jobLog: (job) => readFileSync(join(out, 'logs', `${job}.log`), 'utf8'),
  };
}

/** The state artifact directory (holding boundary.json) with the highest `seq`. */
function newestBoundary(artifacts: string): string | undefined {
  let best: { dir: string; seq: number } | undefined;
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    if (existsSync(join(dir, 'boundary.json'))) {
      const seq = Number(JSON.parse(readFileSync(join(dir, 'boundary.json'), 'utf8')).seq ?? 0);
      if (!best || seq > best.seq) best = { dir, seq };
      return;
    }
    for (const name of readdirSync(dir)) if (statSync(join(dir, name)).isDirectory()) walk(join(dir, name));
  };
  for (const name of existsSync(artifacts) ? readdirSync(artifacts) : [])
    if (name.startsWith('gump-state-')) walk(join(artifacts, name));
  return best?.dir;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

/** The published run branch's files (`git ls-tree -r`), or undefined when nothing was pushed. */
export function publishedTree(run: GithubRun): string | undefined {
  const branch = run.runState?.branch;
  if (!branch) return undefined;
  try {
    return git(run.repo, 'ls-tree', '-r', branch);
  } catch {
    return undefined;
  }
}

/** `event step status` of step.finished / attempt.finished / run.finished, in ledger order. */
export function outcomeLines(ledger: Array<Record<string, unknown>>): string[] {
  const keep = new Set(['step.finished', 'attempt.finished', 'run.finished']);
  return ledger
    .filter((e) => keep.has(String(e.event)))
    .map((e) => `${e.event} ${String(e.step ?? '-')} ${String(e.status ?? '')}`);
}

/** The GitHub run ended exactly as the local run: status, run-branch tree, step statuses, ledger outcome. */
export function expectSameAsLocal(run: GithubRun, local: ScenarioResult, o: { parallel?: boolean } = {}): void {
  const want: RunOutcome = outcomeOf(local);
  expect(run.runState?.status, run.result.out).toBe(want.status);
  const steps = Object.fromEntries(
    Object.entries(run.runState?.steps ?? {})
      .map(([k, v]) => [k, v.status])
      .sort(([a], [b]) => a!.localeCompare(b!)),
  );
  expect(steps).toEqual(want.steps);
  if (want.status === 'pass') expect(publishedTree(run)).toBe(want.tree);
  const lines = outcomeLines(run.ledger);
  if (o.parallel) expect(byStep(lines)).toEqual(byStep(want.ledger));
  else expect(lines).toEqual(want.ledger);
  expect(run.report?.status).toBe(want.status);
}
