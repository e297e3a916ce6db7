// GUMP312 (language.md §8.6): a gate-only step is evaluated once and cannot have `retry`;
// reported at the key, hinting at a pass step (`type: code` + `agent: pass`).

import type { Rule } from '../../rule.js';

export const gateOnlyRetry: Rule = {
  name: 'gate-only-retry',
  check({ wf, out }) {
    for (const s of wf.steps) {
      const key = s.ast.keys.get('retry');
      if (key && s.kind === 'gate-only') out.report('GUMP312', key.keySpan);
    }
  },
};
