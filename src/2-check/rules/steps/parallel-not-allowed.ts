// GUMP305 (language.md §4.2): `parallel` belongs to splits and groups only. On a code, validate,
// artifact, pass or call step it is reported at the step; on a gate-only step at the key (§19).

import type { Rule } from '../../rule.js';

const KINDS = ['code', 'validate', 'artifact', 'pass', 'call', 'gate-only'];

export const parallelNotAllowed: Rule = {
  name: 'parallel-not-allowed',
  check({ wf, out }) {
    for (const s of wf.steps) {
      const key = s.ast.keys.get('parallel');
      if (!key || !KINDS.includes(s.kind)) continue;
      out.report('GUMP305', s.kind === 'gate-only' ? key.keySpan : s.ast.span, { kind: s.kind });
    }
  },
};
