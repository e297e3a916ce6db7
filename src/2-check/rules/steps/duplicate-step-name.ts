// GUMP101 (language.md §14.4): step names are unique per scope (the root, a split's `each:`, a
// group's `steps:`). Every later step reusing a name is reported at its `name` key.

import type { Rule } from '../../rule.js';

export const duplicateStepName: Rule = {
  name: 'duplicate-step-name',
  check({ wf, out }) {
    const scopes = [wf.root, ...wf.steps.flatMap((s) => (s.child ? [s.child] : []))];
    for (const scope of scopes) {
      const seen = new Set<string>();
      for (const step of scope.steps) {
        const name = step.ast.name;
        if (!name) continue;
        if (seen.has(name.value)) out.report('GUMP101', name.key.keySpan, { name: name.value });
        else seen.add(name.value);
      }
    }
  },
};
