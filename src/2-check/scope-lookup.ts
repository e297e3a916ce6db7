// Check phase: nearest-scope resolution of step names (language.md §14.4), GET pseudo-steps
// (§7.3) included, and the "has it run yet" relation between a referencing step and a target.

import type { KeyInfo, StepAst } from '../1-parse/ast.js';
import { isScalar } from '../1-parse/located.js';
import type { WorkflowModel, Scope, StepInfo } from './model.js';

/** A GET workflow seen as a step of its caller's scope (§7.3): fields `output`, `state.<key>`. */
export interface PseudoStep {
  name: string;
  /** The step whose `get.workflow` it is; the pseudo-step sits at its position. */
  caller: StepInfo;
  ref: string;
}

export type Bindable = { kind: 'step'; step: StepInfo } | { kind: 'pseudo'; pseudo: PseudoStep };

/** A link of the walk from a step to the root: a scope and the step of it that contains the start. */
export interface ScopeLink {
  scope: Scope;
  via: StepInfo;
}

export interface Lookup {
  target: Bindable;
  scope: Scope;
}

/** GET pseudo-step name: last path segment of the reference, `.yaml`/`.yml` stripped. */
export function pseudoStepName(ref: string): string {
  const last = ref.split('/').pop() ?? '';
  return last.replace(/\.ya?ml$/, '');
}

/** The `get.workflow` key and reference of a step (read from the key when the field is absent). */
export function getWorkflowOf(step: StepAst): { key: KeyInfo; ref: string } | undefined {
  if (step.getWorkflow) return { key: step.getWorkflow.key, ref: step.getWorkflow.value.ref };
  const key = step.keys.get('getWorkflow');
  if (!key) return undefined;
  return { key, ref: isScalar(key.value) && key.value.value !== null ? String(key.value.value).trim() : '' };
}

export function pseudoStepsOf(scope: Scope): PseudoStep[] {
  const out: PseudoStep[] = [];
  for (const step of scope.steps) {
    const ref = getWorkflowOf(step.ast)?.ref;
    if (ref === undefined || ref === '') continue;
    const name = pseudoStepName(ref);
    if (name !== '') out.push({ name, caller: step, ref });
  }
  return out;
}

/** The step (first) or GET pseudo-step that a scope declares under `name`. */
export function declaredIn(scope: Scope, name: string): Bindable | undefined {
  const step = scope.steps.find((s) => s.name === name);
  if (step) return { kind: 'step', step };
  const pseudo = pseudoStepsOf(scope).find((p) => p.name === name);
  return pseudo ? { kind: 'pseudo', pseudo } : undefined;
}

/** Name tables of every scope of a workflow, built once per rule run (lookups in O(depth)). */
export interface ScopeIndex {
  declared(scope: Scope, name: string): Bindable | undefined;
  /** Names of every step and GET pseudo-step of the workflow. */
  names: Set<string>;
}

export function indexScopes(wf: WorkflowModel): ScopeIndex {
  const tables = new Map<Scope, Map<string, Bindable>>();
  const names = new Set<string>();
  const scopes = [wf.root, ...wf.steps.flatMap((s) => (s.child ? [s.child] : []))];
  for (const scope of scopes) {
    const table = new Map<string, Bindable>();
    for (const p of pseudoStepsOf(scope)) {
      if (!table.has(p.name)) table.set(p.name, { kind: 'pseudo', pseudo: p });
      names.add(p.name);
    }
    for (const step of [...scope.steps].reverse()) {
      if (step.name === undefined) continue;
      table.set(step.name, { kind: 'step', step });
      names.add(step.name);
    }
    tables.set(scope, table);
  }
  return { declared: (scope, name) => tables.get(scope)?.get(name), names };
}

/** The walk of §14.4: the step's own scope first, then each enclosing scope up to the root. */
export function scopeChain(from: StepInfo): ScopeLink[] {
  const chain: ScopeLink[] = [];
  let via: StepInfo | undefined = from;
  while (via) {
    chain.push({ scope: via.scope, via });
    via = via.scope.owner;
  }
  return chain;
}

/** Nearest-scope binding of `{name.…}` from a step. */
export function lookupName(from: StepInfo, name: string, index?: ScopeIndex): Lookup | undefined {
  for (const { scope } of scopeChain(from)) {
    const target = index ? index.declared(scope, name) : declaredIn(scope, name);
    if (target) return { target, scope };
  }
  return undefined;
}

/** Names a reference from this step may use: earlier steps and pseudo-steps along the walk. */
export function visibleNames(from: StepInfo): string[] {
  const names: string[] = [];
  for (const { scope, via } of scopeChain(from)) {
    const parallel = scope.kind === 'group';
    for (const s of scope.steps) {
      if (s.name === undefined) continue;
      const earlier = !parallel && s.index < via.index;
      const enclosingSplit = s === via && via !== from && via.kind !== 'group';
      if (earlier || enclosingSplit) names.push(s.name);
    }
    for (const p of pseudoStepsOf(scope)) {
      if (p.caller === via || (!parallel && p.caller.index < via.index)) names.push(p.name);
    }
  }
  return [...new Set(names)];
}

export function bindableName(b: Bindable): string {
  return b.kind === 'step' ? (b.step.name ?? '') : b.pseudo.name;
}

export type Relation = 'ok' | 'self' | 'forward' | 'sibling';

/**
 * Whether `target` has finished when a template of `from` is rendered (§14.4): `self`, `forward`
 * (later in its scope, an enclosing group, an enclosing split's `status`), `sibling` (another
 * child of the same parallel group), else `ok`. `field` is the first field read.
 */
export function relationTo(from: StepInfo, target: Bindable, field: string | undefined): Relation {
  const targetChain = target.kind === 'step' ? scopeChain(target.step) : scopeChain(target.pseudo.caller);
  for (const link of scopeChain(from)) {
    const t = targetChain.find((l) => l.scope === link.scope);
    if (!t) continue;
    const a = link.via;
    if (target.kind === 'pseudo' && t.via === target.pseudo.caller) {
      // The pseudo-step runs before every attempt of its caller.
      if (t.via === a) return 'ok';
      return link.scope.kind === 'group' ? 'sibling' : t.via.index > a.index ? 'forward' : 'ok';
    }
    if (t.via === a) {
      if (target.kind === 'step' && target.step === from) return 'self';
      if (target.kind === 'step' && target.step === a && a !== from) {
        // An enclosing composite: a group is still running; a split's planner has finished.
        return a.kind === 'group' || field === 'status' ? 'forward' : 'ok';
      }
      // Inside the referencing composite itself (a planner reading its own tasks).
      return 'forward';
    }
    if (link.scope.kind === 'group') return 'sibling';
    return t.via.index > a.index ? 'forward' : 'ok';
  }
  return 'ok';
}

/** Every step named `name`, anywhere in the workflow (legacy `{steps.x.f}` lookup, §14.2). */
export function stepsNamed(wf: WorkflowModel, name: string): StepInfo[] {
  return wf.steps.filter((s) => s.name === name);
}
