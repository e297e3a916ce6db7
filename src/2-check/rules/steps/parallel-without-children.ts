// GUMP330 (language.md §4.2): a parallel group requires a non-empty `steps:` list; an empty list is
// a value error, reported at the `steps` key.

import type { Rule } from '../../rule.js';
import { label, listLength } from './step-facts.js';

export const parallelWithoutChildren: Rule = {
  name: 'parallel-without-children',
  check({ wf, out }) {
    for (const s of wf.steps) {
      const key = s.ast.keys.get('steps');
      if (s.kind === 'group' && key && listLength(key) === 0) out.report('GUMP330', key.keySpan, { name: label(s) });
    }
  },
};
