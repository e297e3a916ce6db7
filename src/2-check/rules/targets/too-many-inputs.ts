// GUMP405 (language.md §14.6, §19.5, target only): the root workflow's inputs (`spec` included)
// plus the stub-mode input the targets add must fit the target's pipeline-input limit. Reported
// at line 1, column 1 (the whole document); callees are not checked (their inputs are not
// pipeline inputs).

import type { Span } from '../../../1-parse/located.js';
import type { Rule } from '../../rule.js';
import { EXTRA_PIPELINE_INPUTS, TARGET_LIMITS } from './target-limits.js';

const DOCUMENT_START: Span = { line: 1, col: 1, endLine: 1, endCol: 1, offset: 0, endOffset: 0 };

export const tooManyInputs: Rule = {
  name: 'too-many-inputs',
  check({ wf, out, options, root }) {
    const target = options.target;
    if (!target || !root) return;
    const count = new Set([...wf.inputs, 'spec']).size + EXTRA_PIPELINE_INPUTS;
    const limits = TARGET_LIMITS[target];
    if (count > limits.maxInputs)
      out.report('GUMP405', DOCUMENT_START, { count, target: limits.title, limit: limits.maxInputs });
  },
};
