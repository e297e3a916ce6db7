// GUMP304 (language.md §3 row 2): a step with `steps:` is a parallel group and requires
// `parallel: true` (there are no sequential groups); reported at the step. An invalid
// `parallel` value is GUMP209 only.

import type { Rule } from '../../rule.js';
import { label } from './step-facts.js';

export const stepsWithoutParallel: Rule = {
  name: 'steps-without-parallel',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (s.kind !== 'group') continue;
      const written = s.ast.keys.has('parallel');
      if (!written || s.ast.parallel?.value === false) out.report('GUMP304', s.ast.span, { name: label(s) });
    }
  },
};
