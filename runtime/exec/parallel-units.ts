// Executor: the fan-out of a parallel split or group spread over jobs (protocol/units.ts `branch`,
// `merge`). A branch job runs one branch directly in its worktree, restored to the fan-out base;
// the merge job, given the branches' joined states, runs the join of parallel.ts (and any further
// group-retry pass in-process).

import type { AgentStep, GroupStep, PlanStep } from '../../protocol/plan.js';
import { stateKey } from '../../protocol/state-keys.js';
import { headCommit } from '../git/worktree.js';
import { stepRecord } from '../state/run-state.js';
import type { Executor } from './executor.js';
import { fullPath, type Frame } from './frame.js';
import { branchFrame, groupFan, splitFan, type Fan } from './fan.js';
import { joinPass, runPasses } from './parallel.js';
import { fatal, PASS, type Outcome } from './services.js';
import { endTaskPhase } from './split.js';
import { finish } from './step-end.js';
import { UnitError } from './unit-error.js';

/** The fan-out of root step `step`: a planned parallel split or a parallel group. */
export function fanOf(ex: Executor, frame: Frame, step: PlanStep): Fan {
  if (step.kind === 'group') return groupFan(ex, frame, step as GroupStep);
  if (step.kind === 'agent' && step.type === 'split' && step.parallel) {
    const split = ex.svc.state.splits[fullPath(frame, step.path)];
    if (!split || split.pass === 0) throw new UnitError(`split ${step.path} has not planned yet`);
    return splitFan(ex, frame, step as AgentStep);
  }
  throw new UnitError(`step ${step.path} is not a parallel split or group`);
}

/** Branch #`b` in the job's own worktree (already at the fan-out base). Past the plan's end: nothing. */
export async function runBranchUnit(ex: Executor, frame: Frame, step: PlanStep, b: number): Promise<Outcome> {
  const svc = ex.svc;
  const fan = fanOf(ex, frame, step);
  const name = fan.names[b];
  if (name === undefined) {
    if (fan.isSplit) return PASS;
    throw new UnitError(`group ${fan.path} has no child #${b}`);
  }
  if (fan.passed(name) && fan.split.branchHeads[name] !== undefined) {
    svc.ledger.emit('step.skipped', { step: `${fan.path}/${name}` });
    return PASS;
  }
  if (!fan.isSplit) stepRecord(svc.state, fan.path).status = 'running';
  // The same commit in every branch job of the fan-out: the state all of them restored.
  fan.split.base ??= await headCommit(frame.cwd);
  fan.split.pass = Math.max(fan.split.pass, 1);
  svc.save();
  const outcome = await fan.run(name, branchFrame(frame, fan, name, frame.cwd, fan.names.length));
  fan.split.branchHeads[name] = await headCommit(frame.cwd);
  const failures = (fan.split.branchFailures ??= {});
  if (outcome.status === 'fatal' || outcome.status === 'aborted') failures[name] = outcome.message;
  else delete failures[name];
  svc.save();
  return outcome;
}

/**
 * Joins the branches (their states already joined into the run state) as parallelTasks/runGroup
 * do: further passes while a branch failed and passes are left, else the first failure in
 * declaration order, else the merge. Settles the step's status.
 */
export async function runMergeUnit(ex: Executor, frame: Frame, step: PlanStep): Promise<Outcome> {
  const svc = ex.svc;
  const fan = fanOf(ex, frame, step);
  if (fan.split.merged === true && svc.state.values[stateKey(fan.path, 'status')] === 'pass') {
    svc.ledger.emit('step.skipped', { step: fan.path });
    return PASS;
  }
  let outcome: Outcome;
  if (svc.state.values[stateKey(fan.path, 'status')] === 'fatal') {
    // A re-run after the step failed: a fresh round of passes, as `gump run --resume` gives.
    fan.split.pass = 0;
    outcome = await runPasses(ex, frame, fan);
  } else {
    const first = await joinPass(ex, frame, fan, (name) => branchOutcome(fan, name));
    outcome = await runPasses(ex, frame, fan, first);
  }
  if (outcome.status === 'waiting' || outcome.status === 'aborted') return outcome;
  return fan.isSplit ? endTaskPhase(ex, fan.path, outcome) : finish(ex, fan.path, outcome);
}

/** What a branch job left: pass, its recorded failure, or a failure when it never ran. */
function branchOutcome(fan: Fan, name: string): Outcome {
  if (fan.passed(name) && fan.split.branchHeads[name] !== undefined) return PASS;
  return fatal(fan.split.branchFailures?.[name] ?? `step ${fan.path}: branch ${name} did not run`);
}
