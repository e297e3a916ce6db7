// GUMP323 (language.md §13): `worktree: read-only` implies `no_write: true`; an explicit
// `no_write: false` beside it is reported at the step (a combination of two keys, §19).

import type { Rule } from '../../rule.js';
import { isAgentKind } from './step-facts.js';

export const readOnlyWriteConflict: Rule = {
  name: 'read-only-write-conflict',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (!isAgentKind(s.kind)) continue;
      if (s.ast.worktree?.value === 'read-only' && s.ast.guard?.value.noWrite?.value === false)
        out.report('GUMP323', s.ast.span);
    }
  },
};
