// GUMP125 (language.md §7.2, §8.5): the derived names of one step's gates are unique; every later
// entry reusing a name (typically two validators ending alike) is reported at that entry.

import type { Rule } from '../../rule.js';

export const duplicateGateName: Rule = {
  name: 'duplicate-gate-name',
  check({ wf, out }) {
    for (const s of wf.steps) {
      const seen = new Set<string>();
      for (const gate of s.ast.gate?.value ?? []) {
        if (seen.has(gate.name)) out.report('GUMP125', gate.span, { name: gate.name });
        else seen.add(gate.name);
      }
    }
  },
};
