// GUMP320 (language.md §9.1): the `with` override binds a retry validator's inputs and is only
// allowed on a `validate:` entry; on an attempt or not entry it is reported at the entry (exit
// entries get GUMP319).

import type { Rule } from '../../rule.js';
import { takesRetry } from './step-facts.js';

export const retryWithWithoutValidate: Rule = {
  name: 'retry-with-without-validate',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (!takesRetry(s.kind) || s.kind === 'group') continue;
      for (const entry of s.ast.retry?.value ?? []) {
        if (entry.conditionKeys.length !== 1) continue;
        const condition = entry.conditionKeys[0]!.name;
        if (condition === 'validate' || condition === 'exit') continue;
        if (entry.overrideKeys.some((k) => k.name === 'with')) out.report('GUMP320', entry.span);
      }
    }
  },
};
