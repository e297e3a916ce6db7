// Lower phase entry: a checked root workflow (no errors) and its callees → the Plan IR of
// protocol/plan.ts. Deterministic: workflows sorted by id, keys in a fixed order.

import { createHash } from 'node:crypto';
import type { SourceFile, ProjectHost } from '../2-check/host.js';
import type { CheckedWorkflow } from '../2-check/model.js';
import { calleeFor } from '../2-check/resolve-ref.js';
import { createBinder } from '../2-check/rules/templates/bind-reference.js';
import { templateSites } from '../2-check/template-sites.js';
import { PLAN_VERSION, type Plan, type PlanWorkflow } from '../../protocol/plan.js';
import { VERSION } from '../version.js';
import { lowerSteps } from './lower-step.js';
import { templateLowerer } from './lower-template.js';

export function lowerPlan(root: CheckedWorkflow, rootSource: SourceFile, host: ProjectHost, sourcePath: string): Plan {
  const workflows = new Map<string, PlanWorkflow>();
  const visit = (wf: CheckedWorkflow, source: SourceFile): void => {
    if (workflows.has(source.file)) return;
    workflows.set(source.file, lowerWorkflow(wf, source, host));
    for (const callee of wf.callees.values()) {
      if (callee.checked) visit(callee.checked, sourceOf(callee.checked));
    }
  };
  visit(root, rootSource);
  const sorted: Record<string, PlanWorkflow> = {};
  for (const id of [...workflows.keys()].sort()) sorted[id] = workflows.get(id)!;
  return {
    version: PLAN_VERSION,
    compiler: VERSION,
    source: { path: sourcePath, sha256: createHash('sha256').update(rootSource.text).digest('hex') },
    root: rootSource.file,
    workflows: sorted,
  };
}

function sourceOf(wf: CheckedWorkflow): SourceFile {
  return { file: wf.ast.file, text: wf.ast.source.text, builtin: wf.ast.file.startsWith('builtin:') };
}

function lowerWorkflow(wf: CheckedWorkflow, source: SourceFile, host: ProjectHost): PlanWorkflow {
  const ctx = { wf, host, source };
  const binder = createBinder(wf);
  const lowerTemplate = templateLowerer(binder);
  const sitesCache = new Map<unknown, ReturnType<typeof templateSites>>();
  const steps = lowerSteps(wf.root.steps, {
    file: source.file,
    lowerTemplate,
    sitesOf: (step) => {
      let sites = sitesCache.get(step);
      if (!sites) sitesCache.set(step, (sites = templateSites(step, ctx)));
      return sites;
    },
    calleeId: (ref, as) => calleeFor(wf, ref, as)?.checked?.ast.file ?? ref,
  });
  const limits = {
    ...(wf.ast.maxBudget ? { maxBudget: wf.ast.maxBudget.value } : {}),
    ...(wf.ast.maxTokens ? { maxTokens: wf.ast.maxTokens.value } : {}),
    ...(wf.ast.maxTimeout ? { maxTimeoutMs: wf.ast.maxTimeout.value } : {}),
  };
  return { id: source.file, name: wf.ast.name?.value ?? '', limits, inputs: [...wf.inputs].sort(), validatorShaped: wf.validatorShaped, steps };
}

/** Canonical plan text: two-space JSON, LF, trailing newline. */
export function serialisePlan(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
