// A call's `cost_source` (language.md §15.2) from the attempts that ran inside it (runtime/exec/budget.ts).

import { describe, expect, it } from 'vitest';
import { recordSpend, scopeCostSource } from '../../../runtime/exec/budget.js';
import type { BudgetScope } from '../../../runtime/exec/frame.js';

const spend = { cost: 0.01, tokensIn: 10, tokensOut: 5 };
const scope = (): BudgetScope => ({ label: 'call', spent: { cost: 0, tokensIn: 0, tokensOut: 0 } });

describe('a scope’s cost source', () => {
  it('is reported when every attempt was, and when nothing ran', () => {
    const s = scope();
    expect(scopeCostSource(s)).toBe('reported');
    recordSpend([s], spend, 'reported');
    recordSpend([s], spend, 'reported');
    expect(scopeCostSource(s)).toBe('reported');
  });

  it('is estimated when one attempt was estimated, unknown when one was unknown', () => {
    const s = scope();
    recordSpend([s], spend, 'reported');
    recordSpend([s], spend, 'estimated');
    expect(scopeCostSource(s)).toBe('estimated');
    recordSpend([s], spend, 'unknown');
    recordSpend([s], spend, 'reported');
    expect(scopeCostSource(s)).toBe('unknown');
  });

  it('is kept per scope: an enclosing scope sees every attempt, a sibling only its own', () => {
    const outer = scope();
    const a = scope();
    const b = scope();
    recordSpend([outer, a], spend, 'estimated');
    recordSpend([outer, b], spend, 'reported');
    expect([scopeCostSource(outer), scopeCostSource(a), scopeCostSource(b)]).toEqual([
      'estimated',
      'estimated',
      'reported',
    ]);
  });
});
