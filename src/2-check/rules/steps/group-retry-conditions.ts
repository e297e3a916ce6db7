// GUMP321 (language.md §9.5): a parallel group's retry only re-runs unpassed children up to
// `exit` passes; any other entry (attempt, not, validate) is reported at the entry.

import type { Rule } from '../../rule.js';

export const groupRetryConditions: Rule = {
  name: 'group-retry-conditions',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (s.kind !== 'group') continue;
      for (const entry of s.ast.retry?.value ?? []) {
        if (entry.conditionKeys.length === 1 && entry.conditionKeys[0]!.name !== 'exit')
          out.report('GUMP321', entry.span);
      }
    }
  },
};
