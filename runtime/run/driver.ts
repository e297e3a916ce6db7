// The run driver: runs the root workflow of a plan from wherever its state stands (a fresh run,
// a resume, after an approval) as a whole, and settles the run status. One job unit: run-unit.ts.

import type { PlanStep } from '../../protocol/plan.js';
import { scopeFor } from '../exec/budget.js';
import { Executor } from '../exec/executor.js';
import type { Frame } from '../exec/frame.js';
import type { Outcome, Services } from '../exec/services.js';
import { writeReport } from './write-report.js';
import { loadStubScript, StubScriptError } from '../stub/script.js';

export function rootFrame(svc: Services): Frame {
  const wf = svc.plan.workflows[svc.plan.root]!;
  return {
    wf,
    prefix: '',
    inputs: { ...svc.state.inputs },
    spec: svc.state.spec.text,
    cwd: svc.worktree,
    diffBase: svc.state.base,
    // The run's limits count everything spent since the run started, across jobs and resumes.
    budgets: [scopeFor('run', wf.limits, svc, { spent: svc.state.spend, startMs: Date.parse(svc.state.startedAt) })],
  };
}

/** Checks before the first step: a malformed stub script is fatal (language.md §21). */
export function preflight(svc: Services): Outcome | undefined {
  if (!svc.stub) return undefined;
  try {
    loadStubScript(svc.stubScript);
  } catch (e) {
    if (e instanceof StubScriptError) return { status: 'fatal', message: e.message };
    throw e;
  }
  return undefined;
}

/** Run the whole root workflow from its current state. */
export async function runAll(svc: Services): Promise<Outcome> {
  const bad = preflight(svc);
  if (bad) return settle(svc, bad);
  const ex = new Executor(svc);
  const outcome = await ex.runSteps(rootFrame(svc), rootSteps(svc));
  return settle(svc, outcome);
}

export function rootSteps(svc: Services): readonly PlanStep[] {
  return svc.plan.workflows[svc.plan.root]!.steps;
}

export function settle(svc: Services, outcome: Outcome): Outcome {
  const s = svc.state;
  // The failure kind goes with the outcome that set it: a later outcome (even waiting) drops it.
  delete s.failureKind;
  if (outcome.status === 'waiting') s.status = 'waiting';
  else if (outcome.status === 'pass') {
    s.status = 'pass';
    delete s.message;
  } else {
    s.status = outcome.status === 'aborted' ? 'aborted' : 'fatal';
    s.message = outcome.message;
    if (outcome.status === 'fatal' && outcome.kind !== undefined) s.failureKind = outcome.kind;
  }
  if (s.status !== 'waiting') {
    svc.ledger.emit('run.finished', {
      status: s.status,
      ...(s.message ? { message: s.message } : {}),
      cost: round(s.spend.cost),
      tokensIn: s.spend.tokensIn,
      tokensOut: s.spend.tokensOut,
    });
  }
  svc.save();
  writeReport(svc);
  return outcome;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
