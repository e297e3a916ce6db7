// CI targets, shared: Plan → CiGraph. Cuts the root workflow with protocol/units.ts `cutPlan` and
// lays the jobs out: a job per step; a sequential split as its planner, task slots and a closing
// job; a parallel split as its planner, a matrix and a merge; a group as a job per child and a
// merge; approval and share jobs after every job that can wait; the publish and report jobs.

import type { Plan, PlanStep } from '../../protocol/plan.js';
import { cutPlan, unitKey, type CutStep } from '../../protocol/units.js';
import type { CiGraph, CiJob, Condition } from './job-graph.js';
import { RUN_JOBS, stepJobIds, type Target } from './limits.js';
import type { CiOptions } from './options.js';
import { agentsOf, approvalPoints, minutesOf } from './unit-facts.js';

/**
 * GitHub: approval jobs chained after one unit job at most; a run that waits more often is resumed
 * by dispatch. GitLab has no dispatch resume (a new pipeline cannot read this one's artifacts
 * without an API token), so there every approval point gets its manual job, whatever `[ci] approval`.
 */
const MAX_APPROVAL_JOBS = 10;
/** Minutes every job spends on checkout, set-up and state, on top of its steps. */
const SETUP_MINUTES = 10;
const MAX_JOB_MINUTES = 360;

export function buildGraph(plan: Plan, o: CiOptions, target: Target): CiGraph {
  const b = new GraphBuilder(plan, o, target);
  for (const cut of cutPlan(plan)) b.step(cut);
  return b.finish();
}

class GraphBuilder {
  readonly jobs: CiJob[] = [];
  /** Jobs whose state tells whether the run goes on after the previous block. */
  private block: string[] = [];

  constructor(
    readonly plan: Plan,
    readonly o: CiOptions,
    readonly target: Target,
  ) {}

  step(cut: CutStep): void {
    const s = cut.step;
    const ids = stepJobIds(s.path, cut.kind, this.target, {
      slots: this.o.taskSlots,
      ...(cut.kind === 'parallel-group' ? { children: cut.children } : {}),
    });
    switch (cut.kind) {
      case 'single':
        this.block = this.unit(ids[0]!, s, `${s.path}`, unitKey({ kind: 'step', index: cut.index }), this.after(), [s]);
        return;
      case 'sequential-split':
        return this.sequentialSplit(cut.index, s, ids);
      case 'parallel-split':
        return this.parallelSplit(cut.index, s, ids);
      case 'parallel-group':
        return this.group(cut.index, s, ids, cut.children);
    }
  }

  private sequentialSplit(index: number, s: PlanStep, ids: string[]): void {
    const each = s.kind === 'agent' ? (s.each ?? []) : [];
    const planner = this.unit(ids[0]!, s, `${s.path} · plan`, unitKey({ kind: 'planner', index }), this.after(), [
      plannerOnly(s),
    ]);
    const plannerId = ids[0]!;
    let previous = planner;
    const slots: string[] = [];
    for (let slot = 0; slot < this.o.taskSlots; slot++) {
      const last = slot === this.o.taskSlots - 1;
      const block = this.unit(
        ids[slot + 1]!,
        s,
        `${s.path} · task ${slot + 1}`,
        unitKey({ kind: 'slot', index, slot, last }),
        { needs: [...new Set([plannerId, ...previous])], when: { kind: 'passed', jobs: previous } },
        each,
        {
          countAbove: { planner: plannerId, above: slot },
          taskTitle: { planner: plannerId, slot },
          restoreAs: ids[1]!.replace(/1$/, '*'),
          // The last slot runs every surplus task: its time is the job limit.
          ...(last ? { minutes: MAX_JOB_MINUTES } : {}),
        },
      );
      slots.push(...block);
      previous = block;
    }
    // Runs whenever nothing failed: the runtime finds what is left (a task not run, a further
    // group-retry pass) or that the run waits, and settles the split.
    this.block = this.unit(
      ids[ids.length - 1]!,
      s,
      `${s.path} · end`,
      unitKey({ kind: 'step', index }),
      { needs: [...planner, ...slots], when: { kind: 'unless-failed' } },
      each,
      { minutes: MAX_JOB_MINUTES },
    );
  }

  private parallelSplit(index: number, s: PlanStep, ids: string[]): void {
    const each = s.kind === 'agent' ? (s.each ?? []) : [];
    const [plannerId, matrixId, mergeId] = ids as [string, string, string];
    const planner = this.unit(plannerId, s, `${s.path} · plan`, unitKey({ kind: 'planner', index }), this.after(), [
      plannerOnly(s),
    ]);
    this.add({
      ...this.base(matrixId, s, `${s.path} · task`, each),
      unit: `branch-${index}-{i}`,
      needs: planner,
      when: { kind: 'passed', jobs: planner },
      countAbove: { planner: plannerId, above: 0 },
      taskTitle: { planner: plannerId },
      matrix: { planner: plannerId },
      restores: [...this.ancestors(planner), `${matrixId}-{i}`],
      saves: `${matrixId}-{i}`,
    });
    this.block = [
      this.add({
        ...this.base(mergeId, s, `${s.path} · merge`, each),
        unit: unitKey({ kind: 'merge', index }),
        needs: [...planner, matrixId],
        when: { kind: 'branches-done', jobs: planner },
        restores: ['*'],
        saves: mergeId,
        agents: [],
        // Further group-retry passes run every failed branch again in this job.
        timeoutMinutes: clamp(
          SETUP_MINUTES + minutesOf(this.plan, each, this.o) * Math.max(0, (s.kind === 'agent' ? s.retry.exit : 1) - 1),
        ),
      }).id,
    ];
  }

  private group(index: number, s: PlanStep, ids: string[], children: string[]): void {
    const before = this.after();
    const steps = s.kind === 'group' ? s.steps : [];
    const branchIds = ids.slice(0, -1);
    branchIds.forEach((id, branch) => {
      const child = steps[branch]!;
      this.add({
        ...this.base(id, child, `${s.path}/${children[branch]}`, [child]),
        unit: unitKey({ kind: 'branch', index, branch }),
        ...before,
        restores: [...this.ancestors(before.needs), id],
        saves: id,
      });
    });
    const mergeId = ids[ids.length - 1]!;
    const passes = s.kind === 'group' ? s.passes : 1;
    this.block = [
      this.add({
        ...this.base(mergeId, s, `${s.path} · merge`, steps),
        unit: unitKey({ kind: 'merge', index }),
        needs: [...before.needs, ...branchIds],
        when: { kind: 'branches-done', jobs: before.needs },
        restores: ['*'],
        saves: mergeId,
        timeoutMinutes: clamp(SETUP_MINUTES + minutesOf(this.plan, steps, this.o) * Math.max(0, passes - 1)),
      }).id,
    ];
  }

  /** Needs and condition of a job that follows the current block. */
  private after(): { needs: string[]; when: Condition } {
    return this.block.length === 0
      ? { needs: [], when: { kind: 'first' } }
      : { needs: this.block, when: { kind: 'passed', jobs: this.block } };
  }

  /** A unit job, then (environment approvals) the approval jobs that continue it, and share jobs; returns the block. */
  private unit(
    id: string,
    s: PlanStep,
    title: string,
    unit: string,
    at: { needs: string[]; when: Condition },
    steps: readonly PlanStep[],
    extra: Partial<CiJob> & { minutes?: number } = {},
  ): string[] {
    const { minutes, ...rest } = extra;
    const points = approvalPoints(this.plan, steps);
    const job = this.add({
      ...this.base(id, s, title, steps),
      unit,
      ...at,
      restores: ['*'],
      saves: id,
      canWait: points > 0,
      ...(minutes !== undefined ? { timeoutMinutes: minutes } : {}),
      ...rest,
    });
    const block = [job.id];
    if (points === 0) return block;
    const approvals =
      this.target === 'gitlab' ? points : this.o.approval === 'environment' ? Math.min(points, MAX_APPROVAL_JOBS) : 0;
    let previous = job;
    for (let n = 1; n <= approvals + 1; n++) {
      this.add({
        ...this.base(`${previous.id}-share`, s, `${title} · share the waiting run`, []),
        role: 'share',
        needs: [previous.id],
        when: { kind: 'waiting', job: previous.id },
        restores: ['*'],
        timeoutMinutes: SETUP_MINUTES,
      });
      if (n > approvals) break;
      // Not the unit's task-count condition: the job before it waiting means its task exists. A
      // task slot's approval job names the task from the planner's outputs, and GitHub's `needs`
      // context holds direct needs only: the planner is one of them.
      const { countAbove: _count, ...unitJob } = job;
      previous = this.add({
        ...unitJob,
        id: `${id}-approve-${n}`,
        role: 'approval',
        title: `${title} · approval ${n}`,
        needs: job.taskTitle ? [previous.id, job.taskTitle.planner] : [previous.id],
        when: { kind: 'waiting', job: previous.id },
        restores: ['*'],
        saves: `${id}-approve-${n}`,
      });
      block.push(previous.id);
    }
    return block;
  }

  private base(id: string, s: PlanStep, title: string, steps: readonly PlanStep[]): CiJob {
    return {
      id,
      role: 'unit',
      title,
      needs: [],
      when: { kind: 'first' },
      restores: [],
      canWait: false,
      agents: agentsOf(this.plan, steps),
      timeoutMinutes: clamp(SETUP_MINUTES + minutesOf(this.plan, steps, this.o)),
      step: s.path,
    };
  }

  private add(job: CiJob): CiJob {
    this.jobs.push(job);
    return job;
  }

  /** Boundary names saved by `ids` and everything they need, sorted. */
  private ancestors(ids: string[]): string[] {
    const byId = new Map(this.jobs.map((j) => [j.id, j]));
    const out = new Set<string>();
    const visit = (id: string): void => {
      const j = byId.get(id);
      if (!j) return;
      if (j.saves) out.add(j.restoreAs ?? j.saves.replace('{i}', '*'));
      for (const n of j.needs) visit(n);
    };
    ids.forEach(visit);
    return [...out].sort();
  }

  finish(): CiGraph {
    const root = this.plan.workflows[this.plan.root]!;
    const last = this.block;
    if (last.length > 0) {
      this.add({
        ...this.base(RUN_JOBS.publish, root.steps[0]!, 'publish the run', []),
        role: 'publish',
        needs: last,
        when: { kind: 'passed', jobs: last },
        restores: ['*'],
        timeoutMinutes: SETUP_MINUTES,
        agents: [],
      });
    }
    const all = this.jobs.map((j) => j.id);
    this.add({
      ...this.base(RUN_JOBS.report, root.steps[0]!, 'report', []),
      role: 'report',
      needs: all,
      when: { kind: 'always' },
      restores: ['*'],
      timeoutMinutes: SETUP_MINUTES,
      agents: [],
    });
    for (const j of this.jobs) if (j.role === 'publish' || j.role === 'report') delete j.step;
    return { workflow: root.name, jobs: this.jobs, inputs: root.inputs.filter((i) => i !== 'spec') };
  }
}

/** A split's planner attempts only (its `each:` runs in the task jobs). */
function plannerOnly(s: PlanStep): PlanStep {
  if (s.kind !== 'agent') return s;
  const { each: _each, ...planner } = s;
  return planner;
}

function clamp(minutes: number): number {
  return Math.min(MAX_JOB_MINUTES, Math.max(SETUP_MINUTES, Math.ceil(minutes)));
}
