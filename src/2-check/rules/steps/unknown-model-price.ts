// GUMP520 (language.md §17.2): a literal agent whose model has no price has cost `unknown` and is
// invisible to budgets; warned at the agent key (step and retry agents). The price table is the
// built-in one extended by gump.toml `[prices."<model>"]` (§17.2, §22), as at run time.

import { knownProvider, priceFor } from '../../../../protocol/models.js';
import type { Rule } from '../../rule.js';
import { projectPrices } from './project-prices.js';
import { isAgentKind, literalAgents } from './step-facts.js';

export const unknownModelPrice: Rule = {
  name: 'unknown-model-price',
  check({ wf, out, config }) {
    const prices = projectPrices(config);
    for (const s of wf.steps) {
      if (!isAgentKind(s.kind)) continue;
      for (const { agent, key } of literalAgents(s.ast)) {
        if (knownProvider(agent.name) && !priceFor(agent.name, prices))
          out.report('GUMP520', key.keySpan, { value: agent.name });
      }
    }
  },
};
