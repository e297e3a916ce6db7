// GUMP401 (language.md §6.5): a split must not run inside another split's task or inside a
// parallel branch, also through a workflow it runs (call, GET workflow, validator). Reported at
// the step. A parallel split inside a parallel branch is GUMP402 instead.

import type { Rule } from '../../rule.js';
import { inBranch, isParallelSplit, runsSomewhere } from './nesting.js';

export const nestedSplit: Rule = {
  name: 'nested-split',
  check({ wf, out }) {
    for (const s of wf.steps) {
      const branch = inBranch(s);
      if (!branch && !s.inTask) continue;
      const name = s.name ?? s.path;
      if (s.kind === 'split') {
        if (!(branch && isParallelSplit(s))) out.report('GUMP401', s.ast.span, { name });
        continue;
      }
      // Through callees: in a branch, their parallel splits are GUMP402.
      const nested = runsSomewhere(s, wf, (c) => c.kind === 'split' && !(branch && isParallelSplit(c)));
      if (nested)
        out.report(
          'GUMP401',
          s.ast.span,
          { name },
          {
            message: `step "${name}" runs a workflow containing a split, inside another split's task or a parallel branch`,
          },
        );
    }
  },
};
