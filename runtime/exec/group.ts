// Executor: a parallel group (language.md §6.4, §9.5): its children are the branches of a fan-out
// (parallel.ts) from the group's base, with group-retry passes; passed children keep their results.

import type { GroupStep } from '../../protocol/plan.js';
import { headCommit } from '../git/worktree.js';
import { stepRecord } from '../state/run-state.js';
import type { Executor } from './executor.js';
import { groupFan } from './fan.js';
import { fullPath, type Frame } from './frame.js';
import { runPasses } from './parallel.js';
import type { Outcome } from './services.js';
import { finish, skipped } from './step-end.js';

export async function runGroup(ex: Executor, frame: Frame, step: GroupStep): Promise<Outcome> {
  const svc = ex.svc;
  const path = fullPath(frame, step.path);
  const rec = stepRecord(svc.state, path);
  if (rec.status === 'pass') return skipped(ex, path);
  rec.status = 'running';
  svc.ledger.emit('step.started', { step: path, kind: 'group' });
  const fan = groupFan(ex, frame, step);
  fan.split.base ??= await headCommit(frame.cwd);
  // Resumed after the group failed: a fresh round of passes (passed children keep their results).
  if (fan.split.pass >= step.passes) fan.split.pass = 0;
  const outcome = await runPasses(ex, frame, fan);
  if (outcome.status === 'waiting' || outcome.status === 'aborted') return outcome;
  return finish(ex, path, outcome);
}
