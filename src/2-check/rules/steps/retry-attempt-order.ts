// GUMP318 (language.md §9.1): `attempt` values are strictly ascending in declaration order; an
// entry not above every earlier attempt entry is reported at that entry.

import type { Rule } from '../../rule.js';
import { takesRetry } from './step-facts.js';

export const retryAttemptOrder: Rule = {
  name: 'retry-attempt-order',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (!takesRetry(s.kind) || s.kind === 'group') continue;
      let highest = 0;
      for (const entry of s.ast.retry?.value ?? []) {
        const c = entry.condition;
        if (c?.kind !== 'attempt') continue;
        if (c.value <= highest) out.report('GUMP318', entry.span, { value: c.value });
        highest = Math.max(highest, c.value);
      }
    }
  },
};
