// GUMP311 (language.md §8.6): a gate-only step requires a non-empty `gate` list. Missing, it is
// reported at the step; an empty list at the `gate` key (§19).

import type { Rule } from '../../rule.js';
import { label, listLength } from './step-facts.js';

export const gateOnlyEmptyGate: Rule = {
  name: 'gate-only-empty-gate',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (s.kind !== 'gate-only') continue;
      const gate = s.ast.keys.get('gate');
      if (!gate) out.report('GUMP311', s.ast.span, { name: label(s) });
      else if (listLength(gate) === 0) out.report('GUMP311', gate.keySpan, { name: label(s) });
    }
  },
};
