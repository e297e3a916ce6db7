// GUMP514 (language.md §9.1): the `exit` entry closes the retry list; a condition entry placed
// after it is a warning at that entry (further exit entries are GUMP317).

import type { Rule } from '../../rule.js';
import { isExitEntry } from './retry-exit-count.js';
import { takesRetry } from './step-facts.js';

export const retryEntryAfterExit: Rule = {
  name: 'retry-entry-after-exit',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (!takesRetry(s.kind) || s.kind === 'group') continue;
      const entries = s.ast.retry?.value ?? [];
      const exitAt = entries.findIndex(isExitEntry);
      if (exitAt < 0) continue;
      for (const entry of entries.slice(exitAt + 1)) {
        if (!entry.conditionKeys.some((k) => k.name === 'exit')) out.report('GUMP514', entry.span);
      }
    }
  },
};
