// Rule (language.md §14.4): `{<name>.<field>}` binds to the nearest scope declaring `<name>`
// (GUMP104 when none does); a qualified path must match the workflow (GUMP113). The bound step
// must not be the step itself (GUMP110), unfinished when rendered (GUMP109) or a parallel
// sibling (GUMP111).

import { closest } from '../../../../protocol/did-you-mean.js';
import type { Rule } from '../../rule.js';
import { bindableName, visibleNames } from '../../scope-lookup.js';
import { forEachPlaceholder, reportAtPlaceholder } from '../../template-sites.js';
import { effectiveBinding } from '../../bind-reference.js';

export const stepReference: Rule = {
  name: 'step-reference',
  check(ctx) {
    forEachPlaceholder(ctx, (v) => {
      const b = effectiveBinding(v.binding);
      const ref = `{${v.ph.ref}}`;
      if (b.kind === 'unknown-step') {
        const visible = visibleNames(v.step);
        const near = closest(b.name, visible);
        const list = visible.length === 0 ? 'no step is visible from here' : `visible steps: ${visible.join(', ')}`;
        reportAtPlaceholder(
          ctx,
          v,
          'GUMP104',
          { name: b.name, ref },
          { hint: near === undefined ? list : `did you mean "${near}"? (${list})` },
        );
      } else if (b.kind === 'bad-qualified') {
        reportAtPlaceholder(
          ctx,
          v,
          'GUMP113',
          { ref },
          {
            hint: `${b.why}; qualified paths start at the workflow root: {<group>/<step>.<field>} or {<split>/<task>/<step>.<field>}`,
          },
        );
      } else if (b.kind === 'step') {
        const name = bindableName(b.target);
        const field = b.fields.join('.');
        if (b.relation === 'self')
          reportAtPlaceholder(ctx, v, 'GUMP110', { name, ref }, { hint: `use {prev.${field}}` });
        else if (b.relation === 'forward') reportAtPlaceholder(ctx, v, 'GUMP109', { name, ref });
        else if (b.relation === 'sibling') reportAtPlaceholder(ctx, v, 'GUMP111', { name, ref });
      }
    });
  },
};
