// Check phase, bind pass: what one placeholder denotes (language.md §14.2, §14.4, §14.6) — a
// reserved value, an input, a namespace field or a step field bound by scoping. No diagnostics.

import type { ParsedRef } from '../1-parse/template.js';
import type { StepInfo, WorkflowModel } from './model.js';
import {
  indexScopes,
  lookupName,
  relationTo,
  scopeChain,
  stepsNamed,
  type Bindable,
  type Relation,
  type ScopeIndex,
} from './scope-lookup.js';
import type { TemplateSite } from './template-sites.js';

export type StepBinding = { kind: 'step'; target: Bindable; fields: string[]; relation: Relation; qualified: boolean };

export type LegacyOutcome =
  | { kind: 'ambiguous' }
  /** No step of that name, or one inside a task that does not contain the placeholder. */
  | { kind: 'unknown' }
  /** `{steps.x}` without a field. */
  | { kind: 'bare' }
  | { kind: 'ok'; replacement: string; inner: Binding };

export type Binding =
  | { kind: 'reserved'; name: string }
  | { kind: 'input'; name: string }
  | { kind: 'bare-step'; name: string }
  /** `{task.f}`, or `{item.f}` read as it (GUMP509). */
  | { kind: 'task'; field: string; legacyItem: boolean }
  | { kind: 'prev'; fields: string[] }
  | { kind: 'gate'; fields: string[] }
  | { kind: 'unknown-step'; name: string }
  /** `why` names the segment that does not match (for the hint). */
  | { kind: 'bad-qualified'; why: string }
  | { kind: 'legacy'; name: string; outcome: LegacyOutcome }
  | StepBinding;

/** Bare names with a fixed meaning (§14.6); `diff` is an input in a validator-shaped workflow. */
export function isReservedName(wf: WorkflowModel, name: string): boolean {
  return ['spec', 'attempt', 'error', 'output'].includes(name) || (name === 'diff' && !wf.validatorShaped);
}

export type Bind = (from: StepInfo, site: TemplateSite, ref: ParsedRef) => Binding;

/** A binder for one workflow: its scope tables are built once, then every lookup is O(depth). */
export function createBinder(wf: WorkflowModel): Bind {
  const index = indexScopes(wf);
  return (from, site, ref) => bindReference(wf, index, from, site, ref);
}

function bindReference(
  wf: WorkflowModel,
  index: ScopeIndex,
  from: StepInfo,
  site: TemplateSite,
  ref: ParsedRef,
): Binding {
  if (ref.kind === 'bare') {
    if (isReservedName(wf, ref.name)) return { kind: 'reserved', name: ref.name };
    // A step or GET pseudo-step of this name anywhere in the workflow (GUMP112), never an input.
    if (index.names.has(ref.name)) return { kind: 'bare-step', name: ref.name };
    return { kind: 'input', name: ref.name };
  }
  if (ref.kind === 'qualified') return bindQualified(wf, index, from, ref.path, ref.fields);
  const { name, fields } = ref;
  switch (name) {
    case 'task':
    case 'item':
      return { kind: 'task', field: fields.join('.'), legacyItem: name === 'item' };
    case 'prev':
      return { kind: 'prev', fields };
    case 'gate':
      return { kind: 'gate', fields };
    case 'steps':
      return bindLegacy(wf, index, from, site, fields);
    default:
      return bindName(index, from, site, name, fields);
  }
}

/** `{name.fields}` by nearest scope (§14.4). */
function bindName(index: ScopeIndex, from: StepInfo, site: TemplateSite, name: string, fields: string[]): Binding {
  const found = lookupName(from, name, index);
  if (!found) return { kind: 'unknown-step', name };
  const target = found.target;
  let relation = relationTo(from, target, fields[0]);
  // `get:` inputs are rendered before the GET workflow runs.
  if (site.kind === 'get-input' && target.kind === 'pseudo' && target.pseudo.caller === from) relation = 'forward';
  return { kind: 'step', target, fields, relation, qualified: false };
}

/**
 * `{a/b/c.f}`: absolute from the root; a split segment is followed by a task segment (not
 * checked), a group segment by a child. Ordering is not checked when the path enters a task of
 * a split that encloses the referencing step: the named task may be another one.
 */
function bindQualified(
  wf: WorkflowModel,
  index: ScopeIndex,
  from: StepInfo,
  path: string[],
  fields: string[],
): Binding {
  let scope = wf.root;
  let i = 0;
  const tasksEntered: StepInfo[] = [];
  for (;;) {
    const seg = path[i]!;
    const found = index.declared(scope, seg);
    if (!found) {
      const where = scope.owner?.name === undefined ? 'at the workflow root' : `in "${scope.owner.name}"`;
      return { kind: 'bad-qualified', why: `no step "${seg}" ${where}` };
    }
    if (i === path.length - 1) {
      const enclosing = new Set(scopeChain(from).map((l) => l.via));
      const inOwnTask = tasksEntered.some((s) => enclosing.has(s) && s !== from);
      const relation = inOwnTask ? 'ok' : relationTo(from, found, fields[0]);
      return { kind: 'step', target: found, fields, relation, qualified: true };
    }
    if (found.kind !== 'step' || !found.step.child)
      return { kind: 'bad-qualified', why: `"${seg}" has no child steps` };
    const child = found.step.child;
    if (child.kind === 'each') {
      if (i + 2 > path.length - 1)
        return { kind: 'bad-qualified', why: `"${seg}" is a split: its task segment must be followed by a step` };
      tasksEntered.push(found.step);
      i += 2;
    } else i += 1;
    scope = child;
  }
}

/**
 * `{steps.x.f}` (compat, §14.2): `x` is searched in every scope; exactly one → read as its
 * nearest-scope name when that binds to it, else its qualified path.
 */
function bindLegacy(
  wf: WorkflowModel,
  index: ScopeIndex,
  from: StepInfo,
  site: TemplateSite,
  fields: string[],
): Binding {
  const [name = '', ...rest] = fields;
  const found = stepsNamed(wf, name);
  const scopes = new Set(found.map((s) => s.scope));
  if (scopes.size > 1) return { kind: 'legacy', name, outcome: { kind: 'ambiguous' } };
  const target = found[0];
  if (!target) return { kind: 'legacy', name, outcome: { kind: 'unknown' } };
  if (rest.length === 0) return { kind: 'legacy', name, outcome: { kind: 'bare' } };
  const near = lookupName(from, name, index);
  if (near?.target.kind === 'step' && near.target.step === target) {
    return {
      kind: 'legacy',
      name,
      outcome: { kind: 'ok', replacement: `${name}.${rest.join('.')}`, inner: bindName(index, from, site, name, rest) },
    };
  }
  // Inside a task that does not contain the placeholder, or an unnamed ancestor: no static path.
  if (/(^|\/)(\*|#\d+)(\/|$)/.test(target.path)) return { kind: 'legacy', name, outcome: { kind: 'unknown' } };
  const path = target.path.split('/');
  const inner = path.length > 1 ? bindQualified(wf, index, from, path, rest) : bindName(index, from, site, name, rest);
  return { kind: 'legacy', name, outcome: { kind: 'ok', replacement: `${target.path}.${rest.join('.')}`, inner } };
}

/** The step binding behind a placeholder, looking through a resolved legacy `{steps.…}`. */
export function effectiveBinding(b: Binding): Binding {
  return b.kind === 'legacy' && b.outcome.kind === 'ok' ? b.outcome.inner : b;
}
