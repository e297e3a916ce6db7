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

/** The inputs of the pipeline file's `spec:` header: what `include: inputs:` may set. */
export const SPEC_INPUTS = { spec: 'spec', stub: 'stub', inputs: 'inputs' } as const;

/**
 * `spec: inputs:` (GitLab docs, "CI/CD inputs"): a file including the pipeline with `include:
 * inputs:` sets the run's spec, stub mode and workflow inputs; every input has a default, so an
 * include without inputs (what `gump init` writes) works unchanged.
 */
export function specInputs(graph: CiGraph): Obj {
  return {
    [SPEC_INPUTS.spec]: {
      type: 'string',
      default: '',
      description: `Repository path of the spec file (default of ${ENV.spec})`,
    },
    [SPEC_INPUTS.stub]: {
      type: 'string',
      default: 'false',
      options: ['false', 'true'],
      description: `Stub mode (default of ${ENV.stub})`,
    },
    [SPEC_INPUTS.inputs]: {
      type: 'string',
      default: '{}',
      description: `Workflow inputs as a JSON object${inputList(graph)} (default of ${ENV.inputs})`,
    },
  };
}

/**
 * Pipeline variables, pre-filled in "Run pipeline" (`description`): the spec, stub mode and the
 * workflow's inputs as one JSON object (GitLab expands no JSON; the runtime picks the inputs out).
 * Their defaults are the `spec:` inputs; variables set when the pipeline starts win over both.
 */
export function pipelineVariables(graph: CiGraph): Obj {
  const input = (name: string): string => `$[[ inputs.${name} ]]`;
  return {
    [ENV.spec]: { value: input(SPEC_INPUTS.spec), description: 'Repository path of the spec file' },
    [ENV.stub]: {
      value: input(SPEC_INPUTS.stub),
      description: 'Stub mode: scripted agents (.gump/stub.yaml), no API keys',
      options: ['false', 'true'],
    },
    [ENV.inputs]: {
      value: input(SPEC_INPUTS.inputs),
      description: `Workflow inputs as a JSON object${inputList(graph)}`,
    },
  };
}

function inputList(graph: CiGraph): string {
  return graph.inputs.length > 0 ? `: ${graph.inputs.map((i) => `"${i}"`).join(', ')}` : '';
}
