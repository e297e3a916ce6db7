// Shared protocol: the schema of gump.toml (language.md §22) — its tables, their keys and the
// value each known key takes — read by the check phase (src/2-check/check-config.ts: diagnostics
// GUMP020/203/523 at the key) and the runtime (runtime/config.ts: a ConfigError, unknown keys
// ignored), so both accept and reject the same values with the same words. Imports nothing.

/** Every top-level key gump.toml may hold (the last five are tolerated, for other tools). */
export const ROOT_KEYS = [
  'validation',
  'error_context',
  'models',
  'prices',
  'ci',
  'agents',
  'default_agent',
  'log_level',
  'display',
  'analytics',
  'update',
] as const;

export const COMMAND_KEYS = ['compile_cmd', 'test_cmd', 'lint_cmd', 'coverage_cmd'] as const;
/** `[validation]`: the gate commands and `timeout` (a duration > 0). */
export const VALIDATION_KEYS = [...COMMAND_KEYS, 'timeout'] as const;
export const ERROR_CONTEXT_KEYS = ['max_error_chars', 'max_diff_chars', 'stdout_tail_chars'] as const;
/** `[prices."<model>"]`: USD per million tokens. */
export const PRICE_KEYS = ['input', 'output', 'cache_read', 'cache_write'] as const;
export const CI_KEYS = [
  'targets',
  'task_slots',
  'max_parallel',
  'approval',
  'environment',
  'node_version',
  'runs_on',
  'image',
  'retention_days',
  'attempt_minutes',
  'pins',
] as const;
/** `[ci.pins]`: agent CLIs whose version can be pinned. */
export const PIN_PROVIDERS = ['claude', 'codex', 'gemini', 'qwen', 'opencode'] as const;
/** `[agents.<provider>]`: CLIs whose model endpoint gump can redirect (agents.md §16); cursor has none. */
export const ENDPOINT_PROVIDERS = ['claude', 'codex', 'gemini', 'qwen', 'opencode'] as const;
export const ENDPOINT_KEYS = ['base_url', 'api_key_env', 'model'] as const;

export type Price = Partial<Record<(typeof PRICE_KEYS)[number], number>>;

/** `[validation] timeout` when not set. */
export const DEFAULT_GATE_TIMEOUT_MS = 10 * 60_000;
/** `[error_context]` when not set. */
export const DEFAULT_ERROR_CONTEXT: Readonly<Record<(typeof ERROR_CONTEXT_KEYS)[number], number>> = {
  max_error_chars: 2000,
  max_diff_chars: 3000,
  stdout_tail_chars: 2000,
};

/** What a known key accepts: `ok` decides, `expected` completes "<key> must be …" in both phases. */
export interface ValueRule {
  expected: string;
  ok(value: unknown): boolean;
}

export const VALUE_RULES = {
  command: { expected: 'a command (string)', ok: (x: unknown) => typeof x === 'string' },
  count: { expected: 'an integer ≥ 0', ok: (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0 },
  model: { expected: 'a model name (string)', ok: (x: unknown) => typeof x === 'string' },
  price: { expected: 'a number ≥ 0 (USD per million tokens)', ok: (x: unknown) => typeof x === 'number' && x >= 0 },
} as const satisfies Record<string, ValueRule>;

/** A table path as gump.toml spells it: bare keys as they are, others quoted (`[prices."gpt-5.4"]`). */
export function tableName(path: readonly string[]): string {
  return `[${path.map((s) => (/^[A-Za-z0-9_-]+$/.test(s) ? s : JSON.stringify(s))).join('.')}]`;
}
