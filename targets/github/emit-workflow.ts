// GitHub target: CiGraph → `.github/workflows/gump-<name>.yml` (GitHub docs, "Workflow syntax for
// GitHub Actions"). Every job is a checkout and one call of the local composite action
// (emit-action.ts); values from inputs, task names and outputs reach scripts only through `env:`.

import { ENV, OUTPUTS, planPath } from '../../protocol/runtime-cli.js';
import { type CiGraph, type CiJob, isBranchJob } from '../ci/job-graph.js';
import type { CiOptions } from '../ci/options.js';
import { secretsFor } from '../ci/agent-secrets.js';
import { ACTIONS, uses } from './pins.js';
import { jobCondition } from './expressions.js';
import { ACTION_DIR, secretInput } from './emit-action.js';

type Obj = Record<string, unknown>;

export function emitWorkflow(graph: CiGraph, name: string, o: CiOptions): Obj {
  const approvals = graph.jobs.filter((j) => j.role === 'approval').map((j) => j.id);
  const jobs: Obj = {};
  for (const job of graph.jobs) jobs[job.id] = emitJob(job, o, approvals);
  return {
    name: `gump ${name}`,
    'run-name': `gump ${name} · \${{ inputs.spec }}\${{ inputs.stub && ' (stub)' || '' }}\${{ inputs.resume != '' && format(' · resume {0}', inputs.resume) || '' }}`,
    on: { workflow_dispatch: { inputs: dispatchInputs(graph) } },
    permissions: {},
    // One run of a workflow per ref at a time; a queued dispatch (e.g. a resume) waits its turn.
    concurrency: { group: `gump-${name}-\${{ github.ref }}`, 'cancel-in-progress': false },
    env: {
      GUMP_PLAN: planPath(name),
      [ENV.spec]: '${{ inputs.spec }}',
      [ENV.stub]: '${{ inputs.stub }}',
      [ENV.inputs]: '${{ toJSON(inputs) }}',
      GUMP_RESUME: '${{ inputs.resume }}',
      [ENV.decision]: "${{ inputs.decision != 'none' && inputs.decision || '' }}",
      [ENV.actor]: '${{ github.triggering_actor }}',
    },
    jobs,
  };
}

function dispatchInputs(graph: CiGraph): Obj {
  const inputs: Obj = {
    spec: { description: 'Repository path of the spec file', required: true, type: 'string' },
    stub: {
      description: 'Stub mode: scripted agents (.gump/stub.yaml), no API keys',
      required: false,
      type: 'boolean',
      default: false,
    },
    resume: { description: 'GitHub run id of a gump run to continue', required: false, type: 'string', default: '' },
    decision: {
      description: 'For a run waiting for approval (with resume)',
      required: false,
      type: 'choice',
      options: ['none', 'approve', 'reject'],
      default: 'none',
    },
  };
  for (const input of graph.inputs)
    inputs[input] = { description: `Workflow input ${input}`, required: true, type: 'string' };
  return inputs;
}

function emitJob(job: CiJob, o: CiOptions, approvals: readonly string[]): Obj {
  const out: Obj = { name: jobName(job) };
  if (job.needs.length > 0) out.needs = job.needs.length === 1 ? job.needs[0] : job.needs;
  const condition = jobCondition(job);
  if (condition) out.if = condition;
  out['runs-on'] = o.runsOn;
  out['timeout-minutes'] = job.timeoutMinutes;
  out.permissions = permissions(job);
  if (job.role === 'approval' && o.approval === 'environment') out.environment = o.environment;
  // A failed branch is recorded for the merge job, which decides (a further pass, or the step's
  // failure). GitHub's implicit success() sees every earlier job, so without this the jobs after a
  // merge that recovered would be skipped; the leg still shows as failed (platforms.md).
  if (isBranchJob(job)) out['continue-on-error'] = true;
  if (job.matrix) {
    out.strategy = {
      'fail-fast': false,
      ...(o.maxParallel !== undefined ? { 'max-parallel': o.maxParallel } : {}),
      matrix: { task: `\${{ fromJSON(needs.${job.matrix.planner}.outputs.${OUTPUTS.tasks}) }}` },
    };
  }
  const env = jobEnv(job, approvals);
  if (env) out.env = env;
  const outputs = jobOutputs(job);
  if (outputs) out.outputs = outputs;
  out.steps = [
    { uses: uses(ACTIONS.checkout), with: { 'persist-credentials': false } },
    { id: 'gump', uses: ACTION_DIR, with: actionInputs(job) },
  ];
  return out;
}

function jobName(job: CiJob): string {
  if (!job.taskTitle) return job.title;
  const { planner, slot } = job.taskTitle;
  const parts = job.title.split(' · ');
  // An approval job of a task slot says which approval it is, after the task's name.
  const suffix = job.role === 'approval' ? ` · ${parts[parts.length - 1]}` : '';
  if (slot === undefined) return `${parts[0]} · \${{ matrix.task.name }}${suffix}`;
  return `${parts[0]} · \${{ fromJSON(needs.${planner}.outputs.${OUTPUTS.tasks})[${slot}].name }}${suffix}`;
}

function permissions(job: CiJob): Obj {
  // actions: read lets download-artifact read earlier attempts' and runs' state (platforms.md).
  switch (job.role) {
    case 'share':
      return { actions: 'read', contents: 'write' };
    case 'publish':
      return { actions: 'read', contents: 'write', 'pull-requests': 'write' };
    default:
      return { actions: 'read', contents: 'read' };
  }
}

function jobEnv(job: CiJob, approvals: readonly string[]): Obj | undefined {
  if (job.role === 'approval') return { [ENV.decision]: 'approve' };
  if (job.role === 'report' && approvals.length > 0) {
    // A reviewer who rejects the environment review fails the approval job without running it.
    const rejected = approvals.map((a) => `needs.${a}.result == 'failure'`).join(' || ');
    return { [ENV.decision]: `\${{ (${rejected}) && 'reject' || '' }}` };
  }
  if (job.role !== 'unit') return { [ENV.decision]: '' };
  return undefined;
}

function jobOutputs(job: CiJob): Obj | undefined {
  if (job.role === 'share') return undefined;
  const out: Obj = { [OUTPUTS.state]: `\${{ steps.gump.outputs.${OUTPUTS.state} }}` };
  if (job.role === 'publish') out.pr_url = '${{ steps.gump.outputs.pr_url }}';
  if (job.unit?.startsWith('planner-')) {
    out[OUTPUTS.count] = `\${{ steps.gump.outputs.${OUTPUTS.count} }}`;
    out[OUTPUTS.tasks] = `\${{ steps.gump.outputs.${OUTPUTS.tasks} }}`;
  }
  return out;
}

function actionInputs(job: CiJob): Obj {
  const leg = (s: string): string => s.replace('{i}', '${{ matrix.task.i }}');
  const w: Obj = job.role === 'unit' || job.role === 'approval' ? {} : { command: job.role };
  if (job.unit) w.unit = leg(job.unit);
  // Defaults of the action: save under the job id, restore every state artifact of the run.
  if (job.saves && job.saves !== job.id) w.save = leg(job.saves);
  const restore = restorePattern(job.restores.map(leg));
  if (restore !== '*') w.restore = restore;
  if (job.agents.length > 0) w.agents = job.agents.join(' ');
  if (job.role === 'unit' || job.role === 'approval')
    for (const s of secretsFor(job.agents)) w[secretInput(s)] = `\${{ secrets.${s} }}`;
  if (job.role === 'share' || job.role === 'publish') w['push-token'] = '${{ secrets.GUMP_PR_TOKEN || github.token }}';
  return w;
}

/** One download pattern (minimatch, as download-artifact) for the state artifacts `names`. */
function restorePattern(names: readonly string[]): string {
  if (names.includes('*')) return '*';
  return names.length === 1 ? names[0]! : `{${names.join(',')}}`;
}
