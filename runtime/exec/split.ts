// Executor: a split (language.md §6.1, §6.2, §9.5): the planner runs as an atomic step and records
// its plan; the task phase runs the tasks in plan order (sequential) or as a fan-out (parallel.ts),
// for up to `exit` passes that re-run only the tasks that have not passed.

import type { AgentStep, PlanStep } from '../../protocol/plan.js';
import { stateKey } from '../../protocol/state-keys.js';
import type { SplitRecord } from '../state/run-state.js';
import { runAtomic } from './atomic.js';
import type { Executor } from './executor.js';
import { splitFan } from './fan.js';
import { fullPath, type Frame, type Task } from './frame.js';
import { runPasses } from './parallel.js';
import { PASS, type Outcome, type Services } from './services.js';

export async function runSplit(ex: Executor, frame: Frame, step: AgentStep): Promise<Outcome> {
  const svc = ex.svc;
  const path = fullPath(frame, step.path);
  const planner = await runAtomic(ex, frame, step);
  if (planner.status !== 'pass') return planner;
  const split = (svc.state.splits[path] ??= { tasks: [], pass: 0, branchHeads: {} });
  if (
    svc.state.values[stateKey(path, 'status')] === 'pass' &&
    split.pass > 0 &&
    allPassed(ex, frame, step, split.tasks)
  )
    return PASS;
  if (split.pass === 0) announcePlan(ex, path);
  // Resumed after the task phase failed: a fresh round of passes (like a fatal atomic step's attempts).
  if (split.pass >= step.retry.exit) split.pass = 0;
  const outcome = step.parallel
    ? await runPasses(ex, frame, splitFan(ex, frame, step))
    : await sequentialPasses(ex, frame, step, split);
  if (outcome.status === 'waiting' || outcome.status === 'aborted') return outcome;
  return endTaskPhase(ex, path, outcome);
}

/** The planner's output (a passed attempt of a split step): the tasks of the split at `path`. */
export function recordPlan(
  svc: Services,
  path: string,
  tasks: { name: string; description?: string; files?: string[] }[],
): void {
  const rec = (svc.state.splits[path] ??= { tasks: [], pass: 0, branchHeads: {} });
  rec.tasks = tasks.map((t) => ({ name: t.name, description: t.description ?? '', files: t.files ?? [] }));
}

async function sequentialPasses(ex: Executor, frame: Frame, step: AgentStep, split: SplitRecord): Promise<Outcome> {
  const svc = ex.svc;
  const path = fullPath(frame, step.path);
  const passes = step.retry.exit;
  let outcome: Outcome = PASS;
  while (split.pass < passes) {
    split.pass++;
    svc.save();
    outcome = await sequentialTasks(ex, frame, step);
    if (outcome.status !== 'fatal') return outcome;
    if (split.pass < passes) svc.trace.line(path, 'retry', `task pass ${split.pass + 1} of ${passes}`);
  }
  return outcome;
}

/** The planner passed and its plan is recorded: announce the tasks (once per split). */
export function announcePlan(ex: Executor, path: string): void {
  const svc = ex.svc;
  const split = svc.state.splits[path] ?? { tasks: [] };
  svc.ledger.emit('split.planned', { step: path, tasks: split.tasks.map((t) => t.name) });
  svc.trace.line(path, 'planned', `${split.tasks.length} task${split.tasks.length === 1 ? '' : 's'}`);
  if (split.tasks.length === 0) {
    svc.trace.warn(`${path}: the plan is empty; no task to run`);
    svc.ledger.emit('warning', { step: path, message: 'the plan is empty; no task to run' });
  }
}

/** The task phase of a split ended (all passes, or one task job that ends the run). */
export function endTaskPhase(ex: Executor, path: string, outcome: Outcome): Outcome {
  const svc = ex.svc;
  svc.state.values[stateKey(path, 'status')] = outcome.status === 'pass' ? 'pass' : 'fatal';
  // The split's status covers the task phase (§15.2): a failed task phase ends the split fatal.
  if (outcome.status === 'fatal')
    svc.ledger.emit('step.finished', { step: path, status: 'fatal', message: outcome.message });
  svc.save();
  return outcome;
}

function taskFrame(frame: Frame, task: Task): Frame {
  return { ...frame, task };
}

function allPassed(ex: Executor, frame: Frame, step: AgentStep, tasks: Task[]): boolean {
  return tasks.every((t) => taskPassed(ex, taskFrame(frame, t), step.each ?? []));
}

export function taskPassed(ex: Executor, frame: Frame, steps: PlanStep[]): boolean {
  return steps.every((s) => ex.svc.state.steps[fullPath(frame, s.path)]?.status === 'pass');
}

async function sequentialTasks(ex: Executor, frame: Frame, step: AgentStep): Promise<Outcome> {
  const svc = ex.svc;
  const path = fullPath(frame, step.path);
  for (const task of svc.state.splits[path]!.tasks) {
    if (taskPassed(ex, taskFrame(frame, task), step.each ?? [])) continue;
    const outcome = await runTask(ex, frame, step, task);
    if (outcome.status !== 'pass') return outcome;
  }
  return PASS;
}

/** One task of a sequential split (also one CI job / isolated unit of its own). */
export async function runTask(ex: Executor, frame: Frame, step: AgentStep, task: Task): Promise<Outcome> {
  const svc = ex.svc;
  const path = fullPath(frame, step.path);
  svc.ledger.emit('task.started', { step: path, task: task.name });
  svc.trace.line(`${path}/${task.name}`, 'task', task.description.split('\n')[0]);
  const outcome = await ex.runSteps(taskFrame(frame, task), step.each ?? []);
  svc.ledger.emit('task.finished', { step: path, task: task.name, status: outcome.status });
  return outcome;
}
