// Rule (language.md §14.4, §15.2): the field of a bound step reference exists for that step's
// kind (GUMP105, listing the valid fields; GUMP113 in a qualified path), `gate.<g>` names one of
// its gates (GUMP108), and `state.<key>` of a call or GET pseudo-step matches the callee.

import type { Rule } from '../../rule.js';
import { bindableName } from '../../scope-lookup.js';
import { forEachPlaceholder, reportAtPlaceholder } from '../../template-sites.js';
import { effectiveBinding } from '../../bind-reference.js';
import { fieldProblem, kindLabel, validFields } from './step-fields.js';

export const stepFieldReference: Rule = {
  name: 'step-field-reference',
  check(ctx) {
    forEachPlaceholder(ctx, (v) => {
      const b = effectiveBinding(v.binding);
      if (b.kind !== 'step') return;
      const problem = fieldProblem(ctx.wf, b.target, b.fields);
      if (!problem) return;
      const ref = `{${v.ph.ref}}`;
      const name = bindableName(b.target);
      if (problem.code === 'GUMP108') {
        reportAtPlaceholder(
          ctx,
          v,
          'GUMP108',
          { name: problem.gate, ref, step: name },
          { hint: gatesHint(name, problem.valid) },
        );
        return;
      }
      const hint = `valid fields of ${kindLabel(b.target)} step "${name}": ${validFields(b.target).join(', ')}`;
      if (b.qualified) reportAtPlaceholder(ctx, v, 'GUMP113', { ref }, { hint });
      else
        reportAtPlaceholder(
          ctx,
          v,
          'GUMP105',
          { field: problem.field, kind: kindLabel(b.target), name, ref },
          { hint },
        );
    });
  },
};

export function gatesHint(step: string, gates: string[]): string {
  return gates.length === 0 ? `step "${step}" has no gates` : `gates of step "${step}": ${gates.join(', ')}`;
}
