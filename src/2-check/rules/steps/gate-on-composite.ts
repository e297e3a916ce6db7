// GUMP325 (language.md §4.2): a parallel group or a call has no gates; `gate` on one is reported
// at the step, hinting at a gate-only step after it.

import type { Rule } from '../../rule.js';

export const gateOnComposite: Rule = {
  name: 'gate-on-composite',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if ((s.kind === 'group' || s.kind === 'call') && s.ast.keys.has('gate'))
        out.report('GUMP325', s.ast.span, { kind: s.kind });
    }
  },
};
