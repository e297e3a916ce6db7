// `ci`: the one command a CI job runs (docs/runtime.md "the ci command"). Starts the run or restores
// it from the boundaries of earlier jobs, applies a pending approval decision, runs one job unit
// (skipped when already done), saves the job's boundary and writes the job outputs.

import { join, resolve } from 'node:path';
import type { AgentStep } from '../../protocol/plan.js';
import { ENV, EXIT } from '../../protocol/runtime-cli.js';
import { parseUnit, unitKey, type Unit } from '../../protocol/units.js';
import { fatal, PASS, type Outcome, type Services } from '../exec/services.js';
import type { RunStatus } from '../state/run-state.js';
import { decide } from './approval.js';
import { adoptReviewerCommits } from './reviewer-commits.js';
import { restoreBoundaries, saveBoundary } from './boundary.js';
import { startCiRun, CiSetupError } from './ci-start.js';
import { MATRIX_LIMIT, OUTPUT_LIMIT_BYTES, tasksJson, writeOutputs, type CiState } from './ci-outputs.js';
import { rootSteps, settle } from './driver.js';
import { createGroupedTrace, logPlatform } from './log-groups.js';
import { openRun } from './open.js';
import { endsRun, runUnit, unitDone } from './run-unit.js';

export interface CiArgs {
  plan: string;
  boundaries: string;
  unit?: string;
  name?: string;
  out?: string;
  worktree: string;
  /** Skip the plan/source hash check (tests compiling from a working tree). */
  skipSourceCheck: boolean;
  runtimeEntry: string;
  env: Record<string, string | undefined>;
  write: (s: string) => void;
  /** The plan/source check of the other commands: a problem, or undefined. */
  sourceProblem: (svc: Services) => string | undefined;
}

export async function ciCommand(a: CiArgs): Promise<number> {
  const unit = a.unit === undefined ? undefined : parseUnit(a.unit);
  if (a.unit !== undefined && !unit)
    throw new CiSetupError(
      `--unit must be a unit key (step-0, planner-1, slot-1-0, slot-1-4-last, branch-2-0, merge-2), got ${JSON.stringify(a.unit)}`,
    );
  const decision = (a.env[ENV.decision] ?? '').trim();
  if (decision !== '' && decision !== 'approve' && decision !== 'reject')
    throw new CiSetupError(`${ENV.decision} must be approve, reject or empty, got ${JSON.stringify(decision)}`);
  const worktree = resolve(a.worktree);
  const restored = await restoreBoundaries(worktree, resolve(a.boundaries));
  if (restored.tips.length === 0) await startCiRun({ worktree, planPath: a.plan, env: a.env });
  const trace = createGroupedTrace(a.write, logPlatform(a.env));
  const svc = openRun(worktree, { trace, runtimeEntry: a.runtimeEntry, env: a.env });
  if (!a.skipSourceCheck) {
    const problem = a.sourceProblem(svc);
    if (problem) throw new CiSetupError(problem);
  }
  const s = svc.state;
  if (unit && (s.status === 'fatal' || s.status === 'aborted')) {
    // A re-run of a failed job resumes, as `gump run --resume` does (an undecided approval waits again).
    svc.ledger.emit('run.resumed', { runId: s.runId, from: s.status });
    s.status = s.waiting ? 'waiting' : 'running';
    svc.save();
  }
  if (s.status === 'waiting' && decision !== '') {
    // Before the approval moves on, what reviewers pushed to the waiting run branch joins the run.
    if (decision === 'approve') await adoptReviewerCommits(svc, a.env);
    decide(svc, decision, a.env[ENV.actor] || 'ci', decision === 'reject' ? a.env[ENV.reason] : undefined);
  }
  let outcome: Outcome | undefined;
  let tasks: string[] | undefined;
  const status = (): RunStatus => s.status;
  if (unit && status() !== 'waiting' && status() !== 'aborted') {
    if (status() === 'pass' || unitDone(svc, unit)) {
      svc.trace.line(unitKey(unit), 'skipped', 'already done');
      // The last step's closing unit with nothing left to do (a sequential split whose tasks all
      // passed in their own jobs, or that planned none): the run has passed, and ends here.
      if (status() === 'running' && endsRun(svc, unit)) outcome = settle(svc, PASS);
    } else outcome = await runUnit(svc, unit);
    if (unit.kind === 'planner') ({ outcome, tasks } = plannedTasks(svc, unit, outcome));
  }
  trace.close();
  const name = a.name ?? (unit ? unitKey(unit) : 'restore');
  const out = a.out ? resolve(a.out) : unit ? join(resolve(a.boundaries), name) : undefined;
  if (out) await saveBoundary(worktree, out, { name, unit: unit ? unitKey(unit) : '', restored, state: s });
  const state = ciState(s.status, outcome);
  writeOutputs({ state, runId: s.runId, ...(tasks ? { tasks } : {}) }, a.env.GITHUB_OUTPUT, out);
  // Restore only (report, share and publish jobs): the restore worked, whatever the run's status.
  if (!unit) return EXIT.pass;
  return state === 'fatal' ? EXIT.fatal : state === 'aborted' ? EXIT.aborted : EXIT.pass;
}

/** The planner's task list for the matrix; a parallel split past the platform's caps is fatal. */
function plannedTasks(
  svc: Services,
  unit: Extract<Unit, { kind: 'planner' }>,
  outcome: Outcome | undefined,
): { outcome: Outcome | undefined; tasks?: string[] } {
  const step = rootSteps(svc)[unit.index] as AgentStep;
  const split = svc.state.splits[step.path];
  if (!split || split.pass === 0 || (outcome && outcome.status !== 'pass')) return { outcome };
  const tasks = split.tasks.map((t) => t.name);
  let problem: string | undefined;
  if (step.parallel && tasks.length > MATRIX_LIMIT)
    problem = `the planner of ${step.path} planned ${tasks.length} parallel tasks; a GitHub matrix runs at most ${MATRIX_LIMIT}: plan fewer tasks`;
  else if (Buffer.byteLength(tasksJson(tasks)) > OUTPUT_LIMIT_BYTES)
    problem = `the task list of ${step.path} is over 1 MB, the limit of a CI job's outputs: plan fewer tasks or shorter names`;
  if (problem === undefined) return { outcome, tasks };
  svc.trace.warn(problem);
  return { outcome: settle(svc, fatal(problem)) };
}

/** The run status after the job; a failed branch (its run goes on to the merge job) is fatal. */
function ciState(status: string, outcome: Outcome | undefined): CiState {
  if (outcome && outcome.status !== 'pass') return outcome.status;
  if (status === 'waiting' || status === 'fatal' || status === 'aborted') return status;
  return 'pass';
}
