// GitHub target: conditions of the job graph as `if:` expressions (GitHub docs, "Evaluate
// expressions in workflows and actions"). A condition without a status function gets GitHub's
// implicit `success()`: every need succeeded. Only job ids and outputs appear here, never
// user-controlled text.

import type { CiJob, Condition } from '../ci/job-graph.js';

const state = (job: string): string => `needs.${job}.outputs.state`;

function passed(jobs: readonly string[]): string {
  return jobs.map((j) => `${state(j)} == 'pass'`).join(' || ');
}

/** The `if:` of a job, or undefined when it runs unconditionally (the first job). */
export function jobCondition(job: CiJob): string | undefined {
  const parts: string[] = [];
  const c: Condition = job.when;
  switch (c.kind) {
    case 'first':
      break;
    case 'passed':
      // One job: implicit success(). Several (a unit and its approval jobs): some were skipped.
      if (c.jobs.length === 1) parts.push(passed(c.jobs));
      else parts.push('!cancelled()', '!failure()', `(${passed(c.jobs)})`);
      break;
    case 'waiting':
      parts.push(`${state(c.job)} == 'waiting'`);
      break;
    case 'unless-failed':
      parts.push('!cancelled()', '!failure()');
      break;
    case 'branches-done':
      parts.push('!cancelled()');
      if (c.jobs.length > 0) parts.push(c.jobs.length === 1 ? passed(c.jobs) : `(${passed(c.jobs)})`);
      break;
    case 'always':
      parts.push('always()');
      break;
  }
  // Comparing with a number converts the output string to a number.
  if (job.countAbove) parts.push(`needs.${job.countAbove.planner}.outputs.count > ${job.countAbove.above}`);
  return parts.length === 0 ? undefined : parts.join(' && ');
}
