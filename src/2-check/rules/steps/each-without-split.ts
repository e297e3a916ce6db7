// GUMP303 (language.md §4.2): `each` is only for splits; on a code, validate, artifact, pass or
// call step it is reported at the step (untyped steps get GUMP301, groups GUMP306).

import type { Rule } from '../../rule.js';

const KINDS = ['code', 'validate', 'artifact', 'pass', 'call'];

export const eachWithoutSplit: Rule = {
  name: 'each-without-split',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (KINDS.includes(s.kind) && s.ast.keys.has('each')) out.report('GUMP303', s.ast.span, { kind: s.kind });
    }
  },
};
