// GUMP326 (language.md §7.1): a call step has no retry (a failing callee is fatal); reported at
// the step.

import type { Rule } from '../../rule.js';

export const retryOnCall: Rule = {
  name: 'retry-on-call',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (s.kind === 'call' && s.ast.keys.has('retry')) out.report('GUMP326', s.ast.span);
    }
  },
};
