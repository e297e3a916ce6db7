// GUMP402 (language.md §6.5): a parallel group or a parallel split must not run inside a parallel
// branch, also through a workflow it runs. Reported at the step. Parallel groups inside a
// sequential split's tasks are allowed.

import type { Rule } from '../../rule.js';
import { inBranch, isParallelSplit, runsSomewhere } from './nesting.js';

export const nestedParallel: Rule = {
  name: 'nested-parallel',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (!inBranch(s)) continue;
      if (s.kind === 'group' || isParallelSplit(s)) {
        out.report('GUMP402', s.ast.span, { kind: s.kind === 'group' ? 'group' : 'split', name: s.name ?? s.path });
      } else if (runsSomewhere(s, wf, (c) => c.kind === 'group' || isParallelSplit(c))) {
        const name = s.name ?? s.path;
        out.report(
          'GUMP402',
          s.ast.span,
          { kind: 'step', name },
          { message: `step "${name}" runs a workflow containing a parallel group or split, inside a parallel branch` },
        );
      }
    }
  },
};
