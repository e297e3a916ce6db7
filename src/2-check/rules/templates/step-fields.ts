// Template rules helper: the field catalogue of language.md §15.2 per step kind (the lists are
// protocol/state-keys.ts's, shared with the runtime), and the check of a field path against it
// (GUMP105 unknown field, GUMP108 unknown gate, `state.<key>` of callees).

import {
  AGENT_FIELDS,
  CALL_FIELDS,
  GATE_ONLY_FIELDS,
  GATE_RESULT_FIELDS,
  GET_FIELDS,
  GROUP_FIELDS,
  PASS_FIELDS,
  VALIDATE_FIELDS,
} from '../../../../protocol/state-keys.js';
import { validatorGateName } from '../../../1-parse/build-gate.js';
import { isSeq } from '../../../1-parse/located.js';
import type { CheckedWorkflow, StepInfo, StepKind } from '../../model.js';
import type { Bindable } from '../../scope-lookup.js';
import { calleeFor } from '../../resolve-ref.js';

interface Catalogue {
  plain: readonly string[];
  gates: boolean;
  state: boolean;
  retryValidator: boolean;
}

function catalogueOf(target: Bindable): Catalogue {
  if (target.kind === 'pseudo') return { plain: GET_FIELDS, gates: false, state: true, retryValidator: false };
  const kind: StepKind = target.step.kind;
  switch (kind) {
    case 'group':
      return { plain: GROUP_FIELDS, gates: false, state: false, retryValidator: false };
    case 'call':
      return { plain: CALL_FIELDS, gates: false, state: true, retryValidator: false };
    case 'gate-only':
      return { plain: GATE_ONLY_FIELDS, gates: true, state: false, retryValidator: false };
    case 'pass':
      return { plain: PASS_FIELDS, gates: true, state: false, retryValidator: true };
    case 'validate':
    case 'untyped':
      return { plain: VALIDATE_FIELDS, gates: true, state: false, retryValidator: true };
    default:
      return { plain: AGENT_FIELDS, gates: true, state: false, retryValidator: true };
  }
}

/** How a step kind reads in messages: `code`, `parallel group`, `GET workflow`. */
export function kindLabel(target: Bindable): string {
  if (target.kind === 'pseudo') return 'GET workflow';
  const k = target.step.kind;
  return k === 'group' ? 'parallel group' : k === 'untyped' ? 'untyped' : k;
}

/** Valid fields for the hint of GUMP105. */
export function validFields(target: Bindable): string[] {
  const c = catalogueOf(target);
  return [
    ...c.plain,
    ...(c.gates ? ['gate.<g>', 'gate.<g>.pass', 'gate.<g>.comments', 'gate.<g>.error'] : []),
    ...(c.state ? ['state.<key>'] : []),
    ...(c.retryValidator ? ['retry_validator.<name>.state.<key>'] : []),
  ];
}

/** Gate names of a step, or undefined when its gate list could not be read completely. */
export function gateNames(step: StepInfo): string[] | undefined {
  const key = step.ast.keys.get('gate');
  if (!key) return [];
  const gates = step.ast.gate?.value;
  if (!gates) return undefined;
  const written = isSeq(key.value) ? key.value.items.length : 0;
  return gates.length === written ? gates.map((g) => g.name) : undefined;
}

export type FieldProblem = { code: 'GUMP105'; field: string } | { code: 'GUMP108'; gate: string; valid: string[] };

/** Check `fields` (the part after the step name) against the target's catalogue. */
export function fieldProblem(wf: CheckedWorkflow, target: Bindable, fields: string[]): FieldProblem | undefined {
  const c = catalogueOf(target);
  const field = fields.join('.');
  const [first, ...rest] = fields;
  if (first === undefined) return { code: 'GUMP105', field };
  if (rest.length === 0 && c.plain.includes(first)) return undefined;
  if (first === 'gate' && c.gates && target.kind === 'step')
    return gateFieldProblem(target.step, rest, `gate.${rest.join('.')}`);
  if (first === 'state' && c.state)
    return stateKeyProblem(calleeOf(wf, target), rest) ? { code: 'GUMP105', field } : undefined;
  if (first === 'retry_validator' && c.retryValidator && target.kind === 'step') {
    return retryValidatorProblem(wf, target.step, rest) ? { code: 'GUMP105', field } : undefined;
  }
  return { code: 'GUMP105', field };
}

/** `gate.<g>[.pass|.comments|.error]` of a step: `rest` starts at `<g>`. */
export function gateFieldProblem(step: StepInfo, rest: string[], field: string): FieldProblem | undefined {
  const [g, suffix, ...more] = rest;
  if (
    g === undefined ||
    more.length > 0 ||
    (suffix !== undefined && !(GATE_RESULT_FIELDS as readonly string[]).includes(suffix))
  )
    return { code: 'GUMP105', field };
  const names = gateNames(step);
  if (names && !names.includes(g)) return { code: 'GUMP108', gate: g, valid: names };
  return undefined;
}

function calleeOf(wf: CheckedWorkflow, target: Bindable): CheckedWorkflow | undefined {
  const ref =
    target.kind === 'pseudo'
      ? target.pseudo.ref
      : target.step.ast.keys.has('workflow')
        ? target.step.ast.workflow?.value.ref
        : undefined;
  return ref === undefined || ref === '' ? undefined : calleeFor(wf, ref)?.checked;
}

/** A callee state key is `<callee-step>.<field>`; checked when the callee is known. */
function stateKeyProblem(callee: CheckedWorkflow | undefined, key: string[]): boolean {
  if (key.length < 2) return true;
  if (!callee) return false;
  const step = callee.root.steps.find((s) => s.name === key[0]);
  if (!step) return true;
  return fieldProblem(callee, { kind: 'step', step }, key.slice(1)) !== undefined;
}

/** `retry_validator.<name>.state.<key>`: `<name>` is the derived name of a retry `validate:` entry. */
function retryValidatorProblem(wf: CheckedWorkflow, step: StepInfo, rest: string[]): boolean {
  const [name, state, ...key] = rest;
  if (name === undefined || state !== 'state') return true;
  const refs = (step.ast.retry?.value ?? []).flatMap((r) =>
    r.condition?.kind === 'validate' ? [r.condition.ref.ref] : [],
  );
  const ref = refs.find((r) => validatorGateName(r) === name);
  if (ref === undefined) return step.ast.retry !== undefined || !step.ast.keys.has('retry');
  return stateKeyProblem(calleeFor(wf, ref, 'validator')?.checked, key);
}
