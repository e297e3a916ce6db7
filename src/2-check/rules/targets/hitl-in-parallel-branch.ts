// GUMP403 (language.md §12): no approval point inside a parallel branch. A step's own `hitl` is
// reported at the key; an approval point in a workflow the step runs, at the step.

import type { Rule } from '../../rule.js';
import { hasApproval, inBranch, runsSomewhere } from './nesting.js';

export const hitlInParallelBranch: Rule = {
  name: 'hitl-in-parallel-branch',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (!inBranch(s)) continue;
      const name = s.name ?? s.path;
      if (hasApproval(s)) out.report('GUMP403', s.ast.hitl!.key.keySpan, { name });
      else if (runsSomewhere(s, wf, hasApproval)) {
        out.report(
          'GUMP403',
          s.ast.span,
          { name },
          { message: `step "${name}" runs a workflow with an approval point, inside a parallel branch` },
        );
      }
    }
  },
};
