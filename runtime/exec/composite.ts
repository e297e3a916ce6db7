// Executor: composite and gate-only steps (language.md §6, §7.1, §8.6, §9.5): splits (sequential
// tasks and group-retry passes; parallel branches in parallel.ts), parallel groups, workflow calls,
// and callee frames (calls, validators, GET workflows) with their own state prefix, inputs and limits.

import { join } from 'node:path';
import type {
  AgentStep,
  Binding,
  CallStep,
  GateOnlyStep,
  GroupStep,
  PlanStep,
  PlanWorkflow,
} from '../../protocol/plan.js';
import { changedFiles } from '../git/changes.js';
import { headCommit } from '../git/worktree.js';
import { stepRecord, type SplitRecord } from '../state/run-state.js';
import { progressDetail } from './error-excerpt.js';
import { runAtomic } from './atomic.js';
import { scopeCostSource, scopeFor } from './budget.js';
import { groupFan, runPasses, splitFan } from './parallel.js';
import { fullPath, type AttemptView, type BudgetScope, type Frame, type Task } from './frame.js';
import { fatal, PASS, type Outcome } from './services.js';
import type { Executor } from './executor.js';

export async function runGateOnly(ex: Executor, frame: Frame, step: GateOnlyStep): Promise<Outcome> {
  const svc = ex.svc;
  const path = fullPath(frame, step.path);
  const rec = stepRecord(svc.state, path);
  if (rec.status === 'pass') return skipped(ex, path);
  rec.status = 'running';
  rec.attempt = rec.attemptBase + 1;
  svc.ledger.emit('step.started', { step: path, kind: 'gate-only' });
  const files = await changedFiles(frame.cwd, frame.diffBase);
  const results = await ex.evaluate(frame, step.gates, {
    path,
    stepType: 'gate-only',
    outDir: join(frame.cwd, '.gump', 'out'),
    changedFiles: files,
    attempt: 1,
    view: { path, attempt: 1, error: '', diff: '' },
  });
  svc.state.values[`${path}.attempt`] = '1';
  svc.state.values[`${path}.retries`] = '0';
  const failed = ex.recordGates(path, 1, results, 'gate-only');
  const error = failed.map((r) => r.error ?? r.name).join('\n---\n');
  if (failed.length > 0) svc.trace.line(path, 'fail', progressDetail(error));
  svc.ledger.emit('attempt.finished', {
    step: path,
    attempt: 1,
    status: failed.length === 0 ? 'pass' : 'fail',
    ...(failed.length > 0 ? { error } : {}),
  });
  return finish(ex, path, failed.length === 0 ? PASS : fatal(`step ${path}: ${error}`));
}

export async function runSplit(ex: Executor, frame: Frame, step: AgentStep): Promise<Outcome> {
  const svc = ex.svc;
  const path = fullPath(frame, step.path);
  const planner = await runAtomic(ex, frame, step);
  if (planner.status !== 'pass') return planner;
  const split = (svc.state.splits[path] ??= { tasks: [], pass: 0, branchHeads: {} });
  if (svc.state.values[`${path}.status`] === 'pass' && split.pass > 0 && allPassed(ex, frame, step, split.tasks))
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
  svc.state.values[`${path}.status`] = outcome.status === 'pass' ? 'pass' : 'fatal';
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

export async function runCall(ex: Executor, frame: Frame, step: CallStep): Promise<Outcome> {
  const svc = ex.svc;
  const path = fullPath(frame, step.path);
  const rec = stepRecord(svc.state, path);
  if (rec.status === 'pass') return skipped(ex, path);
  rec.status = 'running';
  svc.ledger.emit('step.started', { step: path, kind: 'call', workflow: step.workflow });
  const wf = svc.plan.workflows[step.workflow];
  if (!wf) return finish(ex, path, fatal(`step ${path}: workflow ${step.workflow} is missing from the plan`));
  // The callee's own scope counts only its spend (not a concurrent sibling's in a parallel group).
  const scope = scopeFor(path, wf.limits, svc);
  const outcome = await runCallee(
    ex,
    frame,
    path,
    wf,
    step.inputs,
    { path, attempt: 1, error: '', diff: '' },
    { keepState: true, scope },
  );
  const v = svc.state.values;
  v[`${path}.cost`] = String(Math.round(scope.spent.cost * 1e6) / 1e6);
  v[`${path}.cost_source`] = scopeCostSource(scope);
  v[`${path}.tokens_in`] = String(scope.spent.tokensIn);
  v[`${path}.tokens_out`] = String(scope.spent.tokensOut);
  return finish(
    ex,
    path,
    outcome.status === 'fatal' ? fatal(`step ${path}: workflow call failed: ${outcome.message}`) : outcome,
  );
}

/**
 * Run a callee workflow in a frame of its own (§7.1): state under `prefix`, inputs bound by the
 * caller (rendered in the caller's context), unbound `spec`/`diff` from the caller, own limits.
 * Validators and GET workflows run afresh at every use (`keepState` false clears their state).
 */
export async function runCallee(
  ex: Executor,
  frame: Frame,
  prefix: string,
  wf: PlanWorkflow,
  inputs: Binding[],
  view: AttemptView,
  opts: { keepState?: boolean; scope?: BudgetScope; validator?: boolean } = {},
): Promise<Outcome> {
  const svc = ex.svc;
  if (!opts.keepState) clearPrefix(ex, prefix);
  const bound = ex.renderBindings(frame, inputs, view);
  const calleeInputs: Record<string, string> = {};
  for (const name of wf.inputs) {
    if (name in bound) calleeInputs[name] = bound[name]!;
    else if (name !== 'spec' && name !== 'diff' && name in frame.inputs) calleeInputs[name] = frame.inputs[name]!;
  }
  for (const [name, value] of Object.entries(bound)) if (!(name in calleeInputs)) calleeInputs[name] = value;
  const callee: Frame = {
    wf,
    prefix,
    inputs: calleeInputs,
    spec: 'spec' in bound ? bound.spec! : frame.spec,
    ...(wf.validatorShaped && !('diff' in bound) ? { callerDiff: view.diff } : {}),
    cwd: frame.cwd,
    diffBase: frame.diffBase,
    budgets: [...frame.budgets, opts.scope ?? scopeFor(prefix, wf.limits, svc)],
    ...(frame.branch !== undefined ? { branch: frame.branch } : {}),
    // The blast radius covers every step inside the task, at any depth (§6.2); a callee's own
    // paths never hold `*` (no split inside a task, GUMP401).
    ...(frame.task !== undefined ? { task: frame.task } : {}),
    ...(opts.validator ? { validator: true as const } : {}),
  };
  return ex.runSteps(callee, wf.steps);
}

function clearPrefix(ex: Executor, prefix: string): void {
  const s = ex.svc.state;
  const under = (k: string): boolean => k.startsWith(`${prefix}/`) || k.startsWith(`${prefix}.`);
  for (const k of Object.keys(s.values)) if (under(k)) delete s.values[k];
  for (const k of Object.keys(s.steps)) if (under(k)) delete s.steps[k];
  for (const k of Object.keys(s.prev)) if (under(k)) delete s.prev[k];
  for (const k of Object.keys(s.splits)) if (under(k)) delete s.splits[k];
}

function skipped(ex: Executor, path: string): Outcome {
  ex.svc.ledger.emit('step.skipped', { step: path });
  return PASS;
}

export function finish(ex: Executor, path: string, outcome: Outcome): Outcome {
  const svc = ex.svc;
  if (outcome.status === 'waiting') return outcome;
  const rec = stepRecord(svc.state, path);
  const status = outcome.status === 'pass' ? 'pass' : outcome.status === 'aborted' ? 'aborted' : 'fatal';
  rec.status = status;
  svc.state.values[`${path}.status`] = status;
  svc.ledger.emit('step.finished', {
    step: path,
    status,
    ...(outcome.status === 'fatal' ? { message: outcome.message } : {}),
  });
  if (status !== 'pass')
    svc.trace.line(path, status, outcome.status === 'fatal' ? outcome.message.split('\n')[0] : undefined);
  else svc.trace.line(path, 'pass');
  svc.save();
  return outcome;
}
