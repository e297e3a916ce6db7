// One job unit (protocol/units.ts): what one CI job, or one `gump run --isolate-steps` process,
// runs of the root workflow. The run status is settled only when the unit ends the run; a unit
// that leaves the run going just saves the state for the next job.

import type { AgentStep, PlanStep } from '../../protocol/plan.js';
import type { Unit } from '../../protocol/units.js';
import { stateKey } from '../../protocol/state-keys.js';
import { runAtomic } from '../exec/atomic.js';
import { announcePlan, endTaskPhase, runTask, taskPassed } from '../exec/split.js';
import { Executor } from '../exec/executor.js';
import { fullPath, type Frame } from '../exec/frame.js';
import { runBranchUnit, runMergeUnit } from '../exec/parallel-units.js';
import { PASS, type Outcome, type Services } from '../exec/services.js';
import { UnitError } from '../exec/unit-error.js';
import { preflight, rootFrame, rootSteps, settle } from './driver.js';
import { recordBranchBase } from './join-runs.js';

export async function runUnit(svc: Services, unit: Unit): Promise<Outcome> {
  const bad = preflight(svc);
  if (bad) return settle(svc, bad);
  const ex = new Executor(svc);
  const frame = rootFrame(svc);
  const steps = rootSteps(svc);
  const step = steps[unit.index];
  if (!step) throw new UnitError(`the plan has no root step #${unit.index}`);
  const outcome = await dispatch(ex, frame, step, unit);
  if (
    outcome.status === 'waiting' ||
    outcome.status === 'aborted' ||
    (outcome.status === 'fatal' && unit.kind !== 'branch') ||
    (outcome.status === 'pass' && endsRun(svc, unit))
  )
    return settle(svc, outcome);
  // A failed branch is recorded; the merge unit decides (group retry, or the step's failure).
  svc.save();
  return outcome;
}

/** The unit closing the last root step (its `step` or `merge` unit): when it passes, the run has passed. */
export function endsRun(svc: Services, unit: Unit): boolean {
  return (unit.kind === 'step' || unit.kind === 'merge') && unit.index === rootSteps(svc).length - 1;
}

function dispatch(ex: Executor, frame: Frame, step: PlanStep, unit: Unit): Promise<Outcome> {
  switch (unit.kind) {
    case 'step':
      return ex.runStep(frame, step);
    case 'planner':
      return runPlanner(ex, frame, splitStep(step, unit.index));
    case 'task':
      return runTaskUnit(ex, frame, splitStep(step, unit.index), unit.task);
    case 'slot':
      return runSlot(ex, frame, splitStep(step, unit.index), unit.slot, unit.last);
    case 'branch':
      recordBranchBase(ex.svc);
      return runBranchUnit(ex, frame, step, unit.branch);
    case 'merge':
      return runMergeUnit(ex, frame, step);
  }
}

function splitStep(step: PlanStep, index: number): AgentStep {
  if (step.kind !== 'agent' || step.type !== 'split')
    throw new UnitError(`root step #${index} (${step.path}) is not a split`);
  return step;
}

async function runPlanner(ex: Executor, frame: Frame, step: AgentStep): Promise<Outcome> {
  const outcome = await runAtomic(ex, frame, step);
  const split = ex.svc.state.splits[step.path];
  if (outcome.status === 'pass' && split && split.pass === 0) {
    // As runSplit does after its planner: announce the plan, the first task pass begins.
    announcePlan(ex, step.path);
    split.pass = 1;
  }
  return outcome;
}

async function runTaskUnit(ex: Executor, frame: Frame, step: AgentStep, name: string): Promise<Outcome> {
  const split = ex.svc.state.splits[step.path];
  const index = split?.tasks.findIndex((t) => t.name === name) ?? -1;
  if (!split || index < 0) throw new UnitError(`split ${step.path} has no task ${name}`);
  return runTasks(ex, frame, step, index, index + 1);
}

/**
 * The `slot`-th task (plan order); the last slot runs every later task too. A task before the slot
 * still pending (its job stopped at an approval point) runs first: a task always starts from the
 * worktree the previous one left (§6.1).
 */
async function runSlot(ex: Executor, frame: Frame, step: AgentStep, slot: number, last: boolean): Promise<Outcome> {
  const split = ex.svc.state.splits[step.path];
  if (!split || split.pass === 0) throw new UnitError(`split ${step.path} has not planned yet`);
  if (slot >= split.tasks.length) return PASS;
  return runTasks(ex, frame, step, 0, last ? split.tasks.length : slot + 1);
}

/**
 * Tasks [from, to) of the first pass that have not passed, in plan order. After a failed task with
 * group-retry passes left (§9.5) nothing more runs here: the split's closing `step` unit runs the
 * next passes. Without passes left the split ends fatal.
 */
async function runTasks(ex: Executor, frame: Frame, step: AgentStep, from: number, to: number): Promise<Outcome> {
  const split = ex.svc.state.splits[step.path]!;
  split.pass = Math.max(split.pass, 1);
  const retryLeft = split.pass < step.retry.exit;
  const each = step.each ?? [];
  for (const task of split.tasks.slice(0, to)) {
    const done = taskPassed(ex, { ...frame, task }, each);
    if (done) continue;
    if (retryLeft && taskFailed(ex, { ...frame, task }, each)) return PASS;
    if (split.tasks.indexOf(task) < from) continue;
    const outcome = await runTask(ex, frame, step, task);
    if (outcome.status === 'fatal') {
      if (retryLeft) return PASS;
      return endTaskPhase(ex, step.path, outcome);
    }
    if (outcome.status !== 'pass') return outcome;
  }
  return PASS;
}

function taskFailed(ex: Executor, frame: Frame, each: readonly PlanStep[]): boolean {
  return each.some((s) => ex.svc.state.steps[fullPath(frame, s.path)]?.status === 'fatal');
}

/** The unit has nothing left to do (a re-run of the pipeline skips it: the run resumes). */
export function unitDone(svc: Services, unit: Unit): boolean {
  const step = rootSteps(svc)[unit.index];
  if (!step) return false;
  const s = svc.state;
  const passed = (path: string): boolean => s.steps[path]?.status === 'pass';
  const split = s.splits[step.path];
  const frame = rootFrame(svc);
  const each = step.kind === 'agent' ? (step.each ?? []) : [];
  const taskDone = (name: string): boolean => {
    const task = split?.tasks.find((t) => t.name === name);
    return task !== undefined && each.every((e) => passed(fullPath({ ...frame, task }, e.path)));
  };
  const isSplit = step.kind === 'agent' && step.type === 'split';
  // A split's status is its planner's until the task phase ends: every task passed (and merged).
  const splitDone = (): boolean =>
    (split?.pass ?? 0) > 0 &&
    split!.tasks.every((t) => taskDone(t.name)) &&
    (step.kind !== 'agent' || !step.parallel || split!.merged === true);
  switch (unit.kind) {
    case 'step':
    case 'merge':
      return (
        passed(step.path) &&
        s.values[stateKey(step.path, 'status')] === 'pass' &&
        (!isSplit || splitDone()) &&
        (step.kind !== 'group' || split?.merged === true || unit.kind === 'step')
      );
    case 'planner':
      return passed(step.path) && (split?.pass ?? 0) > 0;
    case 'task':
      return taskDone(unit.task);
    case 'slot': {
      if (!split || split.pass === 0) return false;
      const upTo = unit.last ? split.tasks.length : Math.min(unit.slot + 1, split.tasks.length);
      return split.tasks.slice(0, upTo).every((t) => taskDone(t.name));
    }
    case 'branch': {
      const child = step.kind === 'group' ? step.steps[unit.branch] : undefined;
      const name = step.kind === 'group' ? child?.name : split?.tasks[unit.branch]?.name;
      if (name === undefined) return split !== undefined && split.pass > 0;
      const done = child ? passed(fullPath(frame, child.path)) : taskDone(name);
      return done && split?.branchHeads[name] !== undefined;
    }
  }
}
