// Rule (language.md §14.5, §14.2): `{task.<f>}` only inside an `each:` scope (GUMP106), with `<f>`
// one of name, description, files (GUMP107); legacy `{item.<f>}` is read as it (GUMP509, fixable).

import type { Rule } from '../../rule.js';
import { placeholderSpan, forEachPlaceholder, reportAtPlaceholder } from '../../template-sites.js';

const TASK_FIELDS = ['name', 'description', 'files'];

export const taskReference: Rule = {
  name: 'task-reference',
  check(ctx) {
    forEachPlaceholder(ctx, (v) => {
      const b = v.binding;
      if (b.kind !== 'task') return;
      const ref = `{${v.ph.ref}}`;
      if (b.legacyItem) {
        const replacement = `{task.${b.field}}`;
        const span = placeholderSpan(v.site.source, v.site.template, v.ph);
        reportAtPlaceholder(
          ctx,
          v,
          'GUMP509',
          { ref, replacement },
          {
            hint: `write ${replacement}`,
            fix: {
              description: `replace ${ref} with ${replacement}`,
              edits: [{ offset: span.offset, endOffset: span.endOffset, text: replacement }],
            },
          },
        );
      }
      if (!v.step.inTask) reportAtPlaceholder(ctx, v, 'GUMP106', { ref });
      else if (!TASK_FIELDS.includes(b.field)) reportAtPlaceholder(ctx, v, 'GUMP107', { field: b.field, ref });
    });
  },
};
