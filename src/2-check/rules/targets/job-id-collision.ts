// GUMP404 (language.md §19.5, target only): two steps with a static path (outside any task) whose
// job ids are equal after sanitising (`jobId`); the later step is reported at its start. Checked
// for the workflow being compiled, not for its callees (their steps run inside the caller's jobs).

import type { Rule } from '../../rule.js';
import { staticSteps } from './static-steps.js';
import { jobId, TARGET_LIMITS } from './target-limits.js';

export const jobIdCollision: Rule = {
  name: 'job-id-collision',
  check({ wf, out, options, program }) {
    const target = options.target;
    if (!target || program.stack.length > 1) return;
    const first = new Map<string, string>();
    for (const s of staticSteps(wf)) {
      const id = jobId(s.path, target);
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, s.path);
      else out.report('GUMP404', s.ast.span, { list: `"${earlier}" and "${s.path}"`, target: TARGET_LIMITS[target].title, id });
    }
  },
};
