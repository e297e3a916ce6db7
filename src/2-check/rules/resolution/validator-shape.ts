// Rule (language.md §7.2, GUMP328): a workflow referenced through `validators/` (gate, retry entry,
// call or `get:` block) is validator-shaped: it has a top-level `type: validate` step. Never
// checked for a workflow on its own.

import { calleeFor, refKind } from '../../resolve-ref.js';
import type { Rule } from '../../rule.js';
import { collectReferences } from '../../references.js';

export const validatorShape: Rule = {
  name: 'validator-shape',
  check(ctx) {
    for (const ref of collectReferences(ctx.wf)) {
      const callee = calleeFor(ctx.wf, ref.ref, refKind(ref.ref, ref.use));
      if (callee?.as !== 'validator' || !callee.checked || callee.checked.validatorShaped) continue;
      ctx.out.report('GUMP328', ref.span, { ref: ref.ref, file: callee.file });
    }
  },
};
