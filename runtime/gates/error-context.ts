// Error context of a failed gate (language.md §8.3): header, stderr, stdout tail, capped at
// `[error_context] max_error_chars` keeping head and tail around a marker. capMiddle is also the
// cap of the diff and error in the retry section (§9.3).

import type { RuntimeConfig } from '../config.js';

export const TRUNCATION_MARKER = '\n[... truncated ...]\n';

/** `text` when it fits in `max` characters, else its head and tail around the truncation marker. */
export function capMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= TRUNCATION_MARKER.length) return text.slice(0, Math.max(0, max));
  const room = max - TRUNCATION_MARKER.length;
  const head = Math.ceil(room / 2);
  const tail = room - head;
  return text.slice(0, head) + TRUNCATION_MARKER + (tail > 0 ? text.slice(-tail) : '');
}

/**
 * `gate <name> failed (exit <code>)`, the stderr, then the last `stdout_tail_chars` of stdout.
 * `exit` is the exit status, or a text replacing `exit <code>` (`timed out after 10m`); null: the
 * command was killed by a signal or could not start.
 */
export function gateErrorContext(
  name: string,
  exit: number | string | null,
  stderr: string,
  stdout: string,
  config: ErrorContextConfig,
): string {
  const cfg = errorContextOf(config);
  const status = typeof exit === 'number' ? `exit ${exit}` : exit === null ? 'killed or not started' : exit;
  const tail = cfg.stdoutTailChars > 0 ? stdout.slice(-cfg.stdoutTailChars) : '';
  const parts = [`gate ${name} failed (${status})`, stderr.trimEnd(), tail.trimEnd()].filter((p) => p.trim() !== '');
  return capMiddle(parts.join('\n'), cfg.maxErrorChars);
}

/** Error of a gate that failed without running a command (schema, touched, validator, missing tool). */
export function gateFailureMessage(name: string, message: string, config: ErrorContextConfig): string {
  return capMiddle(`gate ${name} failed: ${message}`, errorContextOf(config).maxErrorChars);
}

/** The whole runtime configuration or just its `errorContext` part. */
export type ErrorContextConfig = RuntimeConfig | RuntimeConfig['errorContext'];

function errorContextOf(config: ErrorContextConfig): RuntimeConfig['errorContext'] {
  return 'errorContext' in config ? config.errorContext : config;
}
