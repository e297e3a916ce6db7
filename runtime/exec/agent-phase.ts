// Executor: the RUN phase of an attempt (language.md §1.1 phase 2–3, §10, §16, §9.3): which session
// to resume, the provider context file with the retry section, the agent call under its guards, and
// the metrics it leaves in the state, the spend and the ledger.

import { join } from 'node:path';
import { PROVIDER_INFO, type Provider } from '../../protocol/models.js';
import type { AgentStep } from '../../protocol/plan.js';
import { stateKey } from '../../protocol/state-keys.js';
import { capMiddle } from '../gates/error-context.js';
import type { StepRecord } from '../state/run-state.js';
import { callAgent, providerOf, type AgentCallResult } from './agent-call.js';
import { exceeded, recordSpend } from './budget.js';
import { buildContext } from './context-entries.js';
import { placeContextFile, promptMarkers, readIfExists, renderContextFile, type RetrySection } from './context-file.js';
import { stateKeyOf, type Frame } from './frame.js';
import type { Executor } from './executor.js';

export interface AgentPhase {
  fatal?: string;
  trip?: { guard: string; reason: string };
  failure?: string;
  /** No final event in the agent's stream (agents.md §2.11 compat mode). */
  compat?: boolean;
}

export async function runAgentPhase(
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
  const retry =
    k > 1 && step.retry.exit > 1 && rec.sticky.promptEntry === undefined
      ? retrySection(ex, step, path, k, a, rec)
      : undefined;
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
  svc.trace.agent?.(path, {
    phase: 'start',
    agent: a.agent,
    turns: 0,
    tokensIn: 0,
    tokensOut: 0,
    cost: 0,
    estimated: false,
  });
  let result: AgentCallResult;
  try {
    result = await callAgent(svc, {
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
  svc.trace.agent?.(path, {
    phase: 'end',
    agent: a.agent,
    turns: m?.numTurns ?? 0,
    tokensIn: m?.tokens.input ?? 0,
    tokensOut: m?.tokens.output ?? 0,
    cost: m?.costUsd ?? 0,
    estimated: m?.costSource === 'estimated',
  });
  if (m) {
    const cost = m.costUsd ?? 0;
    svc.state.spend.cost += cost;
    svc.state.spend.tokensIn += m.tokens.input;
    svc.state.spend.tokensOut += m.tokens.output;
    recordSpend(frame.budgets, { cost, tokensIn: m.tokens.input, tokensOut: m.tokens.output }, m.costSource);
    Object.assign(v, {
      [stateKey(path, 'session_id')]: m.sessionId ?? '',
      [stateKey(path, 'duration')]: String(m.durationMs),
      [stateKey(path, 'cost')]: String(round(cost)),
      [stateKey(path, 'cost_source')]: m.costSource,
      [stateKey(path, 'turns')]: String(m.numTurns ?? 0),
      [stateKey(path, 'tokens_in')]: String(m.tokens.input),
      [stateKey(path, 'tokens_out')]: String(m.tokens.output),
      [stateKey(path, 'cache_read')]: String(m.tokens.cacheRead),
      [stateKey(path, 'cache_write')]: String(m.tokens.cacheWrite),
      [stateKey(path, 'agent')]: a.agent,
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
  if (m?.compat)
    svc.trace.warn(`${path}: no final event in the agent's stream; judging the attempt by its exit code and diff`);
  return m?.compat ? { compat: true } : {};
}

/** §10 and §9.2: which session the attempt resumes, if any. */
function chooseSession(
  ex: Executor,
  frame: Frame,
  step: AgentStep,
  path: string,
  rec: StepRecord,
  k: number,
  agent: string,
): string | undefined {
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
    if (providerOf(fromAgent) !== providerOf(agent))
      return fresh(
        `session of ${fromAgent} cannot be resumed by ${agent} (another provider); starting a fresh session`,
      );
    return id;
  }
  if (rec.sticky.session === 'new') return undefined;
  const prev = svc.state.prev[path] ?? {};
  const prevAgent = rec.agents[String(rec.attemptBase + k - 1)] ?? '';
  if (!prev.session_id || providerOf(prevAgent) !== providerOf(agent)) return undefined;
  return prev.session_id;
}

function retrySection(
  ex: Executor,
  step: AgentStep,
  path: string,
  k: number,
  a: { agent: string; declared: string; prevDiff: string; error: string },
  rec: StepRecord,
): RetrySection {
  const cfg = ex.svc.config.errorContext;
  const prev = ex.svc.state.prev[path] ?? {};
  const comments = [
    prev.output === 'false' ? prev.comments : '',
    ...Object.entries(prev)
      .filter(([f]) => /^gate\.[^.]+\.comments$/.test(f) && prev[f.replace(/\.comments$/, '')] === 'false')
      .map(([, c]) => c),
  ]
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

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
