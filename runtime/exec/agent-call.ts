// Executor: one agent invocation under its guards (language.md §11) and the run limits (§17):
// picks the adapter (the stub in stub mode, §21), counts turns where the CLI cannot, stops the
// agent on max_tokens / max_budget / a run limit, and reports a trip or a failure.

import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { PRICES, type ModelPrice } from '../../protocol/models.js';
import { splitAgentName } from '../../protocol/models.js';
import type { Guard } from '../../protocol/plan.js';
import { cliProviderOf, adapterFor } from '../agents/registry.js';
import { startAgent, type RunResult } from '../agents/spawn.js';
import type { AgentAdapter } from '../agents/types.js';
import { createStubAdapter, stubRequest } from '../stub/adapter.js';
import { exceeded, timeLeft } from './budget.js';
import type { BudgetScope } from './frame.js';
import type { Services } from './services.js';

export interface AgentCall {
  agent: string;
  prompt: string;
  cwd: string;
  stepPath: string;
  guard: Guard;
  budgets: BudgetScope[];
  resumeSessionId?: string;
  rawLogFile: string;
}

export interface AgentCallResult {
  metrics?: RunResult;
  /** Guard trip (§11): retryable. */
  trip?: { guard: string; reason: string };
  /** The attempt failed (crash, non-zero exit, missing CLI): retryable. */
  failure?: string;
  /** A run limit was exhausted while the agent ran: the run is fatal. */
  runLimit?: string;
}

/** The provider of an agent name (§18.1): the text before the first `-`. */
export function providerOf(agent: string): string {
  return splitAgentName(agent).provider;
}

function usesStub(svc: Services, agent: string): boolean {
  return svc.stub || providerOf(agent) === 'stub';
}

function adapterOf(svc: Services, agent: string): AgentAdapter | undefined {
  if (usesStub(svc, agent)) {
    return createStubAdapter({
      runtimeEntry: svc.runtimeEntry,
      scriptPath: svc.stubScript,
      invocationCounter: (path) => {
        const n = (svc.state.stubCalls[path] ?? 0) + 1;
        svc.state.stubCalls[path] = n;
        svc.save();
        return n;
      },
    });
  }
  return cliProviderOf(agent) ? adapterFor(agent) : undefined;
}

export async function callAgent(svc: Services, call: AgentCall): Promise<AgentCallResult> {
  const adapter = adapterOf(svc, call.agent);
  if (!adapter)
    return { failure: `agent "${call.agent}" has no adapter (unknown provider "${providerOf(call.agent)}")` };
  const left = timeLeft(call.budgets, svc);
  const timeoutMs = minDefined(call.guard.maxTimeMs, left === undefined ? undefined : Math.max(1, left));
  const timeoutIsRun = left !== undefined && (call.guard.maxTimeMs === undefined || left < call.guard.maxTimeMs);
  const baseRequest = {
    agent: call.agent,
    prompt: call.prompt,
    cwd: call.cwd,
    stateDir: join(svc.runDir, 'agents', adapter.provider),
    newSessionId: randomUUID(),
    hostEnv: svc.env,
    ...(call.guard.maxTurns !== undefined ? { maxTurns: call.guard.maxTurns } : {}),
    ...(call.guard.maxBudget !== undefined ? { maxBudgetUsd: call.guard.maxBudget } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(call.resumeSessionId !== undefined ? { resumeSessionId: call.resumeSessionId } : {}),
    ...(!usesStub(svc, call.agent) && svc.config.agents?.[adapter.provider]
      ? { endpoint: svc.config.agents[adapter.provider] }
      : {}),
    ...(call.resumeSessionId !== undefined && svc.state.sessionTotals?.[call.resumeSessionId]
      ? { sessionTotals: svc.state.sessionTotals[call.resumeSessionId] }
      : {}),
  };
  const invocationRequest = usesStub(svc, call.agent) ? stubRequest(baseRequest, call.stepPath) : baseRequest;
  let trip: AgentCallResult['trip'];
  let runLimit: string | undefined;
  let turns = 0;
  const countTurns = !['claude', 'qwen'].includes(adapter.provider);
  const run = startAgent({
    adapter,
    request: invocationRequest,
    rawLogFile: call.rawLogFile,
    groupDir: join(svc.runDir, 'agent-groups'),
    ...(svc.graceMs !== undefined ? { graceMs: svc.graceMs } : {}),
    cost: { prices: priceTable(svc) },
    onEvent(ev, live, handle) {
      if (trip || runLimit) return;
      if (ev.kind === 'usage' && ev.turn) turns++;
      if (ev.kind === 'usage') {
        const p = {
          turns: countTurns ? turns : (live.numTurns ?? turns),
          tokensIn: live.tokens.input,
          tokensOut: live.tokens.output,
          cost: live.costUsd ?? 0,
          estimated: live.costSource === 'estimated',
        };
        svc.trace.agent?.(call.stepPath, { phase: 'update', agent: call.agent, ...p });
      }
      const tokens = live.tokens.input + live.tokens.output;
      const g = call.guard;
      if (countTurns && g.maxTurns !== undefined && turns > g.maxTurns)
        trip = { guard: 'max_turns', reason: `${turns} turns, limit ${g.maxTurns}` };
      else if (g.maxTokens !== undefined && tokens > g.maxTokens)
        trip = { guard: 'max_tokens', reason: `${tokens} tokens, limit ${g.maxTokens}` };
      else if (g.maxBudget !== undefined && (live.costUsd ?? 0) > g.maxBudget)
        trip = { guard: 'max_budget', reason: `$${(live.costUsd ?? 0).toFixed(4)}, limit $${g.maxBudget.toFixed(2)}` };
      else runLimit = exceeded(call.budgets, svc, live.costUsd ?? 0, tokens);
      if (trip) handle.abort(`guard ${trip.guard}`);
      else if (runLimit) handle.abort(runLimit);
    },
  });
  const metrics = await run.done;
  if (metrics.sessionTotals && metrics.sessionId) {
    (svc.state.sessionTotals ??= {})[metrics.sessionId] = metrics.sessionTotals;
    svc.save();
  }
  if (runLimit) return { metrics, runLimit };
  if (trip) return { metrics, trip };
  if (metrics.timedOut) {
    if (timeoutIsRun) return { metrics, runLimit: 'timeout: the run passed its max_timeout' };
    return {
      metrics,
      trip: { guard: 'max_time', reason: `still running after ${Math.round((call.guard.maxTimeMs ?? 0) / 1000)}s` },
    };
  }
  if (metrics.limitHit === 'maxTurns')
    return { metrics, trip: { guard: 'max_turns', reason: 'the agent stopped on its turn limit' } };
  if (metrics.limitHit === 'budget')
    return { metrics, trip: { guard: 'max_budget', reason: 'the agent stopped on its budget limit' } };
  if (metrics.failure) return { metrics, failure: metrics.failure };
  if (metrics.isError || (metrics.exitCode !== null && metrics.exitCode !== 0)) {
    // The runner's generic message repeats the exit code this message already gives.
    const why =
      metrics.errorMessage?.replace(/^agent exited with code (?:-?\d+|null)(?:: )?/, '') ||
      metrics.stderrTail.trim().split('\n').slice(-5).join('\n') ||
      'no error output';
    return { metrics, failure: `agent ${call.agent} failed (exit ${metrics.exitCode ?? 'signal'}): ${why}` };
  }
  return { metrics };
}

/** The built-in price table with gump.toml `[prices]` merged over it (§17.2: overrides or extends). */
function priceTable(svc: Services): Record<string, ModelPrice> {
  const out: Record<string, ModelPrice> = { ...PRICES };
  for (const [model, p] of Object.entries(svc.config.prices))
    out[model] = { ...(PRICES[model] ?? { input: 0, output: 0, cache_read: 0, cache_write: 0 }), ...p };
  return out;
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
