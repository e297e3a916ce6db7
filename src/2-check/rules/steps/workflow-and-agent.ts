// GUMP308 (language.md §4.2): a call step has no agent (its callee's steps do); reported at the
// step. An agent inside a call's run: block is covered by GUMP310.

import type { Rule } from '../../rule.js';

export const workflowAndAgent: Rule = {
  name: 'workflow-and-agent',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (s.kind === 'call' && s.ast.keys.get('agent')?.place === 'step') out.report('GUMP308', s.ast.span);
    }
  },
};
