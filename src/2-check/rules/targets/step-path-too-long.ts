// GUMP406 (language.md §19.5, target only): a static step path whose job id is longer than the
// target's job-name limit (GitHub 99, GitLab 255 characters); reported at the step.

import type { Rule } from '../../rule.js';
import { jobId, TARGET_LIMITS } from './target-limits.js';
import { staticSteps } from './static-steps.js';

export const stepPathTooLong: Rule = {
  name: 'step-path-too-long',
  check({ wf, out, options, program }) {
    const target = options.target;
    if (!target || program.stack.length > 1) return;
    const limits = TARGET_LIMITS[target];
    for (const s of staticSteps(wf)) {
      if (jobId(s.path, target).length > limits.maxJobName) out.report('GUMP406', s.ast.span, { name: s.path, limit: limits.maxJobName, target: limits.title });
    }
  },
};
