// Rule (language.md §7.3, GUMP126): the pseudo-step of a GET workflow (last path segment of its
// reference, extension stripped) must not take the name of a step of the calling step's scope.

import type { Rule } from '../../rule.js';
import { getWorkflowOf, pseudoStepsOf } from '../../scope-lookup.js';

export const getWorkflowNameCollision: Rule = {
  name: 'get-workflow-name-collision',
  check(ctx) {
    const scopes = [ctx.wf.root, ...ctx.wf.steps.flatMap((s) => (s.child ? [s.child] : []))];
    for (const scope of scopes) {
      for (const pseudo of pseudoStepsOf(scope)) {
        if (!scope.steps.some((s) => s.name === pseudo.name)) continue;
        const key = getWorkflowOf(pseudo.caller.ast)!.key;
        ctx.out.report('GUMP126', key.keySpan, { name: pseudo.name, ref: pseudo.ref });
      }
    }
  },
};
