// GUMP319 (language.md §9.1): an `exit` entry only bounds the attempts and carries no overrides;
// reported at the entry.

import type { Rule } from '../../rule.js';
import { isExitEntry } from './retry-exit-count.js';
import { takesRetry } from './step-facts.js';

export const retryExitOverrides: Rule = {
  name: 'retry-exit-overrides',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (!takesRetry(s.kind)) continue;
      for (const entry of s.ast.retry?.value ?? []) {
        if (isExitEntry(entry) && entry.overrideKeys.length > 0) out.report('GUMP319', entry.span);
      }
    }
  },
};
