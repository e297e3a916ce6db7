// CI targets, shared: the target-neutral job graph of a plan (design.md "mapping a workflow onto
// CI"). Jobs, their needs, when each runs, which unit it runs, what state it restores and saves;
// each emitter only maps this graph onto its platform's syntax.

import type { CliProvider } from '../../protocol/models.js';

/**
 * When a job runs. `passed`: the previous block (a unit job and the approval jobs that continue
 * it) ended with the run still going — one of `jobs` reports state `pass`; `waiting`: `job` stopped
 * at an approval point; `unless-failed`: no earlier job failed (the runtime decides the rest, e.g.
 * after task slots that were skipped); `branches-done`: after a fan-out, even when branches failed
 * (the merge decides), as long as the block before it passed; `always`: every outcome.
 */
export type Condition =
  | { kind: 'first' }
  | { kind: 'passed'; jobs: string[] }
  | { kind: 'waiting'; job: string }
  | { kind: 'unless-failed' }
  | { kind: 'branches-done'; jobs: string[] }
  | { kind: 'always' };

export type JobRole = 'unit' | 'approval' | 'share' | 'publish' | 'report';

export interface CiJob {
  /** Target-neutral id (GitHub job id; GitLab maps it to a job name). */
  id: string;
  role: JobRole;
  /** Display: the step path and what the job does. */
  title: string;
  /** The unit key (protocol/units.ts); for a matrix job, the key of leg `{i}` with `{i}` as placeholder. */
  unit?: string;
  needs: string[];
  when: Condition;
  /** Runs only when the planner job `planner` planned more than `above` tasks. */
  countAbove?: { planner: string; above: number };
  /** Display name from the planner's task list: the slot's task, or the matrix leg's. */
  taskTitle?: { planner: string; slot?: number };
  /** A matrix over the planner's task list (one leg per task, `{i}` in unit and boundary names). */
  matrix?: { planner: string };
  /** Boundary names (glob patterns) this job restores from: its ancestors' and its own. */
  restores: string[];
  /** The pattern later legs restore this job's boundary by (one for all task slots of a split). */
  restoreAs?: string;
  /** Boundary name this job saves (`{i}` for matrix legs); none for share/publish/report. */
  saves?: string;
  /** May stop at an approval point. */
  canWait: boolean;
  agents: CliProvider[];
  timeoutMinutes: number;
  /** Static step path of the top-level step the job belongs to. */
  step?: string;
}

/**
 * A branch job of a fan-out (a parallel split's leg or a parallel group's child): its failure is
 * recorded for the merge job, which decides, so the targets let the pipeline go on after it.
 */
export function isBranchJob(job: CiJob): boolean {
  return job.role === 'unit' && job.unit?.startsWith('branch-') === true;
}

export interface CiGraph {
  workflow: string;
  /** Jobs in a topological order (needs before their dependents), the order emitted. */
  jobs: CiJob[];
  /** The plan's pipeline inputs besides `spec` (the workflow's own, sorted). */
  inputs: string[];
}
