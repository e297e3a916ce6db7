// Executor: composite and gate-only steps (language.md §6, §7.1, §8.6, §9.5): splits (sequential
// and parallel tasks, group-retry passes, merge), parallel groups, workflow calls, and callee frames
// (calls, validators, GET workflows) with their own state prefix, inputs and limits.

import { join } from 'node:path';
import type { AgentStep, Binding, CallStep, GateOnlyStep, GroupStep, PlanStep, PlanWorkflow } from '../../protocol/plan.js';
import { changedFiles } from '../git/changes.js';
import { addBranchWorktree, applyBranches, headCommit, leftoverHead, removeWorktree } from '../git/worktree.js';
import { stepRecord, type SplitRecord } from '../state/run-state.js';
import { runAtomic } from './atomic.js';
import { branchScopes, scopeFor } from './budget.js';
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
  svc.ledger.emit('attempt.finished', { step: path, attempt: 1, status: failed.length === 0 ? 'pass' : 'fail', ...(failed.length > 0 ? { error } : {}) });
  return finish(ex, path, failed.length === 0 ? PASS : fatal(`step ${path}: ${error}`));
}

export async function runSplit(ex: Executor, frame: Frame, step: AgentStep): Promise<Outcome> {
  const svc = ex.svc;
  const path = fullPath(frame, step.path);
  const planner = await runAtomic(ex, frame, step);
  if (planner.status !== 'pass') return planner;
  const split = (svc.state.splits[path] ??= { tasks: [], pass: 0, branchHeads: {} });
  if (svc.state.values[`${path}.status`] === 'pass' && split.pass > 0 && allPassed(ex, frame, step, split.tasks)) return PASS;
  if (split.pass === 0) announcePlan(ex, path);
  const passes = step.retry.exit;
  // Resumed after the task phase failed: a fresh round of passes (like a fatal atomic step's attempts).
  if (split.pass >= passes) split.pass = 0;
  let outcome: Outcome = PASS;
  while (split.pass < passes) {
    split.pass++;
    svc.save();
    outcome = step.parallel ? await parallelTasks(ex, frame, step, path) : await sequentialTasks(ex, frame, step);
    if (outcome.status === 'waiting' || outcome.status === 'aborted') return outcome;
    if (outcome.status === 'pass' || outcome.message.startsWith('parallel merge conflict')) break;
    if (split.pass < passes) svc.trace.line(path, 'retry', `task pass ${split.pass + 1} of ${passes}`);
  }
  return endTaskPhase(ex, path, outcome);
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
  if (outcome.status === 'fatal') svc.ledger.emit('step.finished', { step: path, status: 'fatal', message: outcome.message });
  svc.save();
  return outcome;
}

function taskFrame(frame: Frame, task: Task): Frame {
  return { ...frame, task };
}

function allPassed(ex: Executor, frame: Frame, step: AgentStep, tasks: Task[]): boolean {
  return tasks.every((t) => taskPassed(ex, taskFrame(frame, t), step.each ?? []));
}

function taskPassed(ex: Executor, frame: Frame, steps: PlanStep[]): boolean {
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

async function parallelTasks(ex: Executor, frame: Frame, step: AgentStep, path: string): Promise<Outcome> {
  const svc = ex.svc;
  const split = svc.state.splits[path]!;
  split.base ??= await headCommit(frame.cwd);
  // A passed task without a recorded head (the runtime was killed before saving it) runs again: its
  // steps are skipped and its head is read back from the worktree it left behind.
  const pending = split.tasks.filter((t) => !taskPassed(ex, taskFrame(frame, t), step.each ?? []) || split.branchHeads[t.name] === undefined);
  const outcomes = await fanOut(ex, frame, path, split, pending.map((task) => ({
    name: task.name,
    run: async (branchFrame) => {
      svc.ledger.emit('task.started', { step: path, task: task.name, parallel: true });
      const outcome = await ex.runSteps({ ...branchFrame, task }, step.each ?? []);
      svc.ledger.emit('task.finished', { step: path, task: task.name, status: outcome.status });
      return outcome;
    },
  })));
  const failed = split.tasks.map((t) => outcomes.get(t.name)).find((o) => o && o.status !== 'pass');
  if (failed) return failed;
  return mergeBranches(ex, frame, path, split.base!, split.tasks.map((t) => ({ name: t.name, head: split.branchHeads[t.name] ?? split.base! })));
}

/** One parallel branch (§6.3, §6.4): a name and what runs in its worktree. */
interface Branch {
  name: string;
  run(frame: Frame): Promise<Outcome>;
}

/**
 * Runs branches concurrently, each in a worktree of its own created from the branch's last head (a
 * re-run branch continues from it) or the shared base, with a fixed 1/n share of the budgets
 * (§17.1: each branch counts only its own spend). Records every branch head before its worktree,
 * the only other copy, goes away. A leftover worktree (a killed run) gives its head back.
 */
async function fanOut(ex: Executor, frame: Frame, path: string, split: SplitRecord, branches: Branch[]): Promise<Map<string, Outcome>> {
  const svc = ex.svc;
  const shares = branches.map((b) => [...frame.budgets, ...branchScopes(frame.budgets, branches.length, b.name)]);
  const serial = serialiser();
  const results = await Promise.all(
    branches.map(async (b, i) => {
      const dir = join(svc.runDir, 'branches', path.replace(/\//g, '__'), b.name);
      await serial(async () => addBranchWorktree(frame.cwd, dir, (await leftoverHead(dir)) ?? split.branchHeads[b.name] ?? split.base!));
      const outcome = await b.run({ ...frame, cwd: dir, diffBase: split.base!, budgets: shares[i]!, branch: b.name });
      split.branchHeads[b.name] = await headCommit(dir);
      svc.save();
      await serial(() => removeWorktree(frame.cwd, dir));
      svc.save();
      return [b.name, outcome] as const;
    }),
  );
  return new Map(results);
}

/**
 * Runs the branches' `git worktree add`/`remove` one at a time: concurrent calls race on the shared
 * `.git/worktrees/` admin files ("failed to read …/commondir"). One per fan-out, no global state.
 */
function serialiser(): <T>(op: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(op: () => Promise<T>): Promise<T> => {
    const run = tail.then(op, op);
    tail = run.catch(() => undefined);
    return run;
  };
}

async function mergeBranches(ex: Executor, frame: Frame, path: string, base: string, heads: { name: string; head: string }[]): Promise<Outcome> {
  const svc = ex.svc;
  const merged = await applyBranches(frame.cwd, base, heads, `[gump] merge:${path} branches:${heads.map((h) => h.name).join(',')}`);
  if (!merged.ok) {
    const list = merged.conflicts.map((c) => `${c.file} (${c.branches.join(', ')})`).join('; ');
    svc.ledger.emit('merge.finished', { step: path, status: 'conflict', conflicts: merged.conflicts });
    return fatal(`parallel merge conflict in ${path}: ${list}`);
  }
  svc.ledger.emit('merge.finished', { step: path, status: 'pass', commit: merged.commit });
  svc.trace.line(path, 'merge', `${heads.length} branch${heads.length === 1 ? '' : 'es'} merged`);
  return PASS;
}

export async function runGroup(ex: Executor, frame: Frame, step: GroupStep): Promise<Outcome> {
  const svc = ex.svc;
  const path = fullPath(frame, step.path);
  const rec = stepRecord(svc.state, path);
  if (rec.status === 'pass') return skipped(ex, path);
  rec.status = 'running';
  svc.ledger.emit('step.started', { step: path, kind: 'group' });
  const split = (svc.state.splits[path] ??= { tasks: [], pass: 0, branchHeads: {} });
  split.base ??= await headCommit(frame.cwd);
  // Resumed after the group failed: a fresh round of passes (passed children keep their results).
  if (split.pass >= step.passes) split.pass = 0;
  let outcome: Outcome = PASS;
  while (split.pass < step.passes) {
    split.pass++;
    const pending = step.steps.filter((c) => svc.state.steps[fullPath(frame, c.path)]?.status !== 'pass' || split.branchHeads[c.name] === undefined);
    const outcomes = await fanOut(ex, frame, path, split, pending.map((child) => ({ name: child.name, run: (branchFrame) => ex.runStep(branchFrame, child) })));
    const failed = step.steps.map((c) => outcomes.get(c.name)).find((o) => o && o.status !== 'pass');
    if (!failed) {
      outcome = await mergeBranches(ex, frame, path, split.base!, step.steps.map((c) => ({ name: c.name, head: split.branchHeads[c.name] ?? split.base! })));
      break;
    }
    outcome = failed;
    if (outcome.status === 'waiting' || outcome.status === 'aborted') return outcome;
  }
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
  const outcome = await runCallee(ex, frame, path, wf, step.inputs, { path, attempt: 1, error: '', diff: '' }, { keepState: true, scope });
  const v = svc.state.values;
  v[`${path}.cost`] = String(Math.round(scope.spent.cost * 1e6) / 1e6);
  v[`${path}.tokens_in`] = String(scope.spent.tokensIn);
  v[`${path}.tokens_out`] = String(scope.spent.tokensOut);
  return finish(ex, path, outcome.status === 'fatal' ? fatal(`step ${path}: workflow call failed: ${outcome.message}`) : outcome);
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
  opts: { keepState?: boolean; scope?: BudgetScope } = {},
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

function finish(ex: Executor, path: string, outcome: Outcome): Outcome {
  const svc = ex.svc;
  if (outcome.status === 'waiting') return outcome;
  const rec = stepRecord(svc.state, path);
  const status = outcome.status === 'pass' ? 'pass' : outcome.status === 'aborted' ? 'aborted' : 'fatal';
  rec.status = status;
  svc.state.values[`${path}.status`] = status;
  svc.ledger.emit('step.finished', { step: path, status, ...(outcome.status === 'fatal' ? { message: outcome.message } : {}) });
  if (status !== 'pass') svc.trace.line(path, status, outcome.status === 'fatal' ? outcome.message.split('\n')[0] : undefined);
  else svc.trace.line(path, 'pass');
  svc.save();
  return outcome;
}
