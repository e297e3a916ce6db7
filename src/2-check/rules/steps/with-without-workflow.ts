// GUMP309 (language.md §4.2): `with` binds callee inputs and is legal on call steps only. Reported
// at the step, or at the key on a gate-only step (§19). Untyped steps are left to GUMP301.

import type { Rule } from '../../rule.js';

export const withWithoutWorkflow: Rule = {
  name: 'with-without-workflow',
  check({ wf, out }) {
    for (const s of wf.steps) {
      const key = s.ast.keys.get('with');
      if (!key || s.kind === 'call' || s.kind === 'untyped') continue;
      out.report('GUMP309', s.kind === 'gate-only' ? key.keySpan : s.ast.span);
    }
  },
};
