// Check phase, step rules: small shared facts about one classified step (language.md §3, §4.2):
// kind groups, list lengths that ignore parse-dropped entries, literal agents, labels.

import type { AgentAst, KeyInfo, StepAst } from '../../../1-parse/ast.js';
import type { StepInfo, StepKind } from '../../model.js';

/** Typed steps that run an agent (§4.2 columns code, split, validate, artifact). */
export const AGENT_KINDS: readonly StepKind[] = ['code', 'split', 'validate', 'artifact'];

export function isAgentKind(kind: StepKind): boolean {
  return AGENT_KINDS.includes(kind);
}

/** Steps whose retry list is checked (§9.1): every kind that accepts `retry`, plus untyped ones. */
export function takesRetry(kind: StepKind): boolean {
  return kind !== 'gate-only' && kind !== 'call';
}

/** How a step is named in messages: its name, else its path (`#2`). */
export function label(info: StepInfo): string {
  return info.name ?? info.path;
}

/**
 * Entries written in a list-valued key (`gate`, `each`, `steps`, `retry`), counting entries the
 * parser dropped; `null` counts as an empty list; undefined when the value is not a list (GUMP018).
 */
export function listLength(key: KeyInfo | undefined): number | undefined {
  if (!key) return undefined;
  const v = key.value;
  if (v.kind === 'seq') return v.items.length;
  if (v.kind === 'scalar' && v.value === null) return 0;
  return undefined;
}

/** The step has at least one gate entry as written (an entry with a bad value still counts). */
export function hasGates(step: StepAst): boolean {
  const n = listLength(step.keys.get('gate'));
  return n === undefined ? step.keys.has('gate') : n > 0;
}

/** The step declares no gate at all: `gate` absent or an empty list (a bad value is not "no gates"). */
export function hasNoGates(step: StepAst): boolean {
  return !step.keys.has('gate') || listLength(step.keys.get('gate')) === 0;
}

export interface LiteralAgent {
  agent: Extract<AgentAst, { kind: 'literal' }>;
  key: KeyInfo;
  /** Where it was written: the step's own agent or a retry override. */
  from: 'step' | 'retry';
}

/** Literal agent names of a step: its own `agent`, then every retry `agent` override. */
export function literalAgents(step: StepAst): LiteralAgent[] {
  const found: LiteralAgent[] = [];
  const own = step.agent;
  if (own && own.value.kind === 'literal') found.push({ agent: own.value, key: own.key, from: 'step' });
  for (const entry of step.retry?.value ?? []) {
    const a = entry.agent;
    if (a && a.value.kind === 'literal') found.push({ agent: a.value, key: a.key, from: 'retry' });
  }
  return found;
}

/** The step's own agent is the literal `pass`. */
export function isPassAgent(step: StepAst): boolean {
  const a = step.agent?.value;
  return a?.kind === 'literal' && a.name === 'pass';
}

/** Key names as written in messages (`get.workflow` is stored as `getWorkflow`). */
export function keyLabel(name: string): string {
  return name === 'getWorkflow' ? 'get.workflow' : name;
}
