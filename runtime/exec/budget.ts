// Run limits (language.md §17.1): root and callee budgets, tokens and deadlines, checked before
// and after every attempt and live while an agent runs. Comparisons are strict (spend > limit).

import type { Limits } from '../../protocol/plan.js';
import type { Spend } from '../state/run-state.js';
import type { CostSource } from '../agents/types.js';
import type { BudgetScope } from './frame.js';
import type { Services } from './services.js';

/**
 * A scope for a workflow's own limits. The root passes the run's spend so far and the run start; a
 * callee starts empty and now (§7.1: its limits apply inside the callee, its timeout from the call).
 * Times are on the clock that excludes approval waits (see `exceeded`).
 */
export function scopeFor(
  label: string,
  limits: Limits,
  svc: Services,
  root?: { spent: Spend; startMs: number },
): BudgetScope {
  const scope: BudgetScope = { label, spent: { ...(root?.spent ?? { cost: 0, tokensIn: 0, tokensOut: 0 }) } };
  const startMs = root?.startMs ?? svc.now() - svc.state.waitedMs;
  if (limits.maxBudget !== undefined) scope.maxBudget = limits.maxBudget;
  if (limits.maxTokens !== undefined) scope.maxTokens = limits.maxTokens;
  if (limits.maxTimeoutMs !== undefined) scope.deadline = startMs + limits.maxTimeoutMs;
  return scope;
}

/**
 * One parallel branch's shares (§17.1): 1/n of what remains of each enclosing budget and token
 * limit, as extra scopes counting only this branch's spend (the enclosing scopes stay in force).
 */
export function branchScopes(scopes: BudgetScope[], n: number, branch: string): BudgetScope[] {
  const shares: BudgetScope[] = [];
  for (const b of scopes) {
    if (b.maxBudget === undefined && b.maxTokens === undefined) continue;
    const share: BudgetScope = {
      label: `${b.label} (branch ${branch}, 1/${n} share)`,
      spent: { cost: 0, tokensIn: 0, tokensOut: 0 },
    };
    if (b.maxBudget !== undefined) share.maxBudget = Math.max(0, b.maxBudget - b.spent.cost) / n;
    if (b.maxTokens !== undefined)
      share.maxTokens = Math.max(0, b.maxTokens - b.spent.tokensIn - b.spent.tokensOut) / n;
    shares.push(share);
  }
  return shares;
}

/** Add an attempt's spend, and where its figures came from, to every scope it ran in. */
export function recordSpend(scopes: BudgetScope[], spend: Spend, source: CostSource): void {
  for (const b of scopes) {
    (b.sources ??= new Set()).add(source);
    b.spent.cost += spend.cost;
    b.spent.tokensIn += spend.tokensIn;
    b.spent.tokensOut += spend.tokensOut;
  }
}

/**
 * A scope's `cost_source` (§15.2): `unknown` if any attempt's cost was unknown, else `estimated` if
 * any was estimated, else `reported` (also when no agent ran: nothing was spent, exactly).
 */
export function scopeCostSource(scope: BudgetScope): CostSource {
  if (scope.sources?.has('unknown')) return 'unknown';
  return scope.sources?.has('estimated') ? 'estimated' : 'reported';
}

/** The first exceeded limit, as the fatal message, given extra live spend not yet recorded. */
export function exceeded(scopes: BudgetScope[], svc: Services, liveCost = 0, liveTokens = 0): string | undefined {
  const now = svc.now() - svc.state.waitedMs;
  for (const b of scopes) {
    const cost = b.spent.cost + liveCost;
    const tokens = b.spent.tokensIn + b.spent.tokensOut + liveTokens;
    if (b.maxBudget !== undefined && cost > b.maxBudget + 1e-9)
      return `budget_exceeded: ${b.label} spent $${cost.toFixed(4)} of $${b.maxBudget.toFixed(2)}`;
    if (b.maxTokens !== undefined && tokens > b.maxTokens)
      return `tokens_exceeded: ${b.label} used ${tokens} tokens of ${b.maxTokens}`;
    if (b.deadline !== undefined && now > b.deadline) return `timeout: ${b.label} passed its max_timeout`;
  }
  return undefined;
}

/** Milliseconds left before the nearest deadline, or undefined. */
export function timeLeft(scopes: BudgetScope[], svc: Services): number | undefined {
  const now = svc.now() - svc.state.waitedMs;
  let left: number | undefined;
  for (const b of scopes) if (b.deadline !== undefined) left = Math.min(left ?? Infinity, b.deadline - now);
  return left;
}
