// Markdown report for people (design.md "job summary", "result"): the CI job summary / report.md
// (summary.md.hbs) and the pull/merge request body (pull-request.md.hbs), both rendered from one view
// built from the run report (buildReport), the ledger and the run state. Handlebars renders leaf text only.

import { Handlebars } from './handlebars.js';
import type { Plan } from '../../protocol/plan.js';
import type { LedgerEvent } from '../state/ledger.js';
import type { RunState } from '../state/run-state.js';
import type { RunReport } from './report.js';
import { errorExcerpt, omittedNote } from '../exec/error-excerpt.js';
import { registerHelpers } from './summary-helpers.js';
import pullRequestTemplate from './templates/pull-request.md.hbs';
import stepsTemplate from './templates/steps.md.hbs';
import summaryTemplate from './templates/summary.md.hbs';


export interface SummaryView {
  runId: string;
  workflow: string;
  /** First line of the spec (heading marks removed), at most 72 characters. */
  specLine: string;
  spec: string;
  branch: string;
  /** Base commit, abbreviated. */
  base: string;
  outcome: { kind: string; step?: string; reason?: string; point?: string; attempt?: number };
  /** The CI run to resume (GITHUB_RUN_ID): the waiting instructions name it. */
  ciRunId?: string;
  steps: { step: string; status: string; attempts: number; agents: string[]; turns: number; tokensIn: number; tokensOut: number; cost: number; estimated: boolean; durationMs: number }[];
  totals: { attempts: number; turns: number; tokensIn: number; tokensOut: number; cost: number; estimated: boolean; durationMs: number };
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

export function summaryView(report: RunReport, events: LedgerEvent[], state: RunState, plan: Plan, env: Record<string, string | undefined> = {}): SummaryView {
  const times = new Map<string, { start?: number; end?: number }>();
  for (const e of events) {
    if (!e.step || (e.event !== 'step.started' && e.event !== 'step.finished')) continue;
    const t = times.get(e.step) ?? {};
    if (e.event === 'step.started') t.start ??= Date.parse(e.at);
    else t.end = Date.parse(e.at);
    times.set(e.step, t);
  }
  const steps = report.steps.map((s) => {
    const t = times.get(s.step);
    const agentMs = s.attempts.reduce((n, a) => n + a.durationMs, 0);
    return {
      step: s.step,
      status: displayStatus(s.step, s.status, state),
      attempts: s.attempts.length,
      agents: [...new Set(s.attempts.flatMap((a) => (a.agent ? [a.agent] : [])))],
      turns: s.attempts.reduce((n, a) => n + a.turns, 0),
      tokensIn: s.attempts.reduce((n, a) => n + a.tokensIn, 0),
      tokensOut: s.attempts.reduce((n, a) => n + a.tokensOut, 0),
      cost: s.attempts.reduce((n, a) => n + a.cost, 0),
      estimated: s.attempts.some((a) => a.costSource === 'estimated'),
      durationMs: t?.start !== undefined && t.end !== undefined ? t.end - t.start : agentMs,
    };
  });
  const last = events.length > 0 ? Date.parse(events[events.length - 1]!.at) : Date.parse(state.startedAt);
  const end = report.finishedAt ? Date.parse(report.finishedAt) : last;
  const failures = events.flatMap((e) => {
    if (e.event !== 'attempt.finished' || !FAILED.has(String(e.status)) || typeof e.error !== 'string' || !e.step) return [];
    const x = errorExcerpt(e.error);
    const note = omittedNote(x);
    return [{ step: e.step, attempt: e.attempt ?? 1, status: String(e.status), headline: x.headline, lines: x.lines, ...(note ? { omitted: note } : {}) }];
  });
  return {
    runId: report.runId,
    workflow: workflowName(plan),
    specLine: firstSpecLine(state.spec.text),
    spec: report.spec,
    branch: report.branch,
    base: report.base.slice(0, 12),
    outcome: outcomeOf(report, state),
    ...(env.GITHUB_RUN_ID ? { ciRunId: env.GITHUB_RUN_ID } : {}),
    steps,
    totals: {
      attempts: report.totals.attempts,
      turns: report.totals.turns,
      tokensIn: report.totals.tokensIn,
      tokensOut: report.totals.tokensOut,
      cost: report.totals.cost,
      estimated: report.totals.costSources.includes('estimated'),
      durationMs: Math.max(0, end - Date.parse(state.startedAt) - state.waitedMs),
    },
    failures,
  };
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
      return { kind: 'waiting', step: w?.step ?? state.current ?? '?', point: (w?.point ?? 'before_gate').replace('_', ' '), attempt: w?.attempt ?? 1 };
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

let compiled: { summary: HandlebarsTemplateDelegate; pullRequest: HandlebarsTemplateDelegate } | undefined;

function templates(): NonNullable<typeof compiled> {
  if (!compiled) {
    const hbs = Handlebars.create();
    registerHelpers(hbs);
    hbs.registerPartial('steps', hbs.template(stepsTemplate));
    compiled = { summary: hbs.template(summaryTemplate), pullRequest: hbs.template(pullRequestTemplate) };
  }
  return compiled;
}

/** The CI job summary and report.md: outcome (with how to continue a waiting run), steps, failures. */
export function renderSummary(view: SummaryView): string {
  return tidy(templates().summary(view));
}

/** GitHub refuses a PR body over 65,536 characters (422); leave room for the platform's own text. */
export const MAX_BODY_CHARS = 60_000;

/** The pull/merge request body: the same report without CI instructions; failure output is dropped when too long. */
export function renderPullRequest(view: SummaryView, maxChars = MAX_BODY_CHARS): string {
  const body = tidy(templates().pullRequest(view));
  if (body.length <= maxChars || view.failures.length === 0) return body;
  return tidy(templates().pullRequest({ ...view, failures: [], failuresOmitted: view.failures.length }));
}

/** LF, no runs of blank lines, one trailing newline. */
function tidy(text: string): string {
  return `${text.replace(/\r\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
