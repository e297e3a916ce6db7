// Rule (language.md §7.1, §14.6, GUMP122): every key bound to a callee (call `with:`, `get:` block
// inputs, validator gate map, retry `with:`) is an input the callee references, or `spec`; in a
// validator-shaped callee `diff` too. Did-you-mean among the callee's inputs.

import { closest } from '../../../../protocol/did-you-mean.js';
import { calleeFor, refKind } from '../../resolve-ref.js';
import type { Rule } from '../../rule.js';
import { collectReferences } from '../../references.js';

export const unknownInput: Rule = {
  name: 'unknown-input',
  check(ctx) {
    for (const ref of collectReferences(ctx.wf)) {
      const callee = calleeFor(ctx.wf, ref.ref, refKind(ref.ref, ref.use))?.checked;
      if (!callee) continue;
      const accepted = new Set(['spec', ...callee.inputs, ...(callee.validatorShaped ? ['diff'] : [])]);
      for (const input of ref.inputs) {
        if (accepted.has(input.name)) continue;
        const near = closest(input.name, [...accepted]);
        const known = [...accepted].sort().join(', ');
        ctx.out.report(
          'GUMP122',
          input.keySpan,
          { key: input.name, callee: ref.ref },
          {
            hint:
              near === undefined
                ? `inputs of ${ref.ref}: ${known}`
                : `did you mean "${near}"? (inputs of ${ref.ref}: ${known})`,
          },
        );
      }
    }
  },
};
