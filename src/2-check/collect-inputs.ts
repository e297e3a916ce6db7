// Check phase, inputs pass (language.md §14.6, §7.1): a workflow's inputs are its bare placeholders
// that are neither reserved nor steps, plus every callee input it leaves unbound (except `spec`, and
// the `diff` of a validator-shaped callee, which take the caller's rendering); `spec` always. Inputs
// rendered into an `agent` field, directly or through a callee's agent input, are its agent inputs.
// Runs after the resolve and bind passes; returns the two sorted lists for the model.

import type { CheckedWorkflow, WorkflowModel } from './model.js';
import { calleeFor } from './resolve-ref.js';
import { indexScopes } from './scope-lookup.js';
import { collectReferences } from './references.js';
import type { TemplateSite } from './template-sites.js';
import { isReservedName } from './bind-reference.js';

export interface WorkflowInputs {
  inputs: string[];
  agentInputs: string[];
}

export function collectInputs(
  wf: Pick<CheckedWorkflow, keyof WorkflowModel | 'callees' | 'templates'>,
): WorkflowInputs {
  const inputs = new Set<string>(['spec']);
  const agentInputs = new Set<string>();
  const stepNames = indexScopes(wf).names;
  for (const step of wf.steps) {
    for (const site of wf.templates.get(step) ?? []) {
      const names = inputNames(wf, stepNames, site);
      names.forEach((n) => inputs.add(n));
      if (site.kind === 'agent' || site.kind === 'retry-agent') names.forEach((n) => agentInputs.add(n));
    }
  }
  // The references the resolve pass resolved (references.ts): calls, GET, validator gates and retries.
  for (const use of collectReferences(wf)) {
    const callee = calleeFor(wf, use.ref, use.use === 'validator' ? 'validator' : undefined)?.checked;
    if (!callee) continue;
    const bound = new Map(use.inputs.map((i) => [i.name, i]));
    for (const name of callee.inputs) {
      if (bound.has(name) || name === 'spec' || callee.agentInputs.includes(name)) continue;
      if (name === 'diff' && callee.validatorShaped) {
        // The caller's `{diff}`: an input only where `diff` is one (a validator-shaped caller).
        if (wf.validatorShaped) inputs.add('diff');
        continue;
      }
      inputs.add(name);
    }
    for (const name of callee.agentInputs) {
      const value = bound.get(name)?.value;
      if (!value) continue;
      for (const n of inputNames(wf, stepNames, { template: value })) agentInputs.add(n);
    }
  }
  return {
    inputs: [...inputs].sort(),
    agentInputs: [...agentInputs].filter((n) => n !== 'spec' && n !== 'diff').sort(),
  };
}

/** Bare placeholders of one template that are workflow inputs. */
function inputNames(wf: WorkflowModel, stepNames: Set<string>, site: Pick<TemplateSite, 'template'>): string[] {
  return site.template.placeholders.flatMap((ph) =>
    ph.parsed.kind === 'bare' && !isReservedName(wf, ph.parsed.name) && !stepNames.has(ph.parsed.name)
      ? [ph.parsed.name]
      : [],
  );
}
