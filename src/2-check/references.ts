// Check phase: every workflow or validator reference of a workflow (language.md §7), with where
// its diagnostics go (§19) and the inputs it binds. Read by the resolve pass and resolution rules.

import type { InputAst } from '../1-parse/ast.js';
import type { Span } from '../1-parse/located.js';
import type { WorkflowModel, StepInfo } from './model.js';
import type { RefUse } from './resolve-ref.js';

export type RefSite = 'call' | 'get' | 'gate' | 'retry';

export interface Reference {
  site: RefSite;
  /** The reference as written (trimmed); empty when missing. */
  ref: string;
  use: RefUse;
  step: StepInfo;
  /** Resolution errors (GUMP118–121, 127, 328, 329): the `workflow` key, the gate entry, the retry `validate` key. */
  span: Span;
  /** GUMP129: the `workflow` key of a call or `get:` block, the gate entry, the retry entry. */
  bindSpan: Span;
  /** The bound inputs: `with:`, `get:` inputs, gate map inputs, retry `with:`. */
  inputs: InputAst[];
}

export function collectReferences(wf: WorkflowModel): Reference[] {
  const refs: Reference[] = [];
  for (const step of wf.steps) {
    const ast = step.ast;
    // A `workflow` key written inside `get:` is a GET workflow, whichever field the parser put it in.
    const call = ast.workflow?.key.place === 'get' ? undefined : ast.workflow;
    const get = ast.getWorkflow ?? (ast.workflow?.key.place === 'get' ? ast.workflow : undefined);
    if (call) {
      const span = call.key.keySpan;
      refs.push({
        site: 'call',
        ref: call.value.ref,
        use: 'call',
        step,
        span,
        bindSpan: span,
        inputs: ast.with?.value ?? [],
      });
    }
    if (get) {
      const span = get.key.keySpan;
      refs.push({ site: 'get', ref: get.value.ref, use: 'call', step, span, bindSpan: span, inputs: ast.getInputs });
    }
    for (const gate of ast.gate?.value ?? []) {
      if (gate.type !== 'validate') continue;
      refs.push({
        site: 'gate',
        ref: gate.arg ?? '',
        use: 'validator',
        step,
        span: gate.span,
        bindSpan: gate.span,
        inputs: gate.inputs,
      });
    }
    for (const entry of ast.retry?.value ?? []) {
      if (entry.condition?.kind !== 'validate') continue;
      refs.push({
        site: 'retry',
        ref: entry.condition.ref.ref,
        use: 'validator',
        step,
        span: entry.condition.span,
        bindSpan: entry.span,
        inputs: entry.with?.value ?? [],
      });
    }
  }
  return refs;
}
