// Scenario harness for runtime tests: a scratch git repository with a workflow, a stub script and
// project files; the workflow is checked, lowered and run with the real runtime (stub mode) exactly
// as `gump run --stub` does; the result exposes the run branch, state, ledger and report.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { checkFiles } from '../../../src/compile.js';
import { lowerPlan, serialisePlan } from '../../../src/3-lower/lower.js';
import { executeRun } from '../../../src/local/execute.js';
import { startRun } from '../../../src/local/start-run.js';
import { NodeHost } from '../../../src/project/node-host.js';
import { headline } from '../../../src/diagnostics/render.js';
import { readLedger, type LedgerEvent } from '../../../runtime/state/ledger.js';
import { loadState, type RunState } from '../../../runtime/state/run-state.js';
import { runPaths } from '../../../runtime/run/layout.js';
import { buildReport, type RunReport } from '../../../runtime/run/report.js';
import type { TraceOptions } from '../../../runtime/run/trace.js';

export const DEFAULT_PACKAGE = JSON.stringify({
  name: 'demo',
  scripts: { build: 'node -e 0', test: 'node -e 0', lint: 'node -e 0' },
});

export interface Scenario {
  workflow: string;
  stub: string;
  /** Project files (path → text); package.json defaults to passing build/test/lint scripts. */
  files?: Record<string, string>;
  spec?: string;
  inputs?: Record<string, string>;
  isolate?: boolean;
  env?: Record<string, string>;
  /** Progress options (default: a frozen clock). */
  progress?: TraceOptions;
}

export interface ScenarioResult {
  code: number;
  output: string;
  repo: string;
  worktree: string;
  runId: string;
  state: RunState;
  ledger: LedgerEvent[];
  report: RunReport;
  /** Subjects of the run branch's commits after the base, oldest first. */
  commits: string[];
  /** A file's text at the run branch head (undefined when absent). */
  file(path: string): string | undefined;
  events(name: string, step?: string): LedgerEvent[];
  git(...args: string[]): string;
}

/** Scratch repositories of this test file, removed when it ends. */
const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A frozen progress clock: elapsed times in the output are 0.0s, so tests can compare lines. */
const FROZEN = { now: () => 0 };

export function makeRepo(files: Record<string, string>): string {
  const repo = mkdtempSync(join(tmpdir(), 'gump-scn-'));
  created.push(repo);
  const all: Record<string, string> = {
    'package.json': DEFAULT_PACKAGE,
    'spec.md': '# Spec\nBuild the thing.\n',
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  const g = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  g('init', '-q', '-b', 'main');
  g('config', 'user.name', 'Test');
  g('config', 'user.email', 'test@example.invalid');
  g('add', '-A');
  g('commit', '-q', '-m', 'base');
  return repo;
}

export async function runScenario(s: Scenario): Promise<ScenarioResult> {
  const repo = makeRepo({
    ...(s.files ?? {}),
    '.gump/workflows/wf.yaml': s.workflow,
    '.gump/stub.yaml': s.stub,
    ...(s.spec ? { 'spec.md': s.spec } : {}),
  });
  const host = new NodeHost(repo, repo);
  const source = host.load('.gump/workflows/wf.yaml');
  const { results } = checkFiles(host, [source]);
  const errors = results[0]!.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !results[0]!.workflow)
    throw new Error(`scenario workflow has errors:\n${errors.map(headline).join('\n')}`);
  const plan = lowerPlan(results[0]!.workflow, source.file);
  const run = await startRun({
    repo,
    plan,
    planText: serialisePlan(plan),
    planPath: source.file,
    specFile: join(repo, 'spec.md'),
    inputs: s.inputs ?? {},
    stub: true,
  });
  let output = '';
  const code = await executeRun(run.worktree, {
    isolate: s.isolate ?? false,
    write: (t) => void (output += t),
    progress: s.progress ?? FROZEN,
    env: { ...process.env, ...(s.env ?? {}) },
  });
  return inspect(repo, run.worktree, run.id, code, output);
}

/** Continue an existing scenario run (resume, after approve). */
export async function continueScenario(
  r: ScenarioResult,
  opts: { isolate?: boolean; env?: Record<string, string> } = {},
): Promise<ScenarioResult> {
  let output = '';
  const code = await executeRun(r.worktree, {
    isolate: opts.isolate ?? false,
    write: (t) => void (output += t),
    progress: FROZEN,
    env: { ...process.env, ...(opts.env ?? {}) },
  });
  return inspect(r.repo, r.worktree, r.runId, code, output);
}

export function inspect(repo: string, worktree: string, runId: string, code: number, output: string): ScenarioResult {
  const paths = runPaths(worktree);
  const state = loadState(paths.state);
  const ledger = readLedger(paths.ledger);
  const g = (...args: string[]): string => execFileSync('git', args, { cwd: worktree, encoding: 'utf8' }).trim();
  const log = g('log', '--format=%s', '--reverse', `${state.base}..${state.branch}`);
  return {
    code,
    output,
    repo,
    worktree,
    runId,
    state,
    ledger,
    report: buildReport(state, ledger),
    commits: log === '' ? [] : log.split('\n'),
    file(path) {
      try {
        return execFileSync('git', ['show', `${state.branch}:${path}`], {
          cwd: worktree,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        });
      } catch {
        return undefined;
      }
    },
    events(name, step) {
      return ledger.filter((e) => e.event === name && (step === undefined || e.step === step));
    },
    git: g,
  };
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
