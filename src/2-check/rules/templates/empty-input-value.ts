// Rule (language.md §14.6, GUMP522): an input bound to an empty literal (call or retry `with:`,
// `get:` workflow inputs, validator gate inputs) renders nothing; warn at the input's key.

import type { InputAst } from '../../../1-parse/ast.js';
import type { Rule } from '../../rule.js';

export const emptyInputValue: Rule = {
  name: 'empty-input-value',
  check(ctx) {
    for (const step of ctx.wf.steps) {
      const ast = step.ast;
      const inputs: InputAst[] = [
        ...(ast.with?.value ?? []),
        ...ast.getInputs,
        ...(ast.gate?.value ?? []).flatMap((g) => g.inputs),
        ...(ast.retry?.value ?? []).flatMap((r) => r.with?.value ?? []),
      ];
      for (const input of inputs) {
        if (input.value?.text === '') ctx.out.report('GUMP522', input.keySpan, { key: input.name });
      }
    }
  },
};
