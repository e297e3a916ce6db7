// GUMP518 (language.md §12): `hitl: true` / `before_gate` approves before the gates, so on a step
// without gates it has no effect; warned at the `hitl` key (pass steps included).

import type { Rule } from '../../rule.js';
import { hasNoGates, isAgentKind } from './step-facts.js';

export const hitlWithoutGates: Rule = {
  name: 'hitl-without-gates',
  check({ wf, out }) {
    for (const s of wf.steps) {
      const hitl = s.ast.hitl;
      if (!hitl || (hitl.value !== true && hitl.value !== 'before_gate')) continue;
      if ((isAgentKind(s.kind) || s.kind === 'pass') && hasNoGates(s.ast)) out.report('GUMP518', hitl.key.keySpan);
    }
  },
};
