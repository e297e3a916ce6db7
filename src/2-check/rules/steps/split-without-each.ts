// GUMP302 (language.md §4.2): a split step requires a non-empty `each:` list; missing or empty,
// it is reported at the step. A non-list `each` value is GUMP018 only.

import type { Rule } from '../../rule.js';
import { label, listLength } from './step-facts.js';

export const splitWithoutEach: Rule = {
  name: 'split-without-each',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (s.kind !== 'split') continue;
      const each = s.ast.keys.get('each');
      if (!each || listLength(each) === 0) out.report('GUMP302', s.ast.span, { name: label(s) });
    }
  },
};
