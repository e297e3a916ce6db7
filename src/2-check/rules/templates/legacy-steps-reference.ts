// Rule (language.md §14.2, compat): `{steps.<x>.<f>}` searches every scope for `<x>`: several
// scopes → GUMP128; none, or inside a task not containing the placeholder → GUMP104; exactly one
// → warning GUMP508 with a fix to `{<x>.<f>}` or the qualified path. The result is then checked
// like the replacement by the reference rules.

import type { Rule } from '../../rule.js';
import { placeholderSpan, forEachPlaceholder, reportAtPlaceholder } from '../../template-sites.js';

export const legacyStepsReference: Rule = {
  name: 'legacy-steps-reference',
  check(ctx) {
    forEachPlaceholder(ctx, (v) => {
      const b = v.binding;
      if (b.kind !== 'legacy') return;
      const ref = `{${v.ph.ref}}`;
      switch (b.outcome.kind) {
        case 'ambiguous':
          reportAtPlaceholder(ctx, v, 'GUMP128', { name: b.name, ref });
          return;
        case 'unknown':
          reportAtPlaceholder(
            ctx,
            v,
            'GUMP104',
            { name: b.name, ref },
            { hint: `no step "${b.name}" with a static path is visible from here` },
          );
          return;
        case 'bare':
          reportAtPlaceholder(
            ctx,
            v,
            'GUMP112',
            { name: b.name, ref },
            { hint: `reference one of its fields, e.g. {${b.name}.output}` },
          );
          return;
        case 'ok': {
          const replacement = `{${b.outcome.replacement}}`;
          const span = placeholderSpan(v.site.source, v.site.template, v.ph);
          reportAtPlaceholder(
            ctx,
            v,
            'GUMP508',
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
      }
    });
  },
};
