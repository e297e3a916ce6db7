// GitLab target: when each job of the graph runs, as `rules:` (GitLab docs, "`rules`"), and the
// pipeline variables that start a run. GitLab rules see variables only, never earlier jobs'
// outputs, so the graph's conditions map onto job statuses: `passed`/`unless-failed` are GitLab's
// `on_success` (a waiting run exits 0 and later units find nothing to do), `branches-done` holds
// because branch jobs may fail with exit 1, `always` is `always`, and an approval is a blocking
// manual job (`when: manual`, `allow_failure: false`) with a non-blocking manual reject job beside it.

import { ENV } from '../../protocol/runtime-cli.js';
import type { CiGraph, CiJob } from '../ci/job-graph.js';

type Obj = Record<string, unknown>;

export const ENV_NAMES = {
  /** The pipeline variable selecting which workflow a pipeline runs. */
  workflow: 'GUMP_WORKFLOW',
  /** Set when playing an approval job: `reject` rejects instead (default approve). */
  review: 'GUMP_REVIEW',
} as const;

/** A child pipeline runs only when its parent triggers it: its jobs' rules test no variable. */
export function rulesOf(job: CiJob, name: string, review?: 'approve' | 'reject', child = false): Obj[] {
  const rule: Obj = child ? {} : { if: `$${ENV_NAMES.workflow} == "${name}"` };
  if (review === 'approve') Object.assign(rule, { when: 'manual', allow_failure: false });
  else if (review === 'reject') Object.assign(rule, { when: 'manual', allow_failure: true });
  else if (job.when.kind === 'always') rule.when = 'always';
  else if (child) rule.when = 'on_success';
  return [rule];
}

/**
 * Pipeline variables, pre-filled in "Run pipeline" (`description`): the spec, stub mode and the
 * workflow's inputs as one JSON object (GitLab expands no JSON; the runtime picks the inputs out).
 */
export function pipelineVariables(graph: CiGraph): Obj {
  const inputs = graph.inputs.length > 0 ? `: ${graph.inputs.map((i) => `"${i}"`).join(', ')}` : '';
  return {
    [ENV.spec]: { value: '', description: 'Repository path of the spec file' },
    [ENV.stub]: { value: 'false', description: 'Stub mode: scripted agents (.gump/stub.yaml), no API keys', options: ['false', 'true'] },
    [ENV.inputs]: { value: '{}', description: `Workflow inputs as a JSON object${inputs}` },
  };
}
