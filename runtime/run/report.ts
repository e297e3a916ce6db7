// The run report (design.md): per step and attempt — agent, turns, tokens, cost and its source,
// duration, gate results — and run totals; built from the ledger, rendered as JSON or text
// (Markdown: render-summary.ts). The JSON shape is a contract with users' tooling (README).

import { settleOpenAttempts } from './open-attempts.js';
import type { LedgerEvent } from '../state/ledger.js';
import type { AttemptErrorKind, RunState } from '../state/run-state.js';
import { errorExcerpt, excerptText } from '../exec/error-excerpt.js';
import { dollars } from './summary-helpers.js';

export interface AttemptReport {
  attempt: number;
  status: string;
  agent?: string;
  turns: number;
  tokensIn: number;
  tokensOut: number;
  cacheRead: number;
  cacheWrite: number;
  cost: number;
  costSource?: string;
  durationMs: number;
  gates: { name: string; status: string }[];
  /** Why the attempt failed: the error's first line, then the tail of its output (error-excerpt.ts). */
  error?: string;
  /** What `error` is, when the runtime tells it apart: `negative_verdict` (a validate step's `pass: false`). */
  errorKind?: AttemptErrorKind;
}

export interface StepReport {
  step: string;
  status: string;
  attempts: AttemptReport[];
}

export interface RunReport {
  runId: string;
  status: string;
  message?: string;
  branch: string;
  base: string;
  spec: string;
  startedAt: string;
  finishedAt?: string;
  totals: {
    cost: number;
    costSources: string[];
    tokensIn: number;
    tokensOut: number;
    turns: number;
    attempts: number;
    steps: number;
  };
  steps: StepReport[];
}

/** `live`: false when the run is known not to be executing (a local run whose lock is free). */
export function buildReport(state: RunState, events: LedgerEvent[], live?: boolean): RunReport {
  const steps = new Map<string, StepReport>();
  const stepOf = (path: string): StepReport => {
    let s = steps.get(path);
    if (!s) steps.set(path, (s = { step: path, status: state.steps[path]?.status ?? 'running', attempts: [] }));
    return s;
  };
  // Attempt numbers restart at 1 in a group-retry pass or a resume (§9.5): an `attempt.started`
  // opens a new entry, later events of that number go to the latest one.
  const attemptOf = (path: string, n: number, fresh = false): AttemptReport => {
    const s = stepOf(path);
    let a = fresh ? undefined : [...s.attempts].reverse().find((x) => x.attempt === n);
    if (!a)
      s.attempts.push(
        (a = {
          attempt: n,
          status: 'running',
          turns: 0,
          tokensIn: 0,
          tokensOut: 0,
          cacheRead: 0,
          cacheWrite: 0,
          cost: 0,
          durationMs: 0,
          gates: [],
        }),
      );
    return a;
  };
  let finishedAt: string | undefined;
  for (const e of events) {
    const path = e.step;
    const n = e.attempt ?? 1;
    switch (e.event) {
      case 'step.started':
        if (path) stepOf(path);
        break;
      case 'attempt.started':
        if (path) attemptOf(path, n, true);
        break;
      case 'agent.finished':
        if (path) {
          const a = attemptOf(path, n);
          Object.assign(a, {
            agent: e.agent as string,
            turns: num(e.turns),
            tokensIn: num(e.tokensIn),
            tokensOut: num(e.tokensOut),
            cacheRead: num(e.cacheRead),
            cacheWrite: num(e.cacheWrite),
            cost: num(e.cost),
            costSource: e.costSource as string,
            durationMs: num(e.durationMs),
          });
        }
        break;
      case 'gate.finished':
        if (path) attemptOf(path, n).gates.push({ name: String(e.gate), status: String(e.status) });
        break;
      case 'attempt.finished':
        if (path) {
          const a = attemptOf(path, n);
          a.status = String(e.status);
          if (typeof e.error === 'string') {
            a.error = excerptText(errorExcerpt(e.error));
            // The kind goes with the error it types (a later error of the same attempt number replaces both).
            if (e.errorKind === 'negative_verdict') a.errorKind = e.errorKind;
            else delete a.errorKind;
          }
        }
        break;
      case 'step.finished':
        if (path) stepOf(path).status = String(e.status);
        break;
      case 'run.finished':
        finishedAt = e.at;
        break;
    }
  }
  const list = [...steps.values()];
  settleOpenAttempts(list, state, live);
  const attempts = list.flatMap((s) => s.attempts);
  return {
    runId: state.runId,
    status: state.status,
    ...(state.message ? { message: state.message } : {}),
    branch: state.branch,
    base: state.base,
    spec: state.spec.path,
    startedAt: state.startedAt,
    ...(finishedAt ? { finishedAt } : {}),
    totals: {
      cost: Math.round(attempts.reduce((t, a) => t + a.cost, 0) * 1e6) / 1e6,
      costSources: [...new Set(attempts.flatMap((a) => (a.costSource ? [a.costSource] : [])))].sort(),
      tokensIn: attempts.reduce((t, a) => t + a.tokensIn, 0),
      tokensOut: attempts.reduce((t, a) => t + a.tokensOut, 0),
      turns: attempts.reduce((t, a) => t + a.turns, 0),
      attempts: attempts.length,
      steps: list.length,
    },
    steps: list,
  };
}

/** JSON and the plain-text table; Markdown is the templates' (render-summary.ts). */
export function renderReport(r: RunReport, format: 'json' | 'text'): string {
  if (format === 'json') return `${JSON.stringify(r, null, 2)}\n`;
  const rows = r.steps.flatMap((s) =>
    (s.attempts.length > 0 ? s.attempts : [undefined]).map((a) => [
      s.step,
      a ? String(a.attempt) : '-',
      a ? a.status : s.status,
      a?.agent ?? '-',
      a ? String(a.turns) : '-',
      a ? `${a.tokensIn}/${a.tokensOut}` : '-',
      a ? `${dollars(a.cost)}${a.costSource === 'estimated' ? ' (est.)' : ''}` : '-',
      a ? `${(a.durationMs / 1000).toFixed(1)}s` : '-',
      a
        ? a.gates.map((g) => `${g.name} ${g.status === 'fail' ? '✗' : g.status === 'skipped' ? '–' : '✓'}`).join(' ')
        : '',
    ]),
  );
  const head = ['step', 'attempt', 'status', 'agent', 'turns', 'tokens in/out', 'cost', 'duration', 'gates'];
  const total = `Run ${r.runId}: ${r.status}${r.message ? ` — ${r.message.split('\n')[0]}` : ''}  cost: ${dollars(r.totals.cost)}${r.totals.costSources.includes('estimated') ? ' (partly estimated)' : ''}  tokens: ${r.totals.tokensIn}/${r.totals.tokensOut}  attempts: ${r.totals.attempts}`;
  const failures = r.steps.flatMap((s) =>
    s.attempts.filter((a) => a.error !== undefined && a.status !== 'pass').map((a) => failureText(s.step, a)),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const fmt = (row: string[]): string =>
    row
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [
    fmt(head),
    ...rows.map(fmt),
    '',
    ...(failures.length > 0 ? ['Failures:', ...failures, ''] : []),
    total,
    '',
  ].join('\n');
}

/** `impl attempt 1: fail — gate test failed (exit 1)` and the output excerpt, indented. */
function failureText(step: string, a: AttemptReport): string {
  const [headline, ...rest] = (a.error ?? '').split('\n');
  return [`  ${step} attempt ${a.attempt}: ${a.status} — ${headline}`, ...rest.map((l) => `      ${l}`.trimEnd())].join(
    '\n',
  );
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
