// Rule (language.md §14.5): a bare placeholder naming a step or GET pseudo-step (`{impl}`) is an
// error, never an input (GUMP112; hint `{impl.output}`).

import type { Rule } from '../../rule.js';
import { forEachPlaceholder, reportAtPlaceholder } from '../../template-sites.js';

export const bareStepReference: Rule = {
  name: 'bare-step-reference',
  check(ctx) {
    forEachPlaceholder(ctx, (v) => {
      const b = v.binding;
      if (b.kind !== 'bare-step') return;
      reportAtPlaceholder(
        ctx,
        v,
        'GUMP112',
        { name: b.name, ref: `{${v.ph.ref}}` },
        { hint: `reference one of its fields, e.g. {${b.name}.output}` },
      );
    });
  },
};
