// GitLab target: CiGraph → `.gitlab/gump/<name>.yml` (GitLab docs, "CI/CD YAML syntax reference").
// Jobs run in stages in the graph's order — a stage per job, the children of a group and the legs
// of a parallel split side by side, a sequential split's tasks a stage each — so each job
// downloads the state artifacts of every earlier job (the default `dependencies`) without `needs:`
// lists that could pass GitLab's 50. Splits run as dynamic child pipelines, two levels deep. Whether
// a later job has anything to do is decided by the runtime from the restored state.

import { ENV, planPath } from '../../protocol/runtime-cli.js';
import { type CiGraph, type CiJob, isBranchJob } from '../ci/job-graph.js';
import type { CiOptions } from '../ci/options.js';
import { TARGET_LIMITS } from '../ci/limits.js';
import { ENV_NAMES, pipelineVariables, rulesOf } from './rules.js';
import {
  AGENTS_DIR,
  installLines,
  childLines,
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
  taskLine,
  unitLine,
  unlessStatus,
  unsetLines,
} from './scripts.js';

type Obj = Record<string, unknown>;

/** Stages GitLab defines by default, kept so that the project's own jobs stay valid in a gump pipeline. */
const DEFAULT_STAGES = ['build', 'test', 'deploy'];
/** GitLab nests child pipelines at most two levels deep: later splits keep `parallel:` legs or task slots. */
const MAX_CHILD_DEPTH = 2;
/** Minutes of the jobs that only move state (generate a child, hand the parent's state on). */
const STATE_JOB_MINUTES = 10;

export function gitlabImage(o: CiOptions): string {
  // An official Node image with git; Claude Code needs Node ≥ 22 (agents.md §1).
  return `node:${o.nodeVersion}-bookworm`;
}

/** A split mapped to a dynamic child pipeline. */
export interface ChildSplit {
  /** Static path of the split (its planner job's step). */
  split: string;
  /** Depth of the child pipeline (1 or 2). */
  depth: number;
  /** Repository path of the compiled child file (`gitlab-child` adds the task jobs). */
  path: string;
  /** The hidden job each task job extends. */
  template: string;
  /**
   * The graph job the task jobs come from: a parallel split's matrix, or a sequential split's first
   * task slot, as unit `slot-<i>-{i}` (task k runs unit `slot-<i>-<k>`, never `last`: the closing job
   * runs what is left).
   */
  tasks: CiJob;
  /** A sequential split: one stage per task, in plan order, where the marker line is. */
  sequential: boolean;
}

/**
 * The stage that stands for a sequential split's task stages in a compiled child file: emit.ts
 * turns its line into GITLAB_TASK_STAGES, which gitlab-child replaces with one stage per task.
 */
export const TASK_STAGES_SENTINEL = '#task-stages';

export interface GitlabPipelines {
  /** `.gitlab/gump/<name>.yml`. */
  parent: Obj;
  /** One compiled child file per parallel split run as a dynamic child pipeline, in graph order. */
  children: { child: ChildSplit; config: Obj }[];
}

/** The repository path of a split's compiled child file. */
export function childFile(name: string, split: string): string {
  return `.gitlab/gump/${name}/${stateSlug(split)}.yml`;
}

/**
 * The graph cut at its splits: the parent pipeline runs the jobs up to the first split's planner,
 * then generates and triggers its child pipeline, which holds the split's task jobs, its merge or
 * closing job and everything after it (a parent cannot read a child's artifacts), and so on. A
 * sequential split's task slots become the child's task jobs (one per planned task, written by
 * gitlab-child from the first slot's job); the graph's other slots are left out.
 */
export function emitPipelines(graph: CiGraph, name: string, o: CiOptions, image = gitlabImage(o)): GitlabPipelines {
  const e = new Emitter(graph, name, o, image);
  const segments: { jobs: CiJob[]; from?: ChildSplit }[] = [{ jobs: [] }];
  /** The unit prefix (`slot-<i>-`) of the sequential split whose slots the last child replaces. */
  let slots: string | undefined;
  for (const job of graph.jobs) {
    if (slots && job.unit?.startsWith(slots)) continue;
    // A sequential split whose tasks can stop at an approval point keeps its task slots (and no
    // slot has approval or share jobs otherwise): each slot has its approval jobs, which the task
    // jobs of a child would not have.
    const first = job.role === 'unit' && !job.canWait ? /^slot-(\d+)-0(-last)?$/.exec(job.unit ?? '') : null;
    if ((job.matrix || first) && segments.length <= MAX_CHILD_DEPTH) {
      const split = job.step ?? job.matrix!.planner;
      const sequential = job.matrix === undefined;
      if (first) slots = `slot-${first[1]}-`;
      segments.push({
        jobs: [],
        from: {
          split,
          depth: segments.length,
          path: childFile(name, split),
          template: `.gump-${name}-${stateSlug(split)}-tasks`,
          tasks: sequential ? { ...job, unit: `${slots}{i}`, saves: `${split} tasks-{i}` } : job,
          sequential,
        },
      });
      continue;
    }
    segments[segments.length - 1]!.jobs.push(job);
  }
  const configs = segments.map((seg, i) => e.pipeline(seg.jobs, seg.from, segments[i + 1]?.from));
  return {
    parent: configs[0]!,
    children: segments.slice(1).map((seg, i) => ({ child: seg.from!, config: configs[i + 1]! })),
  };
}

/** The parent pipeline alone (a workflow without parallel splits has nothing else). */
export function emitPipeline(graph: CiGraph, name: string, o: CiOptions, image = gitlabImage(o)): Obj {
  return emitPipelines(graph, name, o, image).parent;
}

/** The workflow-selecting variable's rule (the pipeline variable `GUMP_WORKFLOW`). */
export function selects(name: string): string {
  return `$${ENV_NAMES.workflow} == "${name}"`;
}

/** The pipeline variable holding the id of the pipeline that triggered a child of this depth. */
export function parentPipelineVariable(depth: number): string {
  // One name per depth: variables a trigger forwards take precedence in the child over its own
  // jobs' variables, so a grandchild's trigger could not reset a shared name.
  return depth === 1 ? 'GUMP_PARENT_PIPELINE_ID' : `GUMP_PARENT_PIPELINE_ID_${depth}`;
}

class Emitter {
  readonly template: string;

  constructor(
    readonly graph: CiGraph,
    readonly name: string,
    readonly o: CiOptions,
    readonly image: string,
  ) {
    this.template = `.gump-${name}`;
  }

  /** One pipeline: the parent (`from` undefined) or the child of `from`; `to`: the split whose child it triggers. */
  pipeline(graphJobs: CiJob[], from: ChildSplit | undefined, to: ChildSplit | undefined): Obj {
    const child = from !== undefined;
    const stages: string[] = [];
    const stageOf = (stage: string): string => {
      if (!stages.includes(stage)) stages.push(stage);
      return stage;
    };
    const jobs: Obj = {};
    const emit = (job: CiJob, stage: string, review?: 'approve' | 'reject'): void => {
      jobs[job.id] = emitJob(job, stageOf(stage), this.name, this.template, this.o, child, review);
    };
    let hidden: Obj = {};
    if (from) {
      jobs[baseId(from)] = this.baseJob(from, stageOf(`${from.split} base`));
      // A sequential split's task jobs each get their own stage (gitlab-child writes them at the sentinel).
      hidden = {
        [from.template]: this.taskTemplate(from, stageOf(from.sequential ? TASK_STAGES_SENTINEL : from.tasks.id)),
      };
    }
    for (const job of graphJobs) {
      if (job.role === 'approval') {
        // A reviewer rejects with the job beside the share job (non-blocking, before the approval's stage).
        const previous = job.needs[0]!;
        emit(
          { ...job, id: rejectId(job), title: job.title.replace(/approval/, 'reject'), saves: `${job.saves}-reject` },
          reviewStage(previous),
          'reject',
        );
      }
      emit(job, stageName(job, this.graph), job.role === 'approval' ? 'approve' : undefined);
    }
    if (to) {
      // The run goes on in the child pipeline: generate and trigger it, then report a run that ended before it.
      const report = this.graph.jobs.find((j) => j.role === 'report')!;
      jobs[generatorId(to)] = this.generatorJob(to, stageOf(`${to.split} child`), child);
      jobs[triggerId(to)] = this.triggerJob(to, stageOf(`${to.split} pipeline`), child);
      jobs[`${report.id} before ${to.split}`] = this.reportBefore(report, to, stageOf('report'), child);
    }
    const common = { [this.template]: this.base(), ...hidden };
    if (child) return { stages, ...common, ...jobs };
    return {
      workflow: { name: `gump ${this.name} · $${ENV.spec}`, rules: [{ if: selects(this.name) }] },
      stages: [...DEFAULT_STAGES, ...stages],
      variables: pipelineVariables(this.graph),
      ...common,
      ...jobs,
    };
  }

  private base(): Obj {
    return {
      image: this.image,
      variables: { GUMP_PLAN: planPath(this.name), [ENV.actor]: '$GITLAB_USER_LOGIN', ...pinVariables(this.o) },
      before_script: setupLines(),
    };
  }

  private common(stage: string, child: boolean, rule: Obj = {}): Obj {
    return {
      extends: this.template,
      stage,
      rules: [child ? { when: 'on_success', ...rule } : { if: selects(this.name), ...rule }],
    };
  }

  /** Restores the run and writes the child configuration; its artifact is the whole state folder, which the child's first job needs. */
  private generatorJob(to: ChildSplit, stage: string, child: boolean): Obj {
    return {
      ...this.common(stage, child),
      interruptible: true,
      timeout: `${STATE_JOB_MINUTES} minutes`,
      script: [...unsetLines([]), ...childLines(to.split, to.path, to.template, childConfigPath(to))],
      artifacts: {
        name: `gump-state-${stateSlug(to.split)}-child`,
        paths: [`${STATE_DIR}/`],
        expire_in: `${this.o.retentionDays} days`,
      },
    };
  }

  private triggerJob(to: ChildSplit, stage: string, child: boolean): Obj {
    return {
      stage,
      rules: [child ? { when: 'on_success' } : { if: selects(this.name) }],
      variables: { [parentPipelineVariable(to.depth)]: '$CI_PIPELINE_ID' },
      trigger: {
        include: [{ artifact: childConfigPath(to), job: generatorId(to) }],
        // The child's outcome is this job's: a failed child fails the pipeline.
        strategy: 'depend',
        // GUMP_STUB, GUMP_WORKFLOW and the rest of the variables the pipeline was started with.
        forward: { pipeline_variables: true },
      },
    };
  }

  /** The first job of a child pipeline: the parent's state (needs:pipeline), handed on to every later stage of the child. */
  private baseJob(from: ChildSplit, stage: string): Obj {
    return {
      extends: this.template,
      stage,
      rules: [{ when: 'on_success' }],
      needs: [{ pipeline: `$${parentPipelineVariable(from.depth)}`, job: generatorId(from) }],
      interruptible: true,
      timeout: `${STATE_JOB_MINUTES} minutes`,
      script: [...unsetLines([]), `echo "gump: the run so far, from ${generatorId(from)} in the parent pipeline"`],
      artifacts: {
        name: `gump-state-${stateSlug(from.split)}-base`,
        paths: [`${STATE_DIR}/`],
        expire_in: `${this.o.retentionDays} days`,
      },
    };
  }

  /**
   * The hidden job every task job of the child extends (`GUMP_TASK`: the task's index, set by
   * gitlab-child); a sequential split's task jobs set their own stage.
   */
  private taskTemplate(from: ChildSplit, stage: string): Obj {
    const job = emitJob({ ...from.tasks, matrix: undefined as never }, stage, this.name, this.template, this.o, true);
    delete job.rules;
    if (from.sequential) delete job.stage;
    const lines = job.script as string[];
    lines.splice(unsetLines(keptSecrets(from.tasks.agents)).length, 0, taskLine());
    const dir = stateSlug(from.tasks.saves!).replace('{i}', '$GUMP_TASK');
    job.artifacts = {
      name: `gump-state-${dir}`,
      paths: [`${STATE_DIR}/${dir}/`],
      when: 'always',
      expire_in: `${this.o.retentionDays} days`,
    };
    return job;
  }

  /** The report of a run that ended before the child pipeline; a run that went on is the child's to report. */
  private reportBefore(job: CiJob, to: ChildSplit, stage: string, child: boolean): Obj {
    const out = emitJob(job, stage, this.name, this.template, this.o, child);
    out.script = [
      ...unsetLines([]),
      ...statusLines(),
      `if [ "$status" = pass ]; then echo "gump: the run went on in the child pipeline of ${to.split}: its report job reports it"; exit 0; fi`,
      ...PUBLISH_LINES.report,
    ];
    return out;
  }
}

function generatorId(c: ChildSplit): string {
  return `${c.split} child`;
}

function triggerId(c: ChildSplit): string {
  return `${c.split} pipeline`;
}

function baseId(c: ChildSplit): string {
  return `${c.split} base`;
}

/** Where the generator job writes the child configuration (inside the state folder, its artifact). */
function childConfigPath(c: ChildSplit): string {
  return `${STATE_DIR}/child/${stateSlug(c.split)}.yml`;
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

function emitJob(
  job: CiJob,
  stage: string,
  name: string,
  template: string,
  o: CiOptions,
  child: boolean,
  review?: 'approve' | 'reject',
): Obj {
  const out: Obj = { extends: template, stage, rules: rulesOf(job, name, review, child) };
  // GitLab's `parallel:` takes 2 to 200 (task_slots is at most 100); surplus legs do nothing.
  if (job.matrix) out.parallel = Math.max(2, o.taskSlots);
  // Runs that spend money or push are not cancelled by a newer pipeline; a re-run resumes anyway.
  out.interruptible = job.agents.length === 0 && job.role !== 'publish' && job.role !== 'share';
  if (job.role === 'publish' || job.role === 'share') out.resource_group = `gump-${name}-push`;
  // The graph allows GitHub's 6 h; GitLab.com's hosted runners stop jobs at 3 h (the job-time-limit rule checks steps against it).
  out.timeout = `${Math.min(job.timeoutMinutes, TARGET_LIMITS.gitlab.maxJobMs / 60_000)} minutes`;
  // A failed branch is the merge job's to decide (GitHub's `!cancelled()`): exit 1 lets the pipeline go on.
  if (isBranchJob(job)) out.allow_failure = { exit_codes: [1] };
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
      return [
        ...unsetLines([ENV.pushToken]),
        ...statusLines(),
        unlessStatus(['waiting'], 'nothing to share', 0),
        PUBLISH_LINES.share,
      ];
    case 'publish':
      return [
        ...unsetLines([ENV.pushToken]),
        ...statusLines(),
        unlessStatus(['pass'], 'nothing to publish', 0),
        PUBLISH_LINES.publish,
      ];
    case 'report':
      return [...unsetLines([]), ...PUBLISH_LINES.report];
    default: {
      const secrets = review === 'reject' ? [] : keptSecrets(job.agents);
      const lines = unsetLines(secrets);
      if (review === 'reject')
        lines.push(...statusLines(), unlessStatus(['waiting'], 'nothing to reject', 0), rejectLine());
      else if (review === 'approve') {
        // Past a rejection (or a failure) the run must not go on: this job fails and later jobs are skipped.
        lines.push(
          ...statusLines(),
          unlessStatus(['waiting', 'pass'], 'nothing to approve', 1),
          unlessStatus(['waiting'], 'nothing to approve', 0),
          ...installLines(job.agents),
          unitLine('review'),
        );
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
  return {
    name: `gump-state-${dir.replace('*', '$CI_NODE_INDEX')}`,
    paths: [`${STATE_DIR}/${dir}/`],
    when: 'always',
    expire_in: expire,
  };
}
