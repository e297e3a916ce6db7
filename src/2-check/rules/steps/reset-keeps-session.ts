// GUMP521 (language.md §9.1): a retry entry with `worktree: reset` but without `session: new`
// resumes an agent that remembers the discarded work; warned at the entry.

import type { Rule } from '../../rule.js';
import { takesRetry } from './step-facts.js';

export const resetKeepsSession: Rule = {
  name: 'reset-keeps-session',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (!takesRetry(s.kind) || s.kind === 'group') continue;
      for (const entry of s.ast.retry?.value ?? []) {
        if (entry.worktree?.value === 'reset' && !entry.overrideKeys.some((k) => k.name === 'session'))
          out.report('GUMP521', entry.span);
      }
    }
  },
};
