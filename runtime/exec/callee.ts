// Executor: a callee frame (language.md §7.1) — a called workflow, a validator or a GET workflow runs
// with its own state prefix, inputs bound by the caller (rendered in the caller's context), the
// caller's `spec` and `diff` where it does not bind them, and its own limits.

import type { Binding, PlanWorkflow } from '../../protocol/plan.js';
import { render } from '../render.js';
import type { RunState } from '../state/run-state.js';
import { scopeFor } from './budget.js';
import type { Executor } from './executor.js';
import { renderScope, type AttemptView, type BudgetScope, type Frame } from './frame.js';
import type { Outcome } from './services.js';

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
  if (!opts.keepState) clearPrefix(svc.state, prefix);
  const bound = renderBindings(svc.state, frame, inputs, view);
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

/** Render a binding list in the caller's context (call `with:`, GET inputs, validator inputs). */
function renderBindings(state: RunState, frame: Frame, inputs: Binding[], view: AttemptView): Record<string, string> {
  const scope = renderScope(state, frame, view);
  const out: Record<string, string> = {};
  for (const b of inputs) out[b.name] = render(b.value, scope);
  return out;
}

/** Forget every key, record and split of an earlier use of the callee under `prefix`. */
function clearPrefix(s: RunState, prefix: string): void {
  const under = (k: string): boolean => k.startsWith(`${prefix}/`) || k.startsWith(`${prefix}.`);
  for (const k of Object.keys(s.values)) if (under(k)) delete s.values[k];
  for (const k of Object.keys(s.steps)) if (under(k)) delete s.steps[k];
  for (const k of Object.keys(s.prev)) if (under(k)) delete s.prev[k];
  for (const k of Object.keys(s.splits)) if (under(k)) delete s.splits[k];
}
