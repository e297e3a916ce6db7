// GUMP124 (language.md §18.1): the provider of a literal agent name (text before the first `-`)
// is claude, codex, gemini, qwen, opencode or cursor, or the name is `pass`, `stub` or
// `stub-<label>`; checked for step and retry agents, reported at the agent key.

import { knownProvider, splitAgentName } from '../../../../protocol/models.js';
import type { Rule } from '../../rule.js';
import { literalAgents } from './step-facts.js';

export const unknownProvider: Rule = {
  name: 'unknown-provider',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (s.kind === 'group' || s.kind === 'call') continue;
      for (const { agent, key } of literalAgents(s.ast)) {
        if (!knownProvider(agent.name))
          out.report('GUMP124', key.keySpan, { provider: splitAgentName(agent.name).provider });
      }
    }
  },
};
