// GUMP310 (language.md §4.1): a call step may not have `get:` or `run:` blocks (its step-level
// `workflow:` is the call target); reported at the step, once per block.

import type { Rule } from '../../rule.js';

export const callWithBlocks: Rule = {
  name: 'call-with-blocks',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (s.kind !== 'call') continue;
      if (s.ast.getBlock) out.report('GUMP310', s.ast.span, { key: 'get' });
      if (s.ast.runBlock) out.report('GUMP310', s.ast.span, { key: 'run' });
    }
  },
};
