// Executor: one attempt of an atomic step (language.md §1.1): pre-attempt commit, GET workflow,
// prompt and agent, session, context file, RUN under guards, snapshot and state fields, checks
// (no_write, blast radius, output contract, verdict), before_gate approval, gates, decision.

import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROVIDER_INFO, type Provider } from '../../protocol/models.js';
import type { AgentStep } from '../../protocol/plan.js';
import { compileGlob } from '../glob.js';
import { evaluateGates, type GateResult } from '../gates/evaluate.js';
import { capMiddle } from '../gates/error-context.js';
import { validateOutput } from '../gates/output-contract.js';
import { checkResultOf, gateStateKeys } from '../gates/state-keys.js';
import { changedFiles, diff } from '../git/changes.js';
import { snapshot } from '../git/snapshot.js';
import { headCommit, resetTo } from '../git/worktree.js';
import { render } from '../render.js';
import { clearKeys, type StepRecord } from '../state/run-state.js';
import { callAgent, providerOf } from './agent-call.js';
import { exceeded, recordSpend } from './budget.js';
import { buildContext } from './context-entries.js';
import { placeContextFile, promptMarkers, readIfExists, renderContextFile, type RetrySection } from './context-file.js';
import { fullPath, renderScope, stateKeyOf, type Frame } from './frame.js';
import type { Executor } from './executor.js';

export type AttemptResult =
  | { status: 'pass' }
  | { status: 'fail'; error: string; failedGates: Set<string>; gatesRan: boolean }
  | { status: 'fatal'; error: string }
  | { status: 'waiting' };

const KNOWN_PROVIDERS = new Set(Object.keys(PROVIDER_INFO));

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
  if (k === 1 || rec.firstCommit === undefined) rec.firstCommit ??= preCommit;
  const prevDiff = k > 1 ? (svc.state.prev[path]?.diff ?? '') : '';
  const error = k > 1 ? (rec.error ?? '') : '';
  clearKeys(svc.state, path);
  svc.ledger.emit('attempt.started', { step: path, attempt: k });
  svc.save();

  // GET workflow (§7.3): before every attempt, in the run worktree.
  if (step.get) {
    const got = await ex.runGet(frame, step, path, { path, attempt: k, error, diff: prevDiff });
    if (got.status !== 'pass') return { status: 'fatal', error: got.status === 'fatal' ? got.message : 'GET workflow did not finish' };
  }

  const scope = renderScope(svc.state, frame, { path, attempt: k, error, diff: prevDiff });
  const promptEntry = rec.sticky.promptEntry !== undefined ? step.retry.entries[rec.sticky.promptEntry] : undefined;
  const prompt = render(promptEntry?.prompt ?? step.prompt, scope);
  const agentEntry = rec.sticky.agentEntry !== undefined ? step.retry.entries[rec.sticky.agentEntry] : undefined;
  const agent = ex.effectiveAgent(render(agentEntry?.agent ?? step.agent, scope));
  rec.agents[global] = agent;
  const declared = ex.effectiveAgent(render(step.agent, scope));
  const failures: string[] = [];
  let unreadStream = false;

  // worktree: none (§13): an empty folder outside the repository, so nothing above it leads back to
  // the project; its path is stable per run, step and attempt (CLIs key sessions by cwd).
  const agentCwd = step.worktree === 'none' ? join(tmpdir(), `gump-${svc.state.runId}`, `${path.replace(/\//g, '__')}-${global}`) : frame.cwd;
  const outDir = join(agentCwd, '.gump', 'out');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  if (!step.pass) {
    const provider = providerOf(agent);
    if (!/^\S+$/.test(agent) || !KNOWN_PROVIDERS.has(provider) || provider === 'pass' || agent.endsWith('-')) {
      failures.push(`agent name renders to an invalid value: "${agent}"`);
    } else {
      const run = await runAgentPhase(ex, frame, step, path, rec, k, { agent, declared, prompt, agentCwd, prevDiff, error });
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
  await snapshot(frame.cwd, `[gump] step:${step.name} task:${taskName} attempt:${k}`);
  const files = await changedFiles(frame.cwd, preCommit);
  const attemptDiff = await diff(frame.cwd, preCommit, 'HEAD');
  const v = svc.state.values;
  v[`${path}.diff`] = attemptDiff;
  v[`${path}.files`] = files.join(', ');
  if (!step.pass) v[`${path}.agent`] = agent;
  let outputText = '';
  if (output?.ok) {
    if (step.type === 'validate') {
      const verdict = output.value as { pass: boolean; comments: string };
      outputText = verdict.pass ? 'true' : 'false';
      v[`${path}.comments`] = verdict.comments ?? '';
      if (!verdict.pass) failures.push(`validate did not pass: ${verdict.comments}`);
    } else outputText = output.text;
  } else if (output && !output.ok) failures.push(output.message);
  v[`${path}.output`] = outputText === '' && attemptDiff !== '' ? attemptDiff : outputText;
  if (step.type === 'split' && output?.ok) ex.recordPlan(path, output.value as { name: string; description?: string; files?: string[] }[]);

  // agents.md §2.11: no final event in the stream, so judged by exit code plus the diff; a code step
  // whose agent left nothing readable and changed nothing failed.
  if (unreadStream && step.type === 'code' && files.length === 0) failures.push(`agent ${agent} ended without a final event and changed nothing: its output stream was not understood (raw stream under .gump/run/streams/)`);
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
  if (failures.length > 0) return failAttempt(ex, path, k, failures, new Set(), false);

  if (step.hitl === 'before_gate' && step.gates.length > 0) {
    rec.phase = 'waiting-before-gate';
    await ex.waitForApproval(path, 'before_gate', k);
    return { status: 'waiting' };
  }
  return gateAndDecide(ex, frame, step, path, rec, k, preCommit);
}

interface AgentPhase {
  fatal?: string;
  trip?: { guard: string; reason: string };
  failure?: string;
  /** No final event in the agent's stream (agents.md §2.11 compat mode). */
  compat?: boolean;
}

async function runAgentPhase(
  ex: Executor,
  frame: Frame,
  step: AgentStep,
  path: string,
  rec: StepRecord,
  k: number,
  a: { agent: string; declared: string; prompt: string; agentCwd: string; prevDiff: string; error: string },
): Promise<AgentPhase> {
  const svc = ex.svc;
  const provider = providerOf(a.agent) as Provider;
  const resume = chooseSession(ex, frame, step, path, rec, k, a.agent);
  const retry = k > 1 && step.retry.exit > 1 && rec.sticky.promptEntry === undefined ? retrySection(ex, step, path, k, a, rec) : undefined;
  const contextText = renderContextFile({
    type: step.type,
    stepName: step.name,
    prompt: a.prompt,
    ...(frame.task && step.type === 'code' ? { taskFiles: frame.task.files } : {}),
    ...(step.type === 'code' ? { conventions: readIfExists(join(frame.cwd, '.gump', 'conventions.md')) } : {}),
    ...(step.type === 'split' ? { spec: frame.spec } : {}),
    entries: await buildContext(svc, frame, step, path, k),
    ...(retry ? { retry } : {}),
    resumed: resume !== undefined,
  });
  const contextPath = svc.stub ? PROVIDER_INFO.stub.contextFile : PROVIDER_INFO[provider]?.contextFile;
  const restore = contextPath ? placeContextFile(a.agentCwd, contextPath, contextText) : () => undefined;
  const fullPrompt = `${a.prompt.trimEnd()}\n\n${promptMarkers(step.type, step.name, step.guard.maxTimeMs !== undefined)}\n`;
  svc.trace.line(path, 'running', `(${a.agent})  attempt ${k}${resume ? '  resumed session' : ''}`);
  let result;
  try {
    result = await ex.invoke({
      agent: a.agent,
      prompt: fullPrompt,
      cwd: a.agentCwd,
      stepPath: path,
      guard: step.guard,
      budgets: frame.budgets,
      rawLogFile: join(svc.runDir, 'streams', `${path.replace(/\//g, '__')}.${rec.attemptBase + k}.jsonl`),
      ...(resume ? { resumeSessionId: resume } : {}),
    });
  } finally {
    restore();
  }
  const m = result.metrics;
  const v = svc.state.values;
  if (m) {
    const cost = m.costUsd ?? 0;
    svc.state.spend.cost += cost;
    svc.state.spend.tokensIn += m.tokens.input;
    svc.state.spend.tokensOut += m.tokens.output;
    recordSpend(frame.budgets, { cost, tokensIn: m.tokens.input, tokensOut: m.tokens.output });
    Object.assign(v, {
      [`${path}.session_id`]: m.sessionId ?? '',
      [`${path}.duration`]: String(m.durationMs),
      [`${path}.cost`]: String(round(cost)),
      [`${path}.cost_source`]: m.costSource,
      [`${path}.turns`]: String(m.numTurns ?? 0),
      [`${path}.tokens_in`]: String(m.tokens.input),
      [`${path}.tokens_out`]: String(m.tokens.output),
      [`${path}.cache_read`]: String(m.tokens.cacheRead),
      [`${path}.cache_write`]: String(m.tokens.cacheWrite),
      [`${path}.agent`]: a.agent,
    });
    svc.ledger.emit('agent.finished', {
      step: path,
      attempt: k,
      agent: a.agent,
      session: m.sessionId ?? null,
      exit: m.exitCode,
      turns: m.numTurns ?? 0,
      tokensIn: m.tokens.input,
      tokensOut: m.tokens.output,
      cacheRead: m.tokens.cacheRead,
      cacheWrite: m.tokens.cacheWrite,
      cost: round(cost),
      costSource: m.costSource,
      durationMs: m.durationMs,
    });
  }
  svc.save();
  // Run limits are checked after every attempt too (§17.1): a cost reported only at the end counts.
  const overrun = result.runLimit ?? exceeded(frame.budgets, svc);
  if (overrun) return { fatal: overrun };
  if (result.trip) return { trip: result.trip };
  if (result.failure) return { failure: result.failure };
  if (m?.compat) svc.trace.warn(`${path}: no final event in the agent's stream; judging the attempt by its exit code and diff`);
  return m?.compat ? { compat: true } : {};
}

/** §10 and §9.2: which session the attempt resumes, if any. */
function chooseSession(ex: Executor, frame: Frame, step: AgentStep, path: string, rec: StepRecord, k: number, agent: string): string | undefined {
  const svc = ex.svc;
  if (k === 1) {
    const carried = rec.carriedSession;
    if (carried && providerOf(carried.agent) === providerOf(agent)) return carried.id;
    if (step.session.kind !== 'from') return undefined;
    const id = svc.state.values[stateKeyOf(frame, step.session.step)];
    const fromAgent = svc.state.values[stateKeyOf(frame, { ...step.session.step, field: 'agent' })] ?? '';
    const fresh = (message: string): undefined => {
      svc.trace.warn(`${path}: ${message}`);
      svc.ledger.emit('warning', { step: path, message });
      return undefined;
    };
    if (!id) return fresh(`no session recorded for ${step.session.step.path.join('/')}; starting a fresh session`);
    if (providerOf(fromAgent) !== providerOf(agent)) return fresh(`session of ${fromAgent} cannot be resumed by ${agent} (another provider); starting a fresh session`);
    return id;
  }
  if (rec.sticky.session === 'new') return undefined;
  const prev = svc.state.prev[path] ?? {};
  const prevAgent = rec.agents[String(rec.attemptBase + k - 1)] ?? '';
  if (!prev.session_id || providerOf(prevAgent) !== providerOf(agent)) return undefined;
  return prev.session_id;
}

function retrySection(ex: Executor, step: AgentStep, path: string, k: number, a: { agent: string; declared: string; prevDiff: string; error: string }, rec: StepRecord): RetrySection {
  const cfg = ex.svc.config.errorContext;
  const prev = ex.svc.state.prev[path] ?? {};
  const comments = [prev.output === 'false' ? prev.comments : '', ...Object.entries(prev).filter(([f]) => /^gate\.[^.]+\.comments$/.test(f) && prev[f.replace(/\.comments$/, '')] === 'false').map(([, c]) => c)]
    .filter((c): c is string => !!c && c.trim() !== '')
    .join('\n\n');
  void rec;
  return {
    attempt: k,
    of: step.retry.exit,
    diff: capMiddle(a.prevDiff, cfg.maxDiffChars),
    error: capMiddle(a.error, cfg.maxErrorChars),
    comments,
    ...(a.agent !== a.declared ? { escalatedTo: a.agent } : {}),
  };
}

async function gateAndDecide(ex: Executor, frame: Frame, step: AgentStep, path: string, rec: StepRecord, k: number, preCommit: string): Promise<AttemptResult> {
  const svc = ex.svc;
  let results: GateResult[] = [];
  if (step.gates.length > 0) {
    const files = await changedFiles(frame.cwd, preCommit);
    const attemptDiff = await diff(frame.cwd, preCommit, 'HEAD');
    results = await ex.evaluate(frame, step.gates, {
      path,
      stepType: step.type,
      outDir: keptOutDir(svc.runDir, path, String(rec.attemptBase + k)),
      changedFiles: files,
      attempt: k,
      view: { path, attempt: k, error: '', diff: attemptDiff },
    });
  }
  for (const r of results) svc.ledger.emit('gate.finished', { step: path, attempt: k, gate: r.name, status: r.status, durationMs: r.durationMs });
  Object.assign(svc.state.values, gateStateKeys(path, results, { stepType: step.type }));
  svc.state.values[`${path}.check_result`] = checkResultOf(results);
  const failed = results.filter((r) => r.status === 'fail');
  if (results.length > 0) svc.trace.line(path, 'gate', results.map((r) => `${r.name} ${r.status === 'fail' ? '✗' : '✓'}`).join('  '));
  svc.save();
  if (failed.length > 0) return failAttempt(ex, path, k, failed.map((r) => r.error ?? `gate ${r.name} failed`), new Set(failed.map((r) => r.name)), true);
  return finishPass(ex, step, path, rec, k, false);
}

async function finishPass(ex: Executor, step: AgentStep, path: string, rec: StepRecord, k: number, approved: boolean): Promise<AttemptResult> {
  if (step.hitl === 'after_gate' && !approved) {
    rec.phase = 'waiting-after-gate';
    await ex.waitForApproval(path, 'after_gate', k);
    return { status: 'waiting' };
  }
  ex.svc.ledger.emit('attempt.finished', { step: path, attempt: k, status: 'pass' });
  return { status: 'pass' };
}

function tripped(ex: Executor, path: string, k: number, message: string): AttemptResult {
  ex.svc.state.values[`${path}.status`] = 'guard_failed';
  ex.svc.ledger.emit('guard.tripped', { step: path, attempt: k, message });
  ex.svc.trace.line(path, 'guard', message);
  ex.svc.ledger.emit('attempt.finished', { step: path, attempt: k, status: 'guard_failed', error: message });
  ex.svc.save();
  return { status: 'fail', error: message, failedGates: new Set(), gatesRan: false };
}

function failAttempt(ex: Executor, path: string, k: number, messages: string[], failedGates: Set<string>, gatesRan: boolean): AttemptResult {
  const error = messages.join('\n---\n');
  ex.svc.state.values[`${path}.status`] = 'fail';
  if (!gatesRan) ex.svc.ledger.emit('check.failed', { step: path, attempt: k, error });
  ex.svc.ledger.emit('attempt.finished', { step: path, attempt: k, status: 'fail', error });
  ex.svc.trace.line(path, 'fail', error.split('\n')[0]);
  ex.svc.save();
  return { status: 'fail', error, failedGates, gatesRan };
}

/** Copy of an attempt's `.gump/out/` kept in the run directory (carried across job boundaries). */
function keptOutDir(runDir: string, path: string, global: string): string {
  return join(runDir, 'out', `${path.replace(/\//g, '__')}.${global}`);
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

export { fullPath };
