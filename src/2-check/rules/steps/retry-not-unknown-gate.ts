// GUMP123 (language.md §9.1): a retry condition `not: gate.<g>` names a gate of this step;
// otherwise it is reported at its `not` key. Skipped when some gate entry had an invalid value
// (its name is unknown) and on kinds whose retry is already an error.

import type { Rule } from '../../rule.js';
import { listLength } from './step-facts.js';

export const retryNotUnknownGate: Rule = {
  name: 'retry-not-unknown-gate',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (s.kind === 'gate-only' || s.kind === 'call' || s.kind === 'group') continue;
      const gateKey = s.ast.keys.get('gate');
      const gates = s.ast.gate?.value ?? [];
      if (gateKey && listLength(gateKey) !== gates.length) continue;
      const names = new Set(gates.map((g) => g.name));
      for (const entry of s.ast.retry?.value ?? []) {
        const c = entry.condition;
        if (c?.kind === 'not' && !names.has(c.gate)) out.report('GUMP123', c.span, { name: c.gate });
      }
    }
  },
};
