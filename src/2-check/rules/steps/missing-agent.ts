// GUMP331 (language.md §4.2): a typed step needs an `agent`; reported at the step only when it has
// no prompt either (a prompt without agent is GUMP313).

import type { Rule } from '../../rule.js';
import { isAgentKind, label } from './step-facts.js';

export const missingAgent: Rule = {
  name: 'missing-agent',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (isAgentKind(s.kind) && !s.ast.keys.has('agent') && !s.ast.keys.has('prompt')) {
        out.report('GUMP331', s.ast.span, { kind: s.kind, name: label(s) });
      }
    }
  },
};
