// Shared protocol: the duration grammar of language.md §2.1 (`90s`, `30m`, `1h30m`, `1.5h`,
// `500ms`), used for workflow values, gump.toml and the runtime's stub scripts, and the one way to
// write a duration back (diagnostics, gate errors). Imports nothing.

export const DURATION_PATTERN = /^(?:(?:\d+(?:\.\d+)?|\.\d+)(?:h|ms|m|s))+$/;

const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** Milliseconds of a duration, or undefined when the text is not one. `0s` is 0: callers require > 0. */
export function durationMs(text: string): number | undefined {
  if (!DURATION_PATTERN.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?|\.\d+)(ms|h|m|s)/g)) total += Number(m[1]) * UNIT_MS[m[2]!]!;
  return total;
}

/**
 * A duration in that grammar, exact (`durationMs` reads it back to the same value): 600000 → `10m`,
 * 5400000 → `1h30m`, 1500 → `1.5s`, 0 → `0s`.
 */
export function formatDuration(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const parts = [h > 0 ? `${h}h` : '', m > 0 ? `${m}m` : '', s > 0 ? `${Number(s.toFixed(3))}s` : ''].join('');
  return parts === '' ? '0s' : parts;
}
