// GUMP515 (language.md §9.1): `exit: N` is the total number of attempts, so an `attempt: M` entry
// with M > N can never fire; warned at that entry.

import type { Rule } from '../../rule.js';
import { takesRetry } from './step-facts.js';

export const unreachableRetryEntry: Rule = {
  name: 'unreachable-retry-entry',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (!takesRetry(s.kind) || s.kind === 'group') continue;
      const entries = s.ast.retry?.value ?? [];
      const exit = entries.find((e) => e.condition?.kind === 'exit')?.condition;
      if (exit?.kind !== 'exit') continue;
      for (const entry of entries) {
        const c = entry.condition;
        if (c?.kind === 'attempt' && c.value > exit.value)
          out.report('GUMP515', entry.span, { value: c.value, limit: exit.value });
      }
    }
  },
};
