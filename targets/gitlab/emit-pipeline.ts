// GitLab target: CiGraph → `.gitlab/gump/<name>.yml` (GitLab docs, "CI/CD YAML syntax reference").
// Jobs run in stages in the graph's order — a stage per job, the children of a group and the legs
// of a parallel split side by side — so each job downloads the state artifacts of every earlier
// job (the default `dependencies`) without `needs:` lists that could pass GitLab's 50. Whether a
// later job has anything to do is decided by the runtime from the restored state.

import { ENV, planPath } from '../../protocol/runtime-cli.js';
import type { CiGraph, CiJob } from '../ci/job-graph.js';
import type { CiOptions } from '../ci/options.js';
import { TARGET_LIMITS } from '../ci/limits.js';
import { ENV_NAMES, pipelineVariables, rulesOf } from './rules.js';
import {
  AGENTS_DIR,
  installLines,
  keptSecrets,
  legLines,
  pinKey,
  pinVariables,
  PUBLISH_LINES,
  rejectLine,
  REPORT_DIR,
  setupLines,
  STATE_DIR,
  stateSlug,
  statusLines,
  unitLine,
  unlessStatus,
  unsetLines,
} from './scripts.js';

type Obj = Record<string, unknown>;

/** Stages GitLab defines by default, kept so that the project's own jobs stay valid in a gump pipeline. */
const DEFAULT_STAGES = ['build', 'test', 'deploy'];

export function gitlabImage(o: CiOptions): string {
  // An official Node image with git; Claude Code needs Node ≥ 22 (agents.md §1).
  return `node:${o.nodeVersion}-bookworm`;
}

export function emitPipeline(graph: CiGraph, name: string, o: CiOptions, image = gitlabImage(o)): Obj {
  const template = `.gump-${name}`;
  const stages: string[] = [];
  const stageOf = (stage: string): string => {
    if (!stages.includes(stage)) stages.push(stage);
    return stage;
  };
  const jobs: Obj = {};
  for (const job of graph.jobs) {
    const stage = stageOf(stageName(job, graph));
    if (job.role === 'approval') {
      // A reviewer rejects with the job beside the share job (non-blocking, before the approval's stage).
      const previous = job.needs[0]!;
      jobs[rejectId(job)] = emitJob({ ...job, id: rejectId(job), title: job.title.replace(/approval/, 'reject'), saves: `${job.saves}-reject` }, stageOf(reviewStage(previous)), name, template, o, 'reject');
    }
    jobs[job.id] = emitJob(job, stage, name, template, o, job.role === 'approval' ? 'approve' : undefined);
  }
  return {
    workflow: { name: `gump ${name} · $${ENV.spec}`, rules: [{ if: selects(name) }] },
    stages: [...DEFAULT_STAGES, ...stages],
    variables: pipelineVariables(graph),
    [template]: {
      image,
      variables: { GUMP_PLAN: planPath(name), [ENV.actor]: '$GITLAB_USER_LOGIN', ...pinVariables(o) },
      before_script: setupLines(),
    },
    ...jobs,
  };
}

/** The workflow-selecting variable's rule (the pipeline variable `GUMP_WORKFLOW`). */
export function selects(name: string): string {
  return `$${ENV_NAMES.workflow} == "${name}"`;
}

function rejectId(job: CiJob): string {
  return job.id.replace(/-approve-(\d+)$/, '-reject-$1');
}

function reviewStage(unit: string): string {
  return `${unit} review`;
}

/** Share jobs sit beside the reject job; a group's children and a split's legs share one stage. */
function stageName(job: CiJob, graph: CiGraph): string {
  if (job.role === 'share') return reviewStage(job.needs[0]!);
  if (job.role === 'report') return 'report';
  if (job.unit?.startsWith('branch-') && !job.matrix && job.step) {
    const merge = graph.jobs.find((j) => j.unit === job.unit!.replace(/^branch-(\d+)-\d+$/, 'merge-$1'));
    return `${merge?.id ?? job.step} children`;
  }
  return job.id;
}

function emitJob(job: CiJob, stage: string, name: string, template: string, o: CiOptions, review?: 'approve' | 'reject'): Obj {
  const out: Obj = { extends: template, stage, rules: rulesOf(job, name, review) };
  // GitLab's `parallel:` takes 2 to 200 (task_slots is at most 100); surplus legs do nothing.
  if (job.matrix) out.parallel = Math.max(2, o.taskSlots);
  // Runs that spend money or push are not cancelled by a newer pipeline; a re-run resumes anyway.
  out.interruptible = job.agents.length === 0 && job.role !== 'publish' && job.role !== 'share';
  if (job.role === 'publish' || job.role === 'share') out.resource_group = `gump-${name}-push`;
  // The graph allows GitHub's 6 h; GitLab.com's hosted runners stop jobs at 3 h (the job-time-limit rule checks steps against it).
  out.timeout = `${Math.min(job.timeoutMinutes, TARGET_LIMITS.gitlab.maxJobMs / 60_000)} minutes`;
  // A failed branch is the merge job's to decide (GitHub's `!cancelled()`): exit 1 lets the pipeline go on.
  if (job.role === 'unit' && job.unit?.startsWith('branch-')) out.allow_failure = { exit_codes: [1] };
  const variables = jobVariables(job);
  if (variables) out.variables = variables;
  if (job.agents.length > 0 && review !== 'reject') {
    out.cache = { key: `gump-agents-${pinKey(job.agents, o)}`, paths: [`${AGENTS_DIR}/`] };
  }
  out.script = script(job, review);
  const artifacts = jobArtifacts(job, o);
  if (artifacts) out.artifacts = artifacts;
  return out;
}

function jobVariables(job: CiJob): Obj | undefined {
  if (!job.unit || !job.saves) return undefined;
  const strip = (s: string): string => s.replace('{i}', '');
  return { GUMP_UNIT: strip(job.unit), GUMP_SAVE: strip(job.saves), GUMP_SAVE_DIR: strip(stateSlug(job.saves)) };
}

function script(job: CiJob, review?: 'approve' | 'reject'): string[] {
  switch (job.role) {
    case 'share':
      return [...unsetLines([ENV.pushToken]), ...statusLines(), unlessStatus(['waiting'], 'nothing to share', 0), PUBLISH_LINES.share];
    case 'publish':
      return [...unsetLines([ENV.pushToken]), ...statusLines(), unlessStatus(['pass'], 'nothing to publish', 0), PUBLISH_LINES.publish];
    case 'report':
      return [...unsetLines([]), ...PUBLISH_LINES.report];
    default: {
      const secrets = review === 'reject' ? [] : keptSecrets(job.agents);
      const lines = unsetLines(secrets);
      if (review === 'reject') lines.push(...statusLines(), unlessStatus(['waiting'], 'nothing to reject', 0), rejectLine());
      else if (review === 'approve') {
        // Past a rejection (or a failure) the run must not go on: this job fails and later jobs are skipped.
        lines.push(...statusLines(), unlessStatus(['waiting', 'pass'], 'nothing to approve', 1), unlessStatus(['waiting'], 'nothing to approve', 0), ...installLines(job.agents), unitLine('review'));
      } else {
        if (job.matrix) lines.push(...legLines(job.step ?? ''));
        lines.push(...installLines(job.agents), unitLine(''));
      }
      return lines;
    }
  }
}

function jobArtifacts(job: CiJob, o: CiOptions): Obj | undefined {
  const expire = `${o.retentionDays} days`;
  if (job.role === 'report') return { name: REPORT_DIR, paths: [`${REPORT_DIR}/`], when: 'always', expire_in: expire };
  if (!job.saves || (job.role !== 'unit' && job.role !== 'approval')) return undefined;
  // A parallel leg saves `<split>-<i>`: the glob matches only this job's own (legs share a stage).
  const dir = stateSlug(job.saves).replace('{i}', '*');
  // Saved in every outcome: a retried or later job restores from it.
  return { name: `gump-state-${dir.replace('*', '$CI_NODE_INDEX')}`, paths: [`${STATE_DIR}/${dir}/`], when: 'always', expire_in: expire };
}
