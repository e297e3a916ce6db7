// GUMP513 (language.md §4.2): a pass step only runs its gates; without gates (none, or an empty
// list) it does nothing; warned at the step.

import type { Rule } from '../../rule.js';
import { hasNoGates, label } from './step-facts.js';

export const passWithoutGates: Rule = {
  name: 'pass-without-gates',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (s.kind === 'pass' && hasNoGates(s.ast)) out.report('GUMP513', s.ast.span, { name: label(s) });
    }
  },
};
