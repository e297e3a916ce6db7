// Run limits (language.md §17.1): root and callee budgets, tokens and deadlines, checked before
// and after every attempt and live while an agent runs. Comparisons are strict (spend > limit).

import type { Limits } from '../../protocol/plan.js';
import type { BudgetScope } from './frame.js';
import type { Services } from './services.js';

export function scopeFor(label: string, limits: Limits, svc: Services, share = 1): BudgetScope {
  const s = svc.state.spend;
  const scope: BudgetScope = { label, costAtStart: s.cost, tokensAtStart: s.tokensIn + s.tokensOut };
  if (limits.maxBudget !== undefined) scope.maxBudget = limits.maxBudget * share;
  if (limits.maxTokens !== undefined) scope.maxTokens = Math.floor(limits.maxTokens * share);
  if (limits.maxTimeoutMs !== undefined) scope.deadline = Date.parse(svc.state.startedAt) + limits.maxTimeoutMs;
  return scope;
}

/** A parallel branch's share of what remains of each enclosing scope (§17.1). */
export function branchScopes(scopes: BudgetScope[], n: number, svc: Services): BudgetScope[] {
  const s = svc.state.spend;
  return scopes.map((b) => {
    const spentCost = s.cost - b.costAtStart;
    const spentTokens = s.tokensIn + s.tokensOut - b.tokensAtStart;
    const share: BudgetScope = { ...b, costAtStart: s.cost, tokensAtStart: s.tokensIn + s.tokensOut };
    if (b.maxBudget !== undefined) share.maxBudget = Math.max(0, b.maxBudget - spentCost) / n;
    if (b.maxTokens !== undefined) share.maxTokens = Math.max(0, b.maxTokens - spentTokens) / n;
    return share;
  });
}

/** The first exceeded limit, as the fatal message, given extra live spend not yet recorded. */
export function exceeded(scopes: BudgetScope[], svc: Services, liveCost = 0, liveTokens = 0): string | undefined {
  const s = svc.state.spend;
  const now = svc.now() - svc.state.waitedMs;
  for (const b of scopes) {
    const cost = s.cost + liveCost - b.costAtStart;
    const tokens = s.tokensIn + s.tokensOut + liveTokens - b.tokensAtStart;
    if (b.maxBudget !== undefined && cost > b.maxBudget + 1e-9) return `budget_exceeded: ${b.label} spent $${cost.toFixed(4)} of $${b.maxBudget.toFixed(2)}`;
    if (b.maxTokens !== undefined && tokens > b.maxTokens) return `tokens_exceeded: ${b.label} used ${tokens} tokens of ${b.maxTokens}`;
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
