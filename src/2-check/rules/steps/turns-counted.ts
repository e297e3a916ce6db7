// GUMP524 (language.md §11, §18.1): `max_turns` is passed to CLIs with a turn-limit flag (claude,
// qwen); for any other literal agent of the step (own or retry) the runtime counts turns from the
// stream. One note per step, at the `max_turns` key.

import { knownProvider, PROVIDER_INFO } from '../../../../protocol/models.js';
import type { Rule } from '../../rule.js';
import { isAgentKind, literalAgents } from './step-facts.js';

export const turnsCounted: Rule = {
  name: 'turns-counted',
  check({ wf, out }) {
    for (const s of wf.steps) {
      const maxTurns = s.ast.guard?.value.maxTurns;
      if (!maxTurns || !isAgentKind(s.kind)) continue;
      const counted = new Set<string>();
      for (const { agent } of literalAgents(s.ast)) {
        const provider = knownProvider(agent.name);
        if (provider && PROVIDER_INFO[provider].turnLimit === 'counted') counted.add(provider);
      }
      if (counted.size > 0) out.report('GUMP524', maxTurns.key.keySpan, { provider: [...counted].join(', ') });
    }
  },
};
