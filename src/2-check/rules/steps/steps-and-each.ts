// GUMP306 (language.md §4.2): a parallel group cannot also have `each:`; reported at the step.

import type { Rule } from '../../rule.js';

export const stepsAndEach: Rule = {
  name: 'steps-and-each',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (s.kind === 'group' && s.ast.keys.has('each')) out.report('GUMP306', s.ast.span);
    }
  },
};
