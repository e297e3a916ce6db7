// GUMP519 (language.md §17.2): when a budget applies to a step (root or guard `max_budget`), a
// literal agent whose provider does not report cost is billed by estimate; a note at the agent key.
// Agents without a known price get GUMP520 instead; stub reports from its script, pass costs 0.

import { knownProvider, priceFor, PROVIDER_INFO } from '../../../../protocol/models.js';
import type { Rule } from '../../rule.js';
import { projectPrices } from './project-prices.js';
import { isAgentKind, literalAgents } from './step-facts.js';

export const estimatedCost: Rule = {
  name: 'estimated-cost',
  check({ wf, out, config }) {
    let prices: ReturnType<typeof projectPrices> | undefined;
    for (const s of wf.steps) {
      if (!isAgentKind(s.kind)) continue;
      if (!wf.ast.maxBudget && !s.ast.guard?.value.maxBudget) continue;
      for (const { agent, key } of literalAgents(s.ast)) {
        const provider = knownProvider(agent.name);
        prices ??= projectPrices(config);
        if (!provider || PROVIDER_INFO[provider].cost !== 'estimated' || !priceFor(agent.name, prices)) continue;
        out.report('GUMP519', key.keySpan, { provider });
      }
    }
  },
};
