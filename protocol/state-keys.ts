// Shared protocol: run-state keys (language.md §15) — `<step-path>.<field>` — and the field catalogue
// of §15.2 per kind of step: what the check phase lets a template read (GUMP105) and what the
// runtime writes (test/runtime/state/step-fields.test.ts holds the two together; the runtime names
// every key through these helpers, state-keys-source.test.ts). Imports nothing.

/** Fields of a step that ran an agent (code, split, artifact; validate adds `comments`). */
export const AGENT_FIELDS = [
  'output',
  'diff',
  'files',
  'agent',
  'session_id',
  'status',
  'attempt',
  'retries',
  'check_result',
  'duration',
  'cost',
  'cost_source',
  'turns',
  'tokens_in',
  'tokens_out',
  'cache_read',
  'cache_write',
] as const;
/** A validate step's fields: an agent step's plus its verdict comments. */
export const VALIDATE_FIELDS = [...AGENT_FIELDS, 'comments'] as const;
/** `agent: pass`: no agent ran, so no agent metrics. */
export const PASS_FIELDS = ['output', 'diff', 'files', 'status', 'attempt', 'retries', 'check_result'] as const;
export const GATE_ONLY_FIELDS = ['status', 'attempt', 'retries', 'check_result'] as const;
/** A workflow call: its status and what its callee spent. */
export const CALL_FIELDS = ['status', 'cost', 'cost_source', 'tokens_in', 'tokens_out'] as const;
/** A parallel group exposes only its status. */
export const GROUP_FIELDS = ['status'] as const;
/** A GET pseudo-step: the GET workflow's output. */
export const GET_FIELDS = ['output'] as const;
/** `gate.<g>.<suffix>` (§8.5); `gate.<g>` itself is `true`/`false`. */
export const GATE_RESULT_FIELDS = ['pass', 'comments', 'error'] as const;

export type StepField = (typeof VALIDATE_FIELDS)[number] | (typeof CALL_FIELDS)[number];
export type GateResultField = (typeof GATE_RESULT_FIELDS)[number];

/** `<path>.<field>`: the one way to name a step's state key. */
export function stateKey(path: string, field: StepField): string {
  return `${path}.${field}`;
}

/** `<path>.gate.<gate>` (the gate's verdict), or `<path>.gate.<gate>.<field>`. */
export function gateStateKey(path: string, gate: string, field?: GateResultField): string {
  return field === undefined ? `${path}.gate.${gate}` : `${path}.gate.${gate}.${field}`;
}

/** `<path>.<field>` of a key a template reads (`output`, `gate.review.comments`, …; GUMP105 checked the field). */
export function referencedStateKey(path: string, field: string): string {
  return `${path}.${field}`;
}

/** What a callee of a step is to it: a validator gate, a retry validator, a GET workflow. */
export type CalleeRole = 'gate' | 'retry' | 'get';

/** State path under which a validator or GET workflow of step `path` runs (§7.2, §7.3, §8.5). */
export function calleePath(path: string, role: CalleeRole, name: string): string {
  return `${path}/${role}/${name}`;
}
