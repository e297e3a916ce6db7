// GUMP313 (language.md §4.2): a typed step with a prompt but no `agent` is reported at the step
// (instead of GUMP331). An `agent` key with an invalid value counts as present (GUMP210).

import type { Rule } from '../../rule.js';
import { isAgentKind, label } from './step-facts.js';

export const promptWithoutAgent: Rule = {
  name: 'prompt-without-agent',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (isAgentKind(s.kind) && s.ast.keys.has('prompt') && !s.ast.keys.has('agent')) {
        out.report('GUMP313', s.ast.span, { name: label(s) });
      }
    }
  },
};
