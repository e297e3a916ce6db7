// GUMP327 (language.md §4.2, §12): `hitl` is not allowed on gate-only steps (reported at the key),
// groups or calls (reported at the step; a call's run: block is covered by GUMP310).

import type { Rule } from '../../rule.js';

export const hitlNotAllowed: Rule = {
  name: 'hitl-not-allowed',
  check({ wf, out }) {
    for (const s of wf.steps) {
      const key = s.ast.keys.get('hitl');
      if (!key) continue;
      if (s.kind === 'gate-only') out.report('GUMP327', key.keySpan, { kind: s.kind });
      else if (s.kind === 'group' || (s.kind === 'call' && key.place === 'step'))
        out.report('GUMP327', s.ast.span, { kind: s.kind });
    }
  },
};
