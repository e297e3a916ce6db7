// GUMP315 (language.md §3): `agent: pass` is legal only on `type: code`; on a split, validate or
// artifact step it is reported at the step.

import type { Rule } from '../../rule.js';
import { isPassAgent } from './step-facts.js';

const KINDS = ['split', 'validate', 'artifact'];

export const passNotCode: Rule = {
  name: 'pass-not-code',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (KINDS.includes(s.kind) && isPassAgent(s.ast)) out.report('GUMP315', s.ast.span, { kind: s.kind });
    }
  },
};
