// Rule (language.md §14.6, §7.1): a workflow's inputs are its bare placeholders that are neither
// reserved nor steps, plus every callee input it leaves unbound (except `spec`, and the `diff` of
// a validator-shaped callee, which take the caller's rendering); `spec` always. Inputs rendered
// into an `agent` field, directly or through a callee's agent input, are its agent inputs.

import type { InputAst } from '../../../1-parse/ast.js';
import type { CheckedWorkflow } from '../../model.js';
import { calleeFor } from '../../resolve-ref.js';
import { getWorkflowOf, indexScopes } from '../../scope-lookup.js';
import type { Rule, RuleContext } from '../../rule.js';
import { templateSites, type TemplateSite } from '../../template-sites.js';
import { isReservedName } from './bind-reference.js';

export const collectInputs: Rule = {
  name: 'collect-inputs',
  check(ctx) {
    const inputs = new Set<string>(['spec']);
    const agentInputs = new Set<string>();
    const stepNames = indexScopes(ctx.wf).names;
    for (const step of ctx.wf.steps) {
      for (const site of templateSites(step, ctx)) {
        const names = inputNames(ctx.wf, stepNames, site);
        names.forEach((n) => inputs.add(n));
        if (site.kind === 'agent' || site.kind === 'retry-agent') names.forEach((n) => agentInputs.add(n));
      }
    }
    for (const use of calleeUses(ctx)) {
      const callee = calleeFor(ctx.wf, use.ref, use.validator ? 'validator' : undefined)?.checked;
      if (!callee) continue;
      const bound = new Map(use.inputs.map((i) => [i.name, i]));
      for (const name of callee.inputs) {
        if (bound.has(name) || name === 'spec' || callee.agentInputs.includes(name)) continue;
        if (name === 'diff' && callee.validatorShaped) {
          // The caller's `{diff}`: an input only where `diff` is one (a validator-shaped caller).
          if (ctx.wf.validatorShaped) inputs.add('diff');
          continue;
        }
        inputs.add(name);
      }
      for (const name of callee.agentInputs) {
        const value = bound.get(name)?.value;
        if (!value) continue;
        const site = { kind: 'with', template: value } as TemplateSite;
        for (const n of inputNames(ctx.wf, stepNames, site)) agentInputs.add(n);
      }
    }
    ctx.wf.inputs = [...inputs].sort();
    ctx.wf.agentInputs = [...agentInputs].filter((n) => n !== 'spec' && n !== 'diff').sort();
  },
};

/** Bare placeholders of one template that are workflow inputs. */
function inputNames(wf: CheckedWorkflow, stepNames: Set<string>, site: Pick<TemplateSite, 'template'>): string[] {
  return site.template.placeholders.flatMap((ph) =>
    ph.parsed.kind === 'bare' && !isReservedName(wf, ph.parsed.name) && !stepNames.has(ph.parsed.name) ? [ph.parsed.name] : [],
  );
}

interface CalleeUse {
  ref: string;
  validator: boolean;
  inputs: InputAst[];
}

/** Every reference to another workflow with the inputs it binds: call, GET, validator gate, retry. */
function calleeUses(ctx: RuleContext): CalleeUse[] {
  const uses: CalleeUse[] = [];
  for (const { ast } of ctx.wf.steps) {
    if (ast.workflow && ast.keys.has('workflow')) uses.push({ ref: ast.workflow.value.ref, validator: false, inputs: ast.with?.value ?? [] });
    const get = getWorkflowOf(ast);
    if (get) uses.push({ ref: get.ref, validator: false, inputs: ast.getInputs });
    for (const gate of ast.gate?.value ?? []) {
      if (gate.type === 'validate' && gate.arg) uses.push({ ref: gate.arg, validator: true, inputs: gate.inputs });
    }
    for (const entry of ast.retry?.value ?? []) {
      if (entry.condition?.kind === 'validate') uses.push({ ref: entry.condition.ref.ref, validator: true, inputs: entry.with?.value ?? [] });
    }
  }
  return uses;
}
