// The live per-step trace (design.md): `[path]  what  detail`, aligned, one line per event, to a
// writable stream; warnings prefixed. Deterministic apart from the content it is given.

import type { Trace } from '../exec/services.js';

export function createTrace(write: (s: string) => void, width = 28): Trace {
  return {
    line(step, what, detail) {
      write(`${`[${step}]`.padEnd(width)} ${what.padEnd(8)} ${detail ?? ''}`.trimEnd() + '\n');
    },
    warn(message) {
      write(`warning: ${message}\n`);
    },
  };
}

export const silentTrace: Trace = { line: () => undefined, warn: () => undefined };
