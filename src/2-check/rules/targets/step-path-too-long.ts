// GUMP406 (language.md §19.5, target only): a static step path whose job id — or the id of a job
// the target adds for it (`<split>-task-16`, `<group>-<child>`, …) — is longer than the target's
// job-name limit (GitHub 99, GitLab 255 characters); reported at the step.

import type { Rule } from '../../rule.js';
import type { StepInfo } from '../../model.js';
import { DEFAULT_CI_OPTIONS } from '../../../../targets/ci/options.js';
import { jobId, stepJobIds, TARGET_LIMITS } from './target-limits.js';
import { staticSteps } from './static-steps.js';

export const stepPathTooLong: Rule = {
  name: 'step-path-too-long',
  check({ wf, out, options, config, root }) {
    const target = options.target;
    if (!target || !root) return;
    const limits = TARGET_LIMITS[target];
    const slots = config?.ci.task_slots ?? DEFAULT_CI_OPTIONS.taskSlots;
    const reported = new Set<StepInfo>();
    for (const s of staticSteps(wf)) {
      if (jobId(s.path, target).length <= limits.maxJobName) continue;
      out.report('GUMP406', s.ast.span, { name: s.path, limit: limits.maxJobName, target: limits.title });
      reported.add(s);
    }
    for (const s of wf.root.steps) {
      if (s.name === undefined || reported.has(s) || s.child?.steps.some((c) => reported.has(c))) continue;
      const shape =
        s.kind === 'split'
          ? s.ast.parallel?.value === true
            ? 'parallel-split'
            : 'sequential-split'
          : s.kind === 'group'
            ? 'parallel-group'
            : 'single';
      const ids = stepJobIds(s.path, shape, target, { slots, children: s.child?.steps.map((c) => c.name ?? '') ?? [] });
      // Approval and share jobs add `-approve-10-share` at most.
      const longest = Math.max(...ids.map((id) => id.length)) + (hasHitl(s) ? '-approve-10-share'.length : 0);
      if (longest > limits.maxJobName)
        out.report('GUMP406', s.ast.span, { name: s.path, limit: limits.maxJobName, target: limits.title });
    }
  },
};

/** The step, or a step in its task or group, has an approval point (callees aside). */
function hasHitl(s: StepInfo): boolean {
  const own = s.ast.hitl?.value;
  return (own !== undefined && own !== false) || (s.child?.steps.some(hasHitl) ?? false);
}
