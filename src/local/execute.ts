// Drives a local run: in-process (the default), or with `--isolate-steps` one fresh runtime process
// per job unit (each top-level step; a sequential split's planner and each task apart), restoring
// from a folder of boundaries and saving one more exactly as CI jobs do, so nothing lives only in memory.

import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import type { AgentStep } from '../../protocol/plan.js';
import { cutPlan, unitKey, type Unit } from '../../protocol/units.js';
import { runAll } from '../../runtime/run/driver.js';
import { saveBoundary } from '../../runtime/run/boundary.js';
import { collectBoundaries, tipsOf } from '../../runtime/run/boundary-dag.js';
import { openRun } from '../../runtime/run/open.js';
import { createTrace, type TraceOptions } from '../../runtime/run/trace.js';
import { exitCodeOf } from '../../runtime/run/commands.js';
import { runtimeBundle } from './runs.js';
import { hasStagedStub, stagedStubPath } from './stub-copy.js';

export interface ExecuteOptions {
  isolate: boolean;
  write: (s: string) => void;
  env?: Record<string, string | undefined>;
  /** `gump run --resume`: recorded in the ledger. */
  resumed?: boolean;
  /** Progress options: a terminal gets a live status line (`live`); tests inject the clock. */
  progress?: TraceOptions;
}

/** Exit code: 0 pass, 1 fatal, 3 waiting, 4 aborted. */
export async function executeRun(worktree: string, o: ExecuteOptions): Promise<number> {
  const trace = createTrace(o.write, o.progress);
  try {
    return await execute(worktree, o, trace);
  } finally {
    trace.close();
  }
}

async function execute(worktree: string, o: ExecuteOptions, trace: ReturnType<typeof createTrace>): Promise<number> {
  const entry = runtimeBundle();
  // A local run's own copy of its stub script (stub-copy.ts) wins over the worktree's.
  const env = hasStagedStub(worktree)
    ? { ...(o.env ?? process.env), GUMP_STUB_SCRIPT: stagedStubPath(worktree) }
    : o.env;
  const opening = { trace, runtimeEntry: entry, ...(env ? { env } : {}) };
  const svc = openRun(worktree, opening);
  if (o.resumed) svc.ledger.emit('run.resumed', { runId: svc.state.runId, from: svc.state.status });
  if (svc.state.status === 'aborted' || svc.state.status === 'fatal') {
    // The run goes on: its old outcome (a rejection, a stub error) no longer describes it.
    svc.state.status = 'running';
    delete svc.state.message;
    svc.save();
  }
  if (!o.isolate) return exitCodeOf(await runAll(svc));
  // One boundary per unit, each unit restoring from all of them (the DAG a CI pipeline builds).
  const boundaries = join(dirname(worktree), 'boundaries');
  // The worktree is the truth between processes (an approval, a resume): a boundary of it first.
  const all = collectBoundaries(boundaries);
  const restored = { all: all.map((b) => b.meta), tips: tipsOf(all).map((b) => b.meta) };
  const name = `local-${Math.max(0, ...restored.all.map((b) => b.seq)) + 1}`;
  await saveBoundary(worktree, join(boundaries, name), { name, unit: '', restored, state: svc.state });
  for (;;) {
    const current = openRun(worktree, opening);
    const unit = nextUnit(current);
    // The last unit settled the run (run.finished is in the ledger): nothing is left to run.
    if (!unit) return current.state.status === 'pass' ? 0 : exitCodeOf(await runAll(current));
    const code = await runUnitProcess(
      entry,
      ['unit', '--worktree', worktree, '--unit', unitKey(unit), '--boundaries', boundaries, '--skip-source-check'],
      env ? { ...o, env } : o,
    );
    if (code !== 0) return code;
  }
}

/** One unit in a fresh runtime process, its progress passed on as it comes (no silent unit). */
function runUnitProcess(entry: string, args: string[], o: ExecuteOptions): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [entry, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...(o.env ?? {}) } as NodeJS.ProcessEnv,
    });
    child.stdout.on('data', (b: Buffer) => o.write(b.toString()));
    child.stderr.on('data', (b: Buffer) => o.write(b.toString()));
    child.on('error', () => done(2));
    child.on('close', (code) => done(code ?? 2));
  });
}

/** The next job unit to run, or undefined when every top-level step has passed. */
export function nextUnit(svc: ReturnType<typeof openRun>): Unit | undefined {
  for (const cut of cutPlan(svc.plan)) {
    const { index, step } = cut;
    if (cut.kind === 'sequential-split') {
      // The planner's status is the split's until the task phase ends: look at the tasks.
      if (svc.state.steps[step.path]?.status !== 'pass') return { kind: 'planner', index };
      const split = svc.state.splits[step.path];
      const each = (step as AgentStep).each ?? [];
      const status = (t: { name: string }, s: { path: string }): string | undefined =>
        svc.state.steps[s.path.replace('*', t.name)]?.status;
      const pending = (split?.tasks ?? []).filter((t) => !each.every((s) => status(t, s) === 'pass'));
      if (pending.length === 0 && (split?.pass ?? 0) > 0) continue;
      // First task pass: one unit per task; after a failed task, the split's unit runs the next passes.
      const failed = pending.some((t) => each.some((s) => status(t, s) === 'fatal'));
      if (pending[0] && (split?.pass ?? 0) <= 1 && !failed) return { kind: 'task', index, task: pending[0].name };
      return { kind: 'step', index };
    }
    if (svc.state.steps[step.path]?.status === 'pass' && svc.state.values[`${step.path}.status`] === 'pass') continue;
    return { kind: 'step', index };
  }
  return undefined;
}
