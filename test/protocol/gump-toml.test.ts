// protocol/gump-toml.ts: one gump.toml schema for the check phase and the runtime. For every key
// whose value rule is shared, both accept the same values and reject the others with the same words.

import { describe, expect, it } from 'vitest';
import { DEFAULT_ERROR_CONTEXT, DEFAULT_GATE_TIMEOUT_MS } from '../../protocol/gump-toml.js';
import { checkConfig } from '../../src/2-check/check-config.js';
import { defaultRuntimeConfig, parseRuntimeConfig } from '../../runtime/config.js';

/** `… must be <rule>, not <value>` → `must be <rule>, not <value>` (the key labels differ in quoting). */
const rulePart = (message: string): string => message.slice(message.indexOf(' must be ') + 1);

/** The check phase's verdict: undefined when accepted, else what GUMP020 says the value must be. */
function checked(text: string): string | undefined {
  const d = checkConfig({ file: 'gump.toml', text, builtin: false }).diagnostics.find((x) => x.code === 'GUMP020');
  return d === undefined ? undefined : rulePart(d.message);
}

/** The runtime's verdict: undefined when accepted, else what its ConfigError says the value must be. */
function loaded(text: string): string | undefined {
  try {
    parseRuntimeConfig(text);
    return undefined;
  } catch (e) {
    return rulePart((e as Error).message);
  }
}

const CASES: Array<[string, string]> = [
  ['[validation]\ncompile_cmd = "make"', 'accepted'],
  ['[validation]\ntest_cmd = 3', 'rejected'],
  ['[error_context]\nmax_diff_chars = 10', 'accepted'],
  ['[error_context]\nmax_diff_chars = -1', 'rejected'],
  ['[error_context]\nmax_error_chars = 1.5', 'rejected'],
  ['[error_context]\nstdout_tail_chars = "a lot"', 'rejected'],
  ['[models]\nfast = "claude-haiku-4-5"', 'accepted'],
  ['[models]\nfast = 4', 'rejected'],
  ['[prices."m"]\ninput = 1.25', 'accepted'],
  ['[prices."m"]\ncache_read = -2', 'rejected'],
  ['[prices."m"]\noutput = "cheap"', 'rejected'],
];

describe('one gump.toml schema', () => {
  it.each(CASES)('%s is %s by both phases, with the same reason', (text, verdict) => {
    const c = checked(text);
    const r = loaded(text);
    expect(c === undefined ? 'accepted' : 'rejected').toBe(verdict);
    expect(r).toBe(c);
  });

  it('the runtime defaults are the schema defaults', () => {
    const d = defaultRuntimeConfig();
    expect(d.validation.timeoutMs).toBe(DEFAULT_GATE_TIMEOUT_MS);
    expect(d.errorContext).toEqual({
      maxErrorChars: DEFAULT_ERROR_CONTEXT.max_error_chars,
      maxDiffChars: DEFAULT_ERROR_CONTEXT.max_diff_chars,
      stdoutTailChars: DEFAULT_ERROR_CONTEXT.stdout_tail_chars,
    });
  });
});
