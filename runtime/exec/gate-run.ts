// Executor: running a step's gates (language.md §8) — the environment they see (no agent keys or CI
// tokens), validator gates as callee workflows — and recording their results in the ledger and the
// state keys of §8.5.

import type { Gate } from '../../protocol/plan.js';
import { calleePath, stateKey } from '../../protocol/state-keys.js';
import { childEnv } from '../agents/auth-env.js';
import { evaluateGates, type GateResult, type GateStepType } from '../gates/evaluate.js';
import { checkResultOf, gateStateKeys } from '../gates/state-keys.js';
import type { Executor } from './executor.js';
import type { AttemptView, Frame } from './frame.js';
import type { Services } from './services.js';
import { runValidator } from './validator.js';

export interface GateRun {
  path: string;
  stepType: GateStepType;
  outDir: string;
  changedFiles: string[];
  attempt: number;
  /** Gate context (§7.2): `{diff}` is this attempt's diff. */
  view: AttemptView;
}

export function runGates(ex: Executor, frame: Frame, gates: Gate[], run: GateRun): Promise<GateResult[]> {
  const svc = ex.svc;
  // Agent API keys and CI tokens never reach gates (design.md, security posture).
  const env = childEnv(svc.env, {
    GUMP_RUN_ID: svc.state.runId,
    GUMP_STEP_PATH: run.path,
    GUMP_ATTEMPT: String(run.attempt),
    GUMP_TASK_NAME: frame.task?.name ?? '',
  });
  return evaluateGates(gates, {
    worktree: frame.cwd,
    stepType: run.stepType,
    outDir: run.outDir,
    changedFiles: run.changedFiles,
    env,
    config: svc.config,
    runValidator: (gate) =>
      runValidator(ex, frame, calleePath(run.path, 'gate', gate.name), gate.workflow, gate.inputs, run.view),
    onGate: (name, result) => svc.trace.gate?.(run.path, name, result ? { status: result.status } : undefined),
    log: (w) => {
      svc.trace.warn(`${run.path}: ${w}`);
      svc.ledger.emit('warning', { step: run.path, attempt: run.attempt, message: w });
    },
  });
}

/**
 * Record gate results wherever a step ran its gates: one `gate.finished` event each, the state keys
 * of §8.5 and `check_result` (the progress printed each gate as it ended). Returns the failed entries.
 */
export function recordGates(
  svc: Services,
  path: string,
  attempt: number,
  results: GateResult[],
  stepType: GateStepType,
): GateResult[] {
  for (const r of results)
    svc.ledger.emit('gate.finished', {
      step: path,
      attempt,
      gate: r.name,
      status: r.status,
      durationMs: r.durationMs,
    });
  Object.assign(svc.state.values, gateStateKeys(path, results, { stepType }));
  svc.state.values[stateKey(path, 'check_result')] = checkResultOf(results);
  svc.save();
  return results.filter((r) => r.status === 'fail');
}
