// The live per-step trace (design.md): `[path]  what  detail`, aligned, one line per event, to a
// writable stream; warnings prefixed. A detail of several lines (a failure's output excerpt) prints
// its first line in the row and the others indented below it. Deterministic apart from its content.

import type { Trace } from '../exec/services.js';

/** Prefix of a detail's continuation lines. */
export const CONTINUATION = '    │ ';

export function traceLine(step: string, what: string, detail: string | undefined, width = 28): string {
  const [first, ...more] = (detail ?? '').split('\n');
  const row = `${`[${step}]`.padEnd(width)} ${what.padEnd(8)} ${first}`.trimEnd();
  return [row, ...more.map((l) => `${CONTINUATION}${l}`.trimEnd())].join('\n') + '\n';
}

export function createTrace(write: (s: string) => void, width = 28): Trace {
  return {
    line(step, what, detail) {
      write(traceLine(step, what, detail, width));
    },
    warn(message) {
      write(`warning: ${message}\n`);
    },
  };
}

export const silentTrace: Trace = { line: () => undefined, warn: () => undefined };
