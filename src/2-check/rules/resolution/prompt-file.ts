// Rule (language.md §4.3, GUMP221): `prompt: {file: <path>}` names an existing file relative to the
// workflow file's folder; a built-in workflow has no folder and cannot use it.

import type { Rule } from '../../rule.js';

export const promptFile: Rule = {
  name: 'prompt-file',
  check(ctx) {
    for (const step of ctx.wf.steps) {
      const prompt = step.ast.prompt;
      if (prompt?.value.kind !== 'file') continue;
      const value = prompt.value.path;
      if (ctx.source.builtin) {
        ctx.out.report(
          'GUMP221',
          prompt.key.keySpan,
          { value },
          {
            message: `a built-in workflow cannot use prompt: {file: ${value}}`,
            hint: 'inline the prompt',
          },
        );
      } else if (ctx.wf.prompts.get(value) === undefined) {
        ctx.out.report('GUMP221', prompt.key.keySpan, { value });
      }
    }
  },
};
