// Shared protocol: the duration grammar of language.md §2.1 (`90s`, `30m`, `1h30m`, `1.5h`,
// `500ms`), used for workflow values, gump.toml and the runtime's stub scripts. Imports nothing.

export const DURATION_PATTERN = /^(?:(?:\d+(?:\.\d+)?|\.\d+)(?:h|ms|m|s))+$/;

const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** Milliseconds of a duration, or undefined when the text is not one. `0s` is 0: callers require > 0. */
export function durationMs(text: string): number | undefined {
  if (!DURATION_PATTERN.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?|\.\d+)(ms|h|m|s)/g)) total += Number(m[1]) * UNIT_MS[m[2]!]!;
  return total;
}
