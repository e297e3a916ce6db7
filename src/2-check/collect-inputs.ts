// Check phase, inputs pass (language.md §14.6, §7.1): a workflow's inputs are its bare placeholders
// that are neither reserved nor steps, plus every callee input it leaves unbound (except `spec`, and
// the `diff` of a validator-shaped callee, which take the caller's rendering); `spec` always. Inputs
// rendered into an `agent` field, directly or through a callee's agent input, are its agent inputs.
// Runs after the resolve and bind passes; returns the two sorted lists for the model.

import type { InputAst } from '../1-parse/ast.js';
import type { CheckedWorkflow, WorkflowModel } from './model.js';
import { calleeFor } from './resolve-ref.js';
import { getWorkflowOf, indexScopes } from './scope-lookup.js';
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
  for (const use of calleeUses(wf)) {
    const callee = calleeFor(wf, use.ref, use.validator ? 'validator' : undefined)?.checked;
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

interface CalleeUse {
  ref: string;
  validator: boolean;
  inputs: InputAst[];
}

/** Every reference to another workflow with the inputs it binds: call, GET, validator gate, retry. */
function calleeUses(wf: WorkflowModel): CalleeUse[] {
  const uses: CalleeUse[] = [];
  for (const { ast } of wf.steps) {
    if (ast.workflow && ast.keys.has('workflow'))
      uses.push({ ref: ast.workflow.value.ref, validator: false, inputs: ast.with?.value ?? [] });
    const get = getWorkflowOf(ast);
    if (get) uses.push({ ref: get.ref, validator: false, inputs: ast.getInputs });
    for (const gate of ast.gate?.value ?? []) {
      if (gate.type === 'validate' && gate.arg) uses.push({ ref: gate.arg, validator: true, inputs: gate.inputs });
    }
    for (const entry of ast.retry?.value ?? []) {
      if (entry.condition?.kind === 'validate')
        uses.push({ ref: entry.condition.ref.ref, validator: true, inputs: entry.with?.value ?? [] });
    }
  }
  return uses;
}
