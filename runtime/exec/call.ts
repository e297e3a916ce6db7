// Executor: a workflow call step (language.md §7.1): the callee runs under the call's path with its
// own limits; the call's `cost`, `cost_source` and tokens are what the callee spent (§15.2). A callee's
// failure fails the call with its kind kept (a merge conflict stays final through the call).

import type { CallStep } from '../../protocol/plan.js';
import { stateKey } from '../../protocol/state-keys.js';
import { stepRecord } from '../state/run-state.js';
import { scopeCostSource, scopeFor } from './budget.js';
import { runCallee } from './callee.js';
import type { Executor } from './executor.js';
import { fullPath, type Frame } from './frame.js';
import { fatal, type Outcome } from './services.js';
import { finish, skipped } from './step-end.js';

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
  v[stateKey(path, 'cost')] = String(Math.round(scope.spent.cost * 1e6) / 1e6);
  v[stateKey(path, 'cost_source')] = scopeCostSource(scope);
  v[stateKey(path, 'tokens_in')] = String(scope.spent.tokensIn);
  v[stateKey(path, 'tokens_out')] = String(scope.spent.tokensOut);
  return finish(
    ex,
    path,
    outcome.status === 'fatal'
      ? fatal(`step ${path}: workflow call failed: ${outcome.message}`, outcome.kind)
      : outcome,
  );
}
