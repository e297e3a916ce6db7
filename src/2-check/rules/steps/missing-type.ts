// GUMP301 (language.md §3 row 6): a step without `type` that carries agent-phase keys is not
// gate-only; reported at the step, hinting `type: split` when it has `each:`, else `type: code`.
// A step whose `type` value is invalid (GUMP201/202) is untyped too, but is not reported again.

import type { Rule } from '../../rule.js';
import { label } from './step-facts.js';

export const missingType: Rule = {
  name: 'missing-type',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (s.kind !== 'untyped' || s.ast.keys.has('type')) continue;
      const hint = s.ast.keys.has('each') ? 'add type: split (the step has each:)' : 'add type: code';
      out.report('GUMP301', s.ast.span, { name: label(s) }, { hint });
    }
  },
};
