// The view behind the Markdown report (templates/*.md.hbs): what a reviewer of the pull/merge
// request needs, built from the run report (buildReport), the ledger, the run state, the plan and
// the run's diffstat — outcome, steps outside tasks, one section per task, files changed, failures
// with their output excerpt, escalations, totals and where the cost figures come from.

import type { Plan } from '../../protocol/plan.js';
import { errorExcerpt, omittedNote } from '../exec/error-excerpt.js';
import { diffStat, type FileStat } from '../git/diffstat.js';
import { readLedger, type LedgerEvent } from '../state/ledger.js';
import type { RunState } from '../state/run-state.js';
import { runPaths } from './layout.js';
import { buildReport, type AttemptReport, type RunReport, type StepReport } from './report.js';

/** Files listed in the report; the others are counted. */
export const MAX_FILES = 50;

export interface StepRow {
  step: string;
  /** The step's path inside its task section (`converge`), else the full path. */
  name: string;
  status: string;
  attempts: number;
  agents: string[];
  turns: number;
  tokensIn: number;
  tokensOut: number;
  cost: number;
  estimated: boolean;
  durationMs: number;
}

export interface SummaryView {
  runId: string;
  workflow: string;
  /** First line of the spec (heading marks removed), at most 72 characters. */
  specLine: string;
  spec: string;
  branch: string;
  /** Base commit, abbreviated. */
  base: string;
  /** `gates`: a waiting run's gate results so far (the attempt it waits in); none before its gates ran. */
  outcome: {
    kind: string;
    step?: string;
    reason?: string;
    point?: string;
    attempt?: number;
    gates?: { name: string; status: string }[];
  };
  /** The CI run to resume (GITHUB_RUN_ID): the waiting instructions name it. */
  ciRunId?: string;
  /** On GitLab (GITLAB_CI): the pipeline whose manual jobs decide a waiting run (CI_PIPELINE_URL, may be empty). */
  gitlab?: { pipelineUrl: string };
  /** Steps outside any task, in run order. */
  steps: StepRow[];
  /** One section per planned task of every split. */
  tasks: { split: string; name: string; description: string; status: string; steps: StepRow[] }[];
  /** The run's diffstat; absent when git could not tell. */
  files?: {
    list: { path: string; added?: number; removed?: number }[];
    count: number;
    added: number;
    removed: number;
    omitted: number;
  };
  /** Attempts that ran with another agent than the attempt before (retry escalation, §9.2). */
  escalations: { step: string; attempt: number; from: string; to: string }[];
  totals: {
    steps: number;
    tasks: number;
    attempts: number;
    turns: number;
    tokensIn: number;
    tokensOut: number;
    cost: number;
    estimated: boolean;
    costSource: string;
    durationMs: number;
  };
  /** Every failed attempt: what failed (headline) and the tail of its output (error-excerpt.ts). */
  failures: { step: string; attempt: number; status: string; headline: string; lines: string[]; omitted?: string }[];
  /** Failed attempts whose output was left out for size (PR body). */
  failuresOmitted?: number;
}

const FAILED = new Set(['fail', 'fatal', 'guard_failed']);

export function firstSpecLine(text: string, max = 72): string {
  const line = (text.split('\n').find((l) => l.trim() !== '') ?? '').replace(/^\s*#+\s*/, '').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

export function workflowName(plan: Plan): string {
  return plan.workflows[plan.root]?.name ?? plan.source.path;
}

export function summaryView(
  report: RunReport,
  events: LedgerEvent[],
  state: RunState,
  plan: Plan,
  env: Record<string, string | undefined> = {},
  files?: FileStat[],
): SummaryView {
  const times = stepTimes(events);
  const row = (s: StepReport, name = s.step): StepRow => {
    const t = times.get(s.step);
    return {
      step: s.step,
      name,
      status: verdictNo(s) ? 'verdict no' : displayStatus(s.step, s.status, state),
      attempts: s.attempts.length,
      agents: [...new Set(s.attempts.flatMap((a) => (a.agent ? [a.agent] : [])))],
      turns: sum(s.attempts, (a) => a.turns),
      tokensIn: sum(s.attempts, (a) => a.tokensIn),
      tokensOut: sum(s.attempts, (a) => a.tokensOut),
      cost: sum(s.attempts, (a) => a.cost),
      estimated: s.attempts.some((a) => a.costSource === 'estimated'),
      durationMs:
        t?.start !== undefined && t.end !== undefined ? t.end - t.start : sum(s.attempts, (a) => a.durationMs),
    };
  };
  const tasks = Object.entries(state.splits).flatMap(([split, rec]) =>
    rec.tasks.map((t) => {
      const prefix = `${split}/${t.name}/`;
      const steps = report.steps
        .filter((s) => s.step.startsWith(prefix))
        .map((s) => row(s, s.step.slice(prefix.length)));
      return {
        split,
        name: t.name,
        description: t.description.split('\n')[0]!.trim(),
        status: taskStatus(steps),
        steps,
      };
    }),
  );
  const inTask = new Set(tasks.flatMap((t) => t.steps.map((s) => s.step)));
  const last = events.length > 0 ? Date.parse(events[events.length - 1]!.at) : Date.parse(state.startedAt);
  const end = report.finishedAt ? Date.parse(report.finishedAt) : last;
  return {
    runId: report.runId,
    workflow: workflowName(plan),
    specLine: firstSpecLine(state.spec.text),
    spec: report.spec,
    branch: report.branch,
    base: report.base.slice(0, 12),
    outcome: outcomeOf(report, state),
    ...(env.GITHUB_RUN_ID ? { ciRunId: env.GITHUB_RUN_ID } : {}),
    ...(env.GITLAB_CI === 'true' ? { gitlab: { pipelineUrl: env.CI_PIPELINE_URL ?? '' } } : {}),
    steps: report.steps.filter((s) => !inTask.has(s.step)).map((s) => row(s)),
    tasks,
    ...(files ? { files: filesOf(files) } : {}),
    escalations: report.steps.flatMap((s) =>
      s.attempts.flatMap((a, i) => {
        const prev = s.attempts[i - 1];
        return prev?.agent && a.agent && prev.agent !== a.agent
          ? [{ step: s.step, attempt: a.attempt, from: prev.agent, to: a.agent }]
          : [];
      }),
    ),
    totals: {
      steps: report.totals.steps,
      tasks: tasks.length,
      attempts: report.totals.attempts,
      turns: report.totals.turns,
      tokensIn: report.totals.tokensIn,
      tokensOut: report.totals.tokensOut,
      cost: report.totals.cost,
      estimated: report.totals.costSources.includes('estimated'),
      costSource: costSourceText(report.totals.costSources),
      durationMs: Math.max(0, end - Date.parse(state.startedAt) - state.waitedMs),
    },
    failures: events.flatMap((e) => {
      if (e.event !== 'attempt.finished' || !FAILED.has(String(e.status)) || typeof e.error !== 'string' || !e.step)
        return [];
      const x = errorExcerpt(e.error);
      const note = omittedNote(x);
      return [
        {
          step: e.step,
          attempt: e.attempt ?? 1,
          status: String(e.status),
          headline: x.headline,
          lines: x.lines,
          ...(note ? { omitted: note } : {}),
        },
      ];
    }),
  };
}

/** The view of a run from its directory: ledger, state, plan and the diffstat of its branch. */
export function viewOfRun(run: {
  state: RunState;
  plan: Plan;
  worktree: string;
  env: Record<string, string | undefined>;
}): SummaryView {
  const events = readLedger(runPaths(run.worktree).ledger);
  const files =
    diffStat(run.worktree, run.state.base, `refs/heads/${run.state.branch}`) ?? diffStat(run.worktree, run.state.base);
  return summaryView(buildReport(run.state, events), events, run.state, run.plan, run.env, files);
}

/** Where the cost figures come from (report.json `costSource` of every attempt, docs/runtime.md). */
export function costSourceText(sources: string[]): string {
  const s = new Set(sources);
  const parts: string[] = [];
  if (s.has('estimated'))
    parts.push(
      s.has('reported')
        ? 'partly estimated from token counts and the price table (marked *), the rest reported by the agent CLIs'
        : 'estimated from token counts and the price table',
    );
  else if (s.has('reported')) parts.push('as reported by the agent CLIs');
  if (s.has('unknown')) parts.push('no price is known for some models (counted as $0)');
  return parts.length > 0 ? parts.join('; ') : 'no agent ran';
}

function filesOf(files: FileStat[]): NonNullable<SummaryView['files']> {
  return {
    list: files.slice(0, MAX_FILES),
    count: files.length,
    added: files.reduce((n, f) => n + (f.added ?? 0), 0),
    removed: files.reduce((n, f) => n + (f.removed ?? 0), 0),
    omitted: Math.max(0, files.length - MAX_FILES),
  };
}

function stepTimes(events: LedgerEvent[]): Map<string, { start?: number; end?: number }> {
  const times = new Map<string, { start?: number; end?: number }>();
  for (const e of events) {
    if (!e.step || (e.event !== 'step.started' && e.event !== 'step.finished')) continue;
    const t = times.get(e.step) ?? {};
    if (e.event === 'step.started') t.start ??= Date.parse(e.at);
    else t.end = Date.parse(e.at);
    times.set(e.step, t);
  }
  return times;
}

/**
 * A validator's step that ended on a negative verdict (§7.2): its answer, not a failure of the run
 * (the gate it backs, or the retry condition, shows the consequence).
 */
function verdictNo(s: StepReport): boolean {
  const last = s.attempts[s.attempts.length - 1];
  return s.status === 'fatal' && /\/(gate|retry)\/[^/]+\//.test(s.step) && last?.errorKind === 'negative_verdict';
}

/** A task passed when all its steps did; else the first status that is not a pass. */
function taskStatus(steps: StepRow[]): string {
  if (steps.length === 0) return 'not run';
  return steps.find((s) => s.status !== 'pass')?.status ?? 'pass';
}

/** A step the run stopped in shows why: `waiting` at its approval point, `aborted` after a rejection. */
function displayStatus(step: string, status: string, state: RunState): string {
  if (status !== 'running') return status;
  if (state.status === 'waiting' && state.waiting?.step === step) return 'waiting';
  return state.status === 'aborted' || state.status === 'fatal' ? state.status : status;
}

function outcomeOf(report: RunReport, state: RunState): SummaryView['outcome'] {
  const reason = (state.message ?? '').split('\n')[0]!;
  switch (state.status) {
    case 'waiting': {
      const w = state.waiting;
      const step = w?.step ?? state.current ?? '?';
      const attempts = report.steps.find((s) => s.step === step)?.attempts ?? [];
      const gates = [...attempts].reverse().find((a) => a.attempt === (w?.attempt ?? 1))?.gates ?? [];
      return {
        kind: 'waiting',
        step,
        point: (w?.point ?? 'before_gate').replace('_', ' '),
        attempt: w?.attempt ?? 1,
        gates,
      };
    }
    case 'fatal': {
      const failed = [...report.steps].reverse().find((s) => s.status === 'fatal');
      return { kind: 'fatal', step: failed?.step ?? state.current ?? '?', reason: reason || 'the run stopped' };
    }
    case 'aborted':
      return { kind: 'aborted', reason: reason || 'the run was stopped' };
    default:
      return { kind: state.status, ...(reason ? { reason } : {}) };
  }
}

function sum(attempts: AttemptReport[], f: (a: AttemptReport) => number): number {
  return attempts.reduce((n, a) => n + f(a), 0);
}
