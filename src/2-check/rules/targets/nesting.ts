// Check phase, target rules: where a step runs (language.md §6.5). Enclosing parallel branches from
// the scope chain (inside a task is `StepInfo.inTask`), and what a step's callees contain (calls,
// GET workflows, validators; transitively), for the nesting limits GUMP401–403.

import type { StepAst } from '../../../1-parse/ast.js';
import type { CheckedWorkflow, ResolvedCallee, Scope, StepInfo } from '../../model.js';
import { calleeFor } from '../../resolve-ref.js';

/** The composites enclosing a step, innermost first, with the kind of scope each one opens. */
function enclosing(info: StepInfo): Array<{ owner: StepInfo; scope: 'each' | 'group' }> {
  const found: Array<{ owner: StepInfo; scope: 'each' | 'group' }> = [];
  for (let scope: Scope | undefined = info.scope; scope?.owner; scope = scope.parent) {
    if (scope.kind === 'group') found.push({ owner: scope.owner, scope: 'group' });
    else if (scope.kind === 'each' && scope.owner.kind === 'split') found.push({ owner: scope.owner, scope: 'each' });
  }
  return found;
}

/** Inside a parallel branch: a child of a group, or a task of a parallel split, at any depth. */
export function inBranch(info: StepInfo): boolean {
  return enclosing(info).some((e) => e.scope === 'group' || e.owner.ast.parallel?.value === true);
}

export function isParallelSplit(info: StepInfo): boolean {
  return info.kind === 'split' && info.ast.parallel?.value === true;
}

/** A real approval point (§12): `hitl` other than false on a step that accepts it. */
export function hasApproval(info: StepInfo): boolean {
  const h = info.ast.hitl?.value;
  return h !== undefined && h !== false && ['code', 'split', 'validate', 'artifact', 'pass'].includes(info.kind);
}

/** Workflows a step runs (call, GET workflow, validator gates, retry validators) that were checked. */
export function calleesOf(step: StepAst, wf: CheckedWorkflow): CheckedWorkflow[] {
  const found: Array<ResolvedCallee | undefined> = [];
  if (step.workflow) found.push(calleeFor(wf, step.workflow.value.ref));
  if (step.getWorkflow) found.push(calleeFor(wf, step.getWorkflow.value.ref));
  for (const g of step.gate?.value ?? [])
    if (g.type === 'validate' && g.arg !== undefined) found.push(calleeFor(wf, g.arg, 'validator'));
  for (const r of step.retry?.value ?? [])
    if (r.condition?.kind === 'validate') found.push(calleeFor(wf, r.condition.ref.ref, 'validator'));
  return found.flatMap((c) => (c?.checked ? [c.checked] : []));
}

/** Some step of the workflow, or of a workflow it runs (transitively), satisfies `test`. */
export function reaches(
  wf: CheckedWorkflow,
  test: (s: StepInfo) => boolean,
  seen = new Set<CheckedWorkflow>(),
): boolean {
  if (seen.has(wf)) return false;
  seen.add(wf);
  return wf.steps.some((s) => test(s) || calleesOf(s.ast, wf).some((c) => reaches(c, test, seen)));
}

/** Some workflow run by this step reaches a step satisfying `test`. */
export function runsSomewhere(info: StepInfo, wf: CheckedWorkflow, test: (s: StepInfo) => boolean): boolean {
  return calleesOf(info.ast, wf).some((c) => reaches(c, test));
}
