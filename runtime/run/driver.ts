// The run driver: runs the root workflow of a plan from wherever its state stands (a fresh run,
// a resume, after an approval), as a whole or one job unit at a time, and settles the run status.

import type { AgentStep, PlanStep } from '../../protocol/plan.js';
import { scopeFor } from '../exec/budget.js';
import { Executor } from '../exec/executor.js';
import { announcePlan, endTaskPhase, runTask } from '../exec/composite.js';
import type { Frame } from '../exec/frame.js';
import { runAtomic } from '../exec/atomic.js';
import type { Outcome, Services } from '../exec/services.js';
import { writeReport } from './report.js';
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

/** A job unit: what one CI job (or one isolated process) runs. */
export type Unit = { kind: 'step'; index: number } | { kind: 'planner'; index: number } | { kind: 'task'; index: number; task: string };

/** Checks before the first step: a malformed stub script is fatal (language.md §21). */
function preflight(svc: Services): Outcome | undefined {
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

/** Run one unit; the run status is settled only when the unit ends the run. */
export async function runUnit(svc: Services, unit: Unit): Promise<Outcome> {
  const bad = preflight(svc);
  if (bad) return settle(svc, bad);
  const ex = new Executor(svc);
  const frame = rootFrame(svc);
  const step = rootSteps(svc)[unit.index];
  if (!step) throw new Error(`no root step #${unit.index}`);
  let outcome: Outcome;
  if (unit.kind === 'planner') {
    outcome = await runAtomic(ex, frame, step as AgentStep);
    const split = svc.state.splits[step.path];
    if (outcome.status === 'pass' && split && split.pass === 0) {
      // As runSplit does after its planner: announce the plan, the first task pass begins.
      announcePlan(ex, step.path);
      split.pass = 1;
    }
  } else if (unit.kind === 'task') {
    const split = svc.state.splits[step.path];
    const task = split?.tasks.find((t) => t.name === unit.task);
    if (!split || !task) throw new Error(`split ${step.path} has no task ${unit.task}`);
    split.pass = Math.max(split.pass, 1);
    outcome = await runTask(ex, frame, step as AgentStep, task);
    if (outcome.status === 'fatal') {
      // Group retry (§9.5): the split's own unit runs the next passes; else the split ends fatal.
      if (split.pass < (step as AgentStep).retry.exit) {
        svc.save();
        return { status: 'pass' };
      }
      outcome = endTaskPhase(ex, step.path, outcome);
    }
  } else outcome = await ex.runStep(frame, step);
  if (outcome.status !== 'pass' || (unit.kind === 'step' && unit.index === rootSteps(svc).length - 1)) return settle(svc, outcome);
  svc.save();
  return outcome;
}

export function rootSteps(svc: Services): readonly PlanStep[] {
  return svc.plan.workflows[svc.plan.root]!.steps;
}

function settle(svc: Services, outcome: Outcome): Outcome {
  const s = svc.state;
  if (outcome.status === 'waiting') s.status = 'waiting';
  else if (outcome.status === 'pass') {
    s.status = 'pass';
    delete s.message;
  } else {
    s.status = outcome.status === 'aborted' ? 'aborted' : 'fatal';
    s.message = outcome.message;
  }
  if (s.status !== 'waiting') {
    svc.ledger.emit('run.finished', { status: s.status, ...(s.message ? { message: s.message } : {}), cost: round(s.spend.cost), tokensIn: s.spend.tokensIn, tokensOut: s.spend.tokensOut });
  }
  svc.save();
  writeReport(svc);
  return outcome;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
