// GUMP404 (language.md §19.5, target only): two jobs of the generated pipeline would share an id
// — two static steps whose job ids are equal after sanitising (`jobId`), or a step whose id equals
// one the target adds for another step (a split's `<id>-task-3`, `<id>-merge`, …) or for the run
// (`gump-publish`, `gump-report`). The later step is reported at its start. Checked for the
// workflow being compiled, not for its callees (their steps run inside the caller's jobs).

import type { Rule } from '../../rule.js';
import type { StepInfo } from '../../model.js';
import { DEFAULT_CI_OPTIONS } from '../../../../targets/ci/options.js';
import { RUN_JOBS, stepJobIds, TARGET_LIMITS, type StepShape } from './target-limits.js';

export const jobIdCollision: Rule = {
  name: 'job-id-collision',
  check({ wf, out, options, config, root }) {
    const target = options.target;
    if (!target || !root) return;
    const slots = config?.ci.task_slots ?? DEFAULT_CI_OPTIONS.taskSlots;
    // GitHub compares job ids case-insensitively; GitLab job names are case-sensitive.
    const keyOf = (id: string): string => (target === 'github' ? id.toLowerCase() : id);
    const first = new Map<string, string>(Object.values(RUN_JOBS).map((id) => [keyOf(id), `the run job "${id}"`]));
    for (const s of wf.root.steps) {
      if (s.name === undefined) continue;
      const children = s.child?.steps.map((c) => c.name ?? '') ?? [];
      const shape = shapeOf(s);
      const ids = stepJobIds(s.path, shape, target, { slots, children });
      for (const [i, id] of ids.entries()) {
        // A group's first ids are its children's jobs: name the child.
        const origin = `"${shape === 'parallel-group' && i < children.length ? `${s.path}/${children[i]}` : s.path}"`;
        const key = keyOf(id);
        const earlier = first.get(key);
        if (earlier === undefined) first.set(key, origin);
        else if (earlier !== origin) {
          out.report('GUMP404', s.ast.span, {
            list: `${earlier} and ${origin}`,
            target: TARGET_LIMITS[target].title,
            id,
          });
          break;
        }
      }
    }
  },
};

function shapeOf(s: StepInfo): StepShape {
  if (s.kind === 'split') return s.ast.parallel?.value === true ? 'parallel-split' : 'sequential-split';
  if (s.kind === 'group') return 'parallel-group';
  return 'single';
}
