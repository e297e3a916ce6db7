// GUMP322 (language.md §13): `worktree: none` is only for split and validate steps; on a code or
// artifact step it is reported at the `worktree` key. (On a pass step worktree is GUMP512.)

import type { Rule } from '../../rule.js';

export const worktreeNoneNotAllowed: Rule = {
  name: 'worktree-none-not-allowed',
  check({ wf, out }) {
    for (const s of wf.steps) {
      const w = s.ast.worktree;
      if (w?.value === 'none' && (s.kind === 'code' || s.kind === 'artifact'))
        out.report('GUMP322', w.key.keySpan, { kind: s.kind });
    }
  },
};
