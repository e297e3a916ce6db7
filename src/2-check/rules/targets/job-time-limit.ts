// GUMP407 (language.md §19.5, target only): a step may run `exit` attempts of up to `max_time`
// each (one attempt without retry); over the target's maximum job duration (GitHub 6 h, GitLab
// 3 h) it is warned at the `max_time` key.

import type { Rule } from '../../rule.js';
import { formatDuration } from '../../../../protocol/duration.js';
import { TARGET_LIMITS } from './target-limits.js';

const AGENT_KINDS = ['code', 'split', 'validate', 'artifact'];

export const jobTimeLimit: Rule = {
  name: 'job-time-limit',
  check({ wf, out, options }) {
    const target = options.target;
    if (!target) return;
    const limits = TARGET_LIMITS[target];
    for (const s of wf.steps) {
      const maxTime = s.ast.guard?.value.maxTime;
      if (!maxTime || !AGENT_KINDS.includes(s.kind)) continue;
      const exit = s.ast.retry?.value.find((e) => e.condition?.kind === 'exit')?.condition;
      const attempts = exit?.kind === 'exit' ? exit.value : 1;
      const total = attempts * maxTime.value;
      if (total <= limits.maxJobMs) continue;
      out.report('GUMP407', maxTime.key.keySpan, {
        name: s.name ?? s.path,
        value: formatDuration(total),
        target: limits.title,
        limit: formatDuration(limits.maxJobMs),
      });
    }
  },
};
