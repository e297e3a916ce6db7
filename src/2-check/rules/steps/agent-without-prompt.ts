// GUMP314 (language.md §4.2): every typed step except a pass step requires a `prompt`, with or
// without an agent; reported at the step. A split/validate/artifact step with `agent: pass` gets
// GUMP315 only.

import type { Rule } from '../../rule.js';
import { isAgentKind, isPassAgent, label } from './step-facts.js';

export const agentWithoutPrompt: Rule = {
  name: 'agent-without-prompt',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (!isAgentKind(s.kind) || s.ast.keys.has('prompt') || isPassAgent(s.ast)) continue;
      out.report('GUMP314', s.ast.span, { kind: s.kind, name: label(s) });
    }
  },
};
