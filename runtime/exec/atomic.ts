// Executor: an atomic or pass step with its retry loop (language.md §1.1, §9). Each attempt goes
// through pre-checks, GET, RUN, collect, checks, HITL, GATE and decide; every transition is
// persisted so a later process (next CI job, `gump run --resume`) continues where this one stopped.

import type { AgentStep } from '../../protocol/plan.js';
import { calleePath, stateKey } from '../../protocol/state-keys.js';
import { keysOf, stepRecord, type StepRecord } from '../state/run-state.js';
import { render } from '../render.js';
import { resetTo } from '../git/worktree.js';
import { exceeded } from './budget.js';
import { runAttempt, type AttemptResult } from './attempt.js';
import { fullPath, renderScope, type Frame } from './frame.js';
import { nextSticky } from './retry-policy.js';
import { fatal, PASS, type Outcome, type Services } from './services.js';
import type { Executor } from './executor.js';
import { waitForApproval } from './approval-point.js';
import { effectiveAgent } from './effective-agent.js';
import { runValidator } from './validator.js';

export async function runAtomic(ex: Executor, frame: Frame, step: AgentStep): Promise<Outcome> {
  const svc = ex.svc;
  const path = fullPath(frame, step.path);
  const rec = stepRecord(svc.state, path);
  if (rec.status === 'pass') {
    svc.ledger.emit('step.skipped', { step: path });
    return PASS;
  }
  if (rec.status !== 'running') {
    // §9.5: a step re-run by a group-retry pass (or a resume) keeps its session.
    const id = svc.state.values[stateKey(path, 'session_id')];
    const agent = svc.state.values[stateKey(path, 'agent')];
    restartRecord(rec);
    if (id && agent) rec.carriedSession = { id, agent };
  }
  const n = step.retry.exit;
  if (rec.attempt === rec.attemptBase)
    svc.ledger.emit('step.started', { step: path, kind: step.pass ? 'pass' : step.type });
  svc.state.current = path;
  for (;;) {
    const done = rec.attempt - rec.attemptBase;
    let result: AttemptResult;
    if (rec.phase === 'approved-before-gate' || rec.phase === 'approved-after-gate') {
      result = await runAttempt(ex, frame, step, path, rec, done, { resume: rec.phase });
    } else if (rec.phase?.startsWith('waiting')) {
      return { status: 'waiting', step: path };
    } else {
      // Attempt `done` neither passed nor failed: the runtime stopped during it (killed, crashed).
      // Not the agent's failure (§9.4): it runs again from its pre-attempt commit, like a re-run job.
      const interrupted = done >= 1 && rec.phase !== 'failed';
      rec.phase = undefined;
      if (interrupted) await redoInterrupted(ex, frame, path, rec, done);
      else if (done >= n)
        return finishFatal(
          ex,
          frame,
          path,
          rec,
          `all ${n} attempt${n === 1 ? '' : 's'} failed; last error: ${firstLine(rec.error ?? '')}`,
        );
      const limit = exceeded(frame.budgets, svc);
      if (limit) return finishFatal(ex, frame, path, rec, limit);
      if (!interrupted) {
        if (done >= 1) await prepareRetry(ex, frame, step, path, rec, done + 1, failedGatesOf(svc, path));
        rec.attempt++;
      }
      svc.save();
      result = await runAttempt(ex, frame, step, path, rec, interrupted ? done : done + 1, {});
    }
    const k = rec.attempt - rec.attemptBase;
    if (result.status === 'waiting') return { status: 'waiting', step: path };
    if (result.status === 'fatal') {
      // A run limit or GET failure ends the attempt too: the report shows it finished, not running.
      svc.ledger.emit('attempt.finished', { step: path, attempt: k, status: 'fatal', error: result.error });
      return finishFatal(ex, frame, path, rec, result.error);
    }
    if (result.status === 'pass') {
      rec.status = 'pass';
      rec.phase = undefined;
      writeEndKeys(svc, path, rec, 'pass');
      svc.ledger.emit('step.finished', { step: path, status: 'pass', attempts: k });
      svc.trace.line(path, 'pass', k > 1 ? `after ${k} attempts` : undefined);
      svc.save();
      return PASS;
    }
    rec.error = result.error;
    if (result.errorKind !== undefined) rec.errorKind = result.errorKind;
    else delete rec.errorKind;
    rec.phase = 'failed';
    svc.save();
    // An after_gate approval point precedes a further attempt (§12).
    if (step.hitl === 'after_gate' && result.gatesRan && k < n) {
      rec.phase = 'waiting-after-failure';
      return waitForApproval(svc, path, 'after_gate', k);
    }
  }
}

/** Gates that evaluated to false in the latest attempt (before the prev snapshot is taken). */
function failedGatesOf(svc: Services, path: string): Set<string> {
  const failed = new Set<string>();
  for (const [field, value] of Object.entries(keysOf(svc.state, path))) {
    const m = /^gate\.([^.]+)$/.exec(field);
    if (m && value === 'false') failed.add(m[1]!);
  }
  return failed;
}

/** Before attempt k ≥ 2 (§9.2): sticky overrides, prev snapshot, session rule, worktree reset. */
async function prepareRetry(
  ex: Executor,
  frame: Frame,
  step: AgentStep,
  path: string,
  rec: StepRecord,
  k: number,
  failedGates: Set<string>,
): Promise<void> {
  const svc = ex.svc;
  const prevAgent = rec.agents[String(rec.attemptBase + k - 1)] ?? '';
  // prev first: retry `validate` inputs and the retry agent render `{gate.*}`/`{prev.*}` of attempt k−1.
  svc.state.prev[path] = keysOf(svc.state, path);
  const sticky = await nextSticky(step, rec.sticky, {
    k,
    failedGates,
    validatorPasses: async (entry) => {
      if (entry.when.kind !== 'validate') return false;
      const verdict = await runValidator(
        ex,
        frame,
        calleePath(path, 'retry', entry.when.name),
        entry.when.workflow,
        entry.when.inputs,
        {
          path,
          attempt: k - 1,
          error: rec.error ?? '',
          diff: svc.state.values[stateKey(path, 'diff')] ?? '',
        },
      );
      return verdict.pass;
    },
  });
  const scope = renderScope(svc.state, frame, {
    path,
    attempt: k,
    error: rec.error ?? '',
    diff: svc.state.values[stateKey(path, 'diff')] ?? '',
  });
  const agentTpl = sticky.agentEntry !== undefined ? step.retry.entries[sticky.agentEntry]?.agent : undefined;
  const effective = effectiveAgent(svc, render(agentTpl ?? step.agent, scope));
  let note: string | undefined;
  if (!step.pass && effective !== prevAgent && sticky.session === undefined) {
    sticky.session = 'new';
    note = `agent changed (${prevAgent} → ${effective}), new session`;
  }
  rec.sticky = sticky;
  svc.ledger.emit('retry.decided', {
    step: path,
    attempt: k,
    agent: effective,
    sticky: { ...sticky },
    ...(note ? { note } : {}),
  });
  svc.trace.line(
    path,
    'retry',
    `attempt ${k}${sticky.promptEntry !== undefined ? ' — prompt override' : ''}${note ? ` — ${note}` : ''}`,
  );
  if (sticky.worktree === 'reset') {
    const pre = rec.preCommit[String(rec.attemptBase + k - 1)];
    if (pre) await resetTo(frame.cwd, pre);
  }
  svc.save();
}

/** Close the interrupted attempt k in the ledger and put the worktree back where it started. */
async function redoInterrupted(ex: Executor, frame: Frame, path: string, rec: StepRecord, k: number): Promise<void> {
  const pre = rec.preCommit[String(rec.attemptBase + k)];
  if (pre) await resetTo(frame.cwd, pre);
  ex.svc.ledger.emit('attempt.finished', {
    step: path,
    attempt: k,
    status: 'interrupted',
    error: 'the runtime stopped during this attempt',
  });
  ex.svc.trace.line(path, 'resume', `attempt ${k} was interrupted; running it again`);
}

/** A step met again after it failed (resume, group retry): attempts count from 1 again (§9.5). */
function restartRecord(rec: StepRecord): void {
  rec.status = 'running';
  rec.attemptBase = rec.attempt;
  rec.sticky = {};
  rec.phase = undefined;
  delete rec.error;
  delete rec.errorKind;
  delete rec.firstCommit;
  delete rec.carriedSession;
}

function finishFatal(ex: Executor, frame: Frame, path: string, rec: StepRecord, message: string): Outcome {
  const svc = ex.svc;
  rec.status = 'fatal';
  rec.message = message;
  writeEndKeys(svc, path, rec, 'fatal');
  svc.ledger.emit('step.finished', { step: path, status: 'fatal', message });
  // In a validator the run goes on (§7.2): a negative verdict was already printed as such; any other
  // end means the validator gives no verdict, which its caller counts as "no".
  if (!frame.validator) svc.trace.line(path, 'fatal', firstLine(message));
  else if (rec.errorKind !== 'negative_verdict') svc.trace.line(path, 'verdict', `none — ${firstLine(message)}`);
  svc.save();
  return fatal(`step ${path}: ${message}`);
}

export function writeEndKeys(svc: Services, path: string, rec: StepRecord, status: string): void {
  const k = rec.attempt - rec.attemptBase;
  svc.state.values[stateKey(path, 'status')] = status;
  svc.state.values[stateKey(path, 'attempt')] = String(k);
  svc.state.values[stateKey(path, 'retries')] = String(Math.max(0, k - 1));
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? '';
}
