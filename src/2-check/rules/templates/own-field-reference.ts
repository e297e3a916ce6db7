// Rule (language.md §14.2, §14.5): `{prev.<field>}` names a field of the step's own kind
// (GUMP105), and `{gate.<g>}` / `{prev.gate.<g>}` one of the step's own gates (GUMP108).

import type { Rule } from '../../rule.js';
import { forEachPlaceholder, reportAtPlaceholder } from '../../template-sites.js';
import { gatesHint } from './step-field-reference.js';
import { fieldProblem, gateFieldProblem, kindLabel, validFields, type FieldProblem } from './step-fields.js';

export const ownFieldReference: Rule = {
  name: 'own-field-reference',
  check(ctx) {
    forEachPlaceholder(ctx, (v) => {
      const b = v.binding;
      if (b.kind !== 'prev' && b.kind !== 'gate') return;
      const self = { kind: 'step' as const, step: v.step };
      const problem: FieldProblem | undefined =
        b.kind === 'prev'
          ? fieldProblem(ctx.wf, self, b.fields)
          : gateFieldProblem(v.step, b.fields, `gate.${b.fields.join('.')}`);
      if (!problem) return;
      const ref = `{${v.ph.ref}}`;
      const name = v.step.name ?? v.step.path;
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
      const field = b.kind === 'prev' ? problem.field : `gate.${b.fields.join('.')}`;
      reportAtPlaceholder(
        ctx,
        v,
        'GUMP105',
        { field, kind: kindLabel(self), name, ref },
        {
          hint: `valid fields of ${kindLabel(self)} step "${name}": ${validFields(self).join(', ')}`,
        },
      );
    });
  },
};
