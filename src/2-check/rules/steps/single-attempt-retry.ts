// GUMP516 (language.md §9.1): `exit: 1` allows one attempt in total, so the retry list does
// nothing; warned at the exit entry.

import type { Rule } from '../../rule.js';
import { takesRetry } from './step-facts.js';

export const singleAttemptRetry: Rule = {
  name: 'single-attempt-retry',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (!takesRetry(s.kind)) continue;
      for (const entry of s.ast.retry?.value ?? []) {
        const c = entry.condition;
        if (c?.kind === 'exit' && c.value === 1) out.report('GUMP516', entry.span);
      }
    }
  },
};
