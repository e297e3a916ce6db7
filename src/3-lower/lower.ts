// Lower phase entry: a checked root workflow (no errors) and its callees → the Plan IR of
// protocol/plan.ts. Deterministic: workflows sorted by id, keys in a fixed order. Pure: everything
// it reads (bound templates, prompt texts, callees) is in the checked model; no host, no I/O.

import { createHash } from 'node:crypto';
import type { CheckedWorkflow } from '../2-check/model.js';
import { calleeFor } from '../2-check/resolve-ref.js';
import { PLAN_VERSION, type Plan, type PlanWorkflow } from '../../protocol/plan.js';
import { VERSION } from '../version.js';
import { lowerSteps } from './lower-step.js';
import { lowerBoundTemplate } from './lower-template.js';

/** `sourcePath`: the root workflow's path as recorded in the plan (default: its display path). */
export function lowerPlan(root: CheckedWorkflow, sourcePath: string = root.ast.file): Plan {
  const workflows = new Map<string, PlanWorkflow>();
  const visit = (wf: CheckedWorkflow): void => {
    if (workflows.has(wf.ast.file)) return;
    workflows.set(wf.ast.file, lowerWorkflow(wf));
    for (const callee of wf.callees.values()) {
      if (callee.checked) visit(callee.checked);
    }
  };
  visit(root);
  const sorted: Record<string, PlanWorkflow> = {};
  for (const id of [...workflows.keys()].sort()) sorted[id] = workflows.get(id)!;
  return {
    version: PLAN_VERSION,
    compiler: VERSION,
    source: { path: sourcePath, sha256: createHash('sha256').update(root.ast.source.text).digest('hex') },
    root: root.ast.file,
    workflows: sorted,
  };
}

function lowerWorkflow(wf: CheckedWorkflow): PlanWorkflow {
  const steps = lowerSteps(wf.root.steps, {
    file: wf.ast.file,
    lowerTemplate: lowerBoundTemplate,
    sitesOf: (step) => wf.templates.get(step) ?? [],
    calleeId: (ref, as) => calleeFor(wf, ref, as)?.checked?.ast.file ?? ref,
  });
  const limits = {
    ...(wf.ast.maxBudget ? { maxBudget: wf.ast.maxBudget.value } : {}),
    ...(wf.ast.maxTokens ? { maxTokens: wf.ast.maxTokens.value } : {}),
    ...(wf.ast.maxTimeout ? { maxTimeoutMs: wf.ast.maxTimeout.value } : {}),
  };
  return {
    id: wf.ast.file,
    name: wf.ast.name?.value ?? '',
    limits,
    inputs: [...wf.inputs].sort(),
    validatorShaped: wf.validatorShaped,
    steps,
  };
}

/** Canonical plan text: two-space JSON, LF, trailing newline. */
export function serialisePlan(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
