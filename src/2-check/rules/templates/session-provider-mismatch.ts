// Rule (language.md §10, GUMP517): when a step resumes the session of a step whose agent is of
// another provider, and both agents are literal, a fresh session will be used: warn.

import type { Rule } from '../../rule.js';
import { fromKeySpan, sessionCandidate } from './session-target.js';

export const sessionProviderMismatch: Rule = {
  name: 'session-provider-mismatch',
  check(ctx) {
    for (const step of ctx.wf.steps) {
      const session = step.ast.session?.value;
      if (session?.kind !== 'from') continue;
      const target = sessionCandidate(step, session.step);
      const mine = step.ast.agent?.value;
      const theirs = target?.ast.agent?.value;
      if (mine?.kind !== 'literal' || theirs?.kind !== 'literal' || mine.provider === theirs.provider) continue;
      if (mine.name === 'pass' || theirs.name === 'pass') continue;
      ctx.out.report('GUMP517', fromKeySpan(step), {
        name: session.step,
        provider: `${theirs.provider} → ${mine.provider}`,
      });
    }
  },
};
