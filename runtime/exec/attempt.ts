// Executor: one attempt of an atomic step (language.md §1.1): pre-attempt commit, GET workflow,
// prompt and agent, session, context file, RUN under guards, snapshot and state fields, checks
// (no_write, blast radius, output contract, verdict), before_gate approval, gates, decision.

import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROVIDER_INFO } from '../../protocol/models.js';
import type { AgentStep } from '../../protocol/plan.js';
import { stateKey } from '../../protocol/state-keys.js';
import { compileGlob } from '../glob.js';
import type { GateResult } from '../gates/evaluate.js';
import { validateOutput } from '../gates/output-contract.js';
import { changedFiles, commitChanges } from '../git/changes.js';
import { snapshotChanges } from '../git/snapshot.js';
import { headCommit, resetTo } from '../git/worktree.js';
import { render } from '../render.js';
import { clearKeys, type AttemptErrorKind, type StepRecord } from '../state/run-state.js';
import { providerOf } from './agent-call.js';
import { runAgentPhase } from './agent-phase.js';
import { progressDetail } from './error-excerpt.js';
import { renderScope, type Frame } from './frame.js';
import type { Executor } from './executor.js';
import { waitForApproval } from './approval-point.js';
import { effectiveAgent } from './effective-agent.js';
import { recordGates, runGates } from './gate-run.js';
import { runGet } from './get-workflow.js';
import { recordPlan } from './split.js';

export type AttemptResult =
  | { status: 'pass' }
  | { status: 'fail'; error: string; errorKind?: AttemptErrorKind; failedGates: Set<string>; gatesRan: boolean }
  | { status: 'fatal'; error: string }
  | { status: 'waiting' };

const KNOWN_PROVIDERS = new Set(Object.keys(PROVIDER_INFO));

/** Start of the error text of a validate step whose verdict is `pass: false` (its kind: `negative_verdict`). */
export const NEGATIVE_VERDICT = 'validate did not pass:';

export async function runAttempt(
  ex: Executor,
  frame: Frame,
  step: AgentStep,
  path: string,
  rec: StepRecord,
  k: number,
  opts: { resume?: 'approved-before-gate' | 'approved-after-gate' },
): Promise<AttemptResult> {
  const svc = ex.svc;
  const global = String(rec.attemptBase + k);
  if (opts.resume === 'approved-after-gate') return finishPass(ex, step, path, rec, k, true);
  if (opts.resume === 'approved-before-gate') {
    rec.phase = undefined;
    return gateAndDecide(ex, frame, step, path, rec, k, rec.preCommit[global]!);
  }

  const preCommit = await headCommit(frame.cwd);
  rec.preCommit[global] = preCommit;
  rec.firstCommit ??= preCommit;
  const prevDiff = k > 1 ? (svc.state.prev[path]?.diff ?? '') : '';
  const error = k > 1 ? (rec.error ?? '') : '';
  clearKeys(svc.state, path);
  svc.ledger.emit('attempt.started', { step: path, attempt: k });
  svc.trace.attempt?.(path, k);
  svc.save();

  // GET workflow (§7.3): before every attempt, in the run worktree.
  if (step.get) {
    const got = await runGet(ex, frame, step, path, { path, attempt: k, error, diff: prevDiff });
    if (got.status !== 'pass')
      return { status: 'fatal', error: got.status === 'fatal' ? got.message : 'GET workflow did not finish' };
  }

  const scope = renderScope(svc.state, frame, { path, attempt: k, error, diff: prevDiff });
  const promptEntry = rec.sticky.promptEntry !== undefined ? step.retry.entries[rec.sticky.promptEntry] : undefined;
  const prompt = render(promptEntry?.prompt ?? step.prompt, scope);
  const agentEntry = rec.sticky.agentEntry !== undefined ? step.retry.entries[rec.sticky.agentEntry] : undefined;
  const agent = effectiveAgent(svc, render(agentEntry?.agent ?? step.agent, scope));
  rec.agents[global] = agent;
  const declared = effectiveAgent(svc, render(step.agent, scope));
  const failures: string[] = [];
  // The attempt's error is a negative verdict when the verdict is its first failure (§7.2).
  let errorKind: AttemptErrorKind | undefined;
  let unreadStream = false;

  // worktree: none (§13): an empty folder outside the repository, so nothing above it leads back to
  // the project; its path is stable per run, step and attempt (CLIs key sessions by cwd).
  const agentCwd =
    step.worktree === 'none'
      ? join(tmpdir(), `gump-${svc.state.runId}`, `${path.replace(/\//g, '__')}-${global}`)
      : frame.cwd;
  const outDir = join(agentCwd, '.gump', 'out');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  if (!step.pass) {
    const provider = providerOf(agent);
    if (!/^\S+$/.test(agent) || !KNOWN_PROVIDERS.has(provider) || provider === 'pass' || agent.endsWith('-')) {
      failures.push(`agent name renders to an invalid value: "${agent}"`);
    } else {
      const run = await runAgentPhase(ex, frame, step, path, rec, k, {
        agent,
        declared,
        prompt,
        agentCwd,
        prevDiff,
        error,
      });
      if (run.fatal) return { status: 'fatal', error: run.fatal };
      if (run.trip) {
        await resetTo(frame.cwd, preCommit);
        return tripped(ex, path, k, `guard ${run.trip.guard} triggered: ${run.trip.reason}`);
      }
      if (run.failure) failures.push(run.failure);
      unreadStream = run.compat === true;
    }
  }

  // Collect (§1.1 phase 4): output, snapshot, state fields.
  const output = step.type === 'code' ? undefined : validateOutput(step.type, outDir);
  // The gates read the typed output from the run directory: it survives a job boundary (§12 before_gate).
  if (step.type !== 'code') cpSync(outDir, keptOutDir(svc.runDir, path, global), { recursive: true });
  // The empty folder of a `worktree: none` step is thrown away once its output is kept (§13).
  if (step.worktree === 'none') rmSync(agentCwd, { recursive: true, force: true });
  const taskName = frame.task?.name ?? '-';
  // The snapshot and what changed since preCommit (the agent's own commits included), in one process.
  const message = `[gump] step:${step.name} task:${taskName} attempt:${k}`;
  const { files, diff: attemptDiff } = await snapshotChanges(frame.cwd, message, preCommit);
  const v = svc.state.values;
  v[stateKey(path, 'diff')] = attemptDiff;
  v[stateKey(path, 'files')] = files.join(', ');
  if (!step.pass) v[stateKey(path, 'agent')] = agent;
  let outputText = '';
  if (output?.ok) {
    if (step.type === 'validate') {
      const verdict = output.value as { pass: boolean; comments: string };
      outputText = verdict.pass ? 'true' : 'false';
      v[stateKey(path, 'comments')] = verdict.comments ?? '';
      if (!verdict.pass) {
        if (failures.length === 0) errorKind = 'negative_verdict';
        failures.push(`${NEGATIVE_VERDICT} ${verdict.comments}`);
      }
    } else outputText = output.text;
  } else if (output && !output.ok) failures.push(output.message);
  v[stateKey(path, 'output')] = outputText === '' && attemptDiff !== '' ? attemptDiff : outputText;
  if (step.type === 'split' && output?.ok)
    recordPlan(svc, path, output.value as { name: string; description?: string; files?: string[] }[]);

  // agents.md §2.11: no final event in the stream, so judged by exit code plus the diff; a code step
  // whose agent left nothing readable and changed nothing failed.
  if (unreadStream && step.type === 'code' && files.length === 0)
    failures.push(
      `agent ${agent} ended without a final event and changed nothing: its output stream was not understood (raw stream under .gump/run/streams/)`,
    );
  // Checks (§1.1 phase 5).
  if (step.noWrite && !step.pass && files.length > 0) {
    await resetTo(frame.cwd, preCommit);
    return tripped(ex, path, k, `guard no_write triggered: the agent changed ${files.join(', ')}`);
  }
  const globs = frame.task?.files ?? [];
  if (globs.length > 0 && rec.firstCommit) {
    const matchers = globs.map(compileGlob);
    const outside = (await changedFiles(frame.cwd, rec.firstCommit)).filter((f) => !matchers.some((m) => m(f)));
    if (outside.length > 0) failures.push(`blast radius violation: ${outside.join(', ')}`);
  }
  // A validator's own negative verdict is its answer (§7.2): the trace says so, not `fail`.
  const verdictNo =
    frame.validator === true &&
    step.type === 'validate' &&
    failures.length === 1 &&
    output?.ok === true &&
    outputText === 'false';
  if (failures.length > 0)
    return failAttempt(ex, path, k, failures, new Set(), false, {
      ...(errorKind ? { errorKind } : {}),
      ...(verdictNo ? { verdict: `no — ${v[stateKey(path, 'comments')] ?? ''}` } : {}),
    });

  if (step.hitl === 'before_gate' && step.gates.length > 0) {
    rec.phase = 'waiting-before-gate';
    waitForApproval(svc, path, 'before_gate', k);
    return { status: 'waiting' };
  }
  return gateAndDecide(ex, frame, step, path, rec, k, preCommit, { files, diff: attemptDiff });
}

/**
 * The GATE and decide phases (§1.1 7–8). `changes` are the attempt's files and diff when the gates
 * follow the collect phase directly; after an approval point they are read again, because commits a
 * reviewer pushed while the run waited are part of what the gates evaluate (§12).
 */
async function gateAndDecide(
  ex: Executor,
  frame: Frame,
  step: AgentStep,
  path: string,
  rec: StepRecord,
  k: number,
  preCommit: string,
  changes?: { files: string[]; diff: string },
): Promise<AttemptResult> {
  const svc = ex.svc;
  let results: GateResult[] = [];
  if (step.gates.length > 0) {
    const { files, diff: attemptDiff } = changes ?? (await commitChanges(frame.cwd, preCommit, 'HEAD'));
    results = await runGates(ex, frame, step.gates, {
      path,
      stepType: step.type,
      outDir: keptOutDir(svc.runDir, path, String(rec.attemptBase + k)),
      changedFiles: files,
      attempt: k,
      view: { path, attempt: k, error: '', diff: attemptDiff },
    });
  }
  const failed = recordGates(svc, path, k, results, step.type);
  if (failed.length > 0)
    return failAttempt(
      ex,
      path,
      k,
      failed.map((r) => r.error ?? `gate ${r.name} failed`),
      new Set(failed.map((r) => r.name)),
      true,
    );
  return finishPass(ex, step, path, rec, k, false);
}

async function finishPass(
  ex: Executor,
  step: AgentStep,
  path: string,
  rec: StepRecord,
  k: number,
  approved: boolean,
): Promise<AttemptResult> {
  if (step.hitl === 'after_gate' && !approved) {
    rec.phase = 'waiting-after-gate';
    waitForApproval(ex.svc, path, 'after_gate', k);
    return { status: 'waiting' };
  }
  ex.svc.ledger.emit('attempt.finished', { step: path, attempt: k, status: 'pass' });
  return { status: 'pass' };
}

function tripped(ex: Executor, path: string, k: number, message: string): AttemptResult {
  ex.svc.state.values[stateKey(path, 'status')] = 'guard_failed';
  ex.svc.ledger.emit('guard.tripped', { step: path, attempt: k, message });
  ex.svc.trace.line(path, 'guard', message);
  ex.svc.ledger.emit('attempt.finished', { step: path, attempt: k, status: 'guard_failed', error: message });
  ex.svc.save();
  return { status: 'fail', error: message, failedGates: new Set(), gatesRan: false };
}

/**
 * `errorKind` types the error (recorded in the ledger for the report); `verdict` replaces the `fail`
 * trace line of a validator's negative verdict (`no — <comments>`).
 */
function failAttempt(
  ex: Executor,
  path: string,
  k: number,
  messages: string[],
  failedGates: Set<string>,
  gatesRan: boolean,
  opts: { errorKind?: AttemptErrorKind; verdict?: string } = {},
): AttemptResult {
  const error = messages.join('\n---\n');
  const kind = opts.errorKind !== undefined ? { errorKind: opts.errorKind } : {};
  ex.svc.state.values[stateKey(path, 'status')] = 'fail';
  if (!gatesRan) ex.svc.ledger.emit('check.failed', { step: path, attempt: k, error });
  ex.svc.ledger.emit('attempt.finished', { step: path, attempt: k, status: 'fail', error, ...kind });
  if (opts.verdict !== undefined) ex.svc.trace.line(path, 'verdict', opts.verdict.trimEnd());
  else ex.svc.trace.line(path, 'fail', progressDetail(error));
  ex.svc.save();
  return { status: 'fail', error, ...kind, failedGates, gatesRan };
}

/** Copy of an attempt's `.gump/out/` kept in the run directory (carried across job boundaries). */
function keptOutDir(runDir: string, path: string, global: string): string {
  return join(runDir, 'out', `${path.replace(/\//g, '__')}.${global}`);
}
