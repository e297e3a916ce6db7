// Scenario tests for cost sources (language.md §17.2, §21): a stub `cost` is reported; without it the
// cost is estimated from tokens × the price table (the stub's price is 0, `[prices]` overrides it);
// state, ledger and report show the source, and estimated costs count toward the budget.

import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../runtime/run/report.js';
import { runScenario } from './harness.js';

const TWO = `name: costs
steps:
  - { name: one, type: code, agent: claude-sonnet, prompt: "One" }
  - { name: two, type: code, agent: claude-haiku, prompt: "Two" }
`;

const STUB = `version: 1
rules:
  - match: one
    write: { "one.txt": "1\\n" }
    tokens: { in: 2000, out: 300 }
    cost: 0.02
  - match: two
    write: { "two.txt": "2\\n" }
    tokens: { in: 1000, out: 100 }
`;

describe('cost sources (§17.2)', () => {
  it('reports a scripted cost as reported and a stub without cost as estimated at price 0', async () => {
    const r = await runScenario({ workflow: TWO, stub: STUB });
    expect(r.code).toBe(0);
    expect(r.commits).toEqual(['[gump] step:one task:- attempt:1', '[gump] step:two task:- attempt:1']);
    const v = r.state.values;
    expect(v['one.cost']).toBe('0.02');
    expect(v['one.cost_source']).toBe('reported');
    expect(v['two.cost']).toBe('0');
    expect(v['two.cost_source']).toBe('estimated');
    expect(v['two.tokens_in']).toBe('1000');
    expect(v['two.tokens_out']).toBe('100');
    expect(r.events('agent.finished', 'two')[0]).toMatchObject({
      cost: 0,
      costSource: 'estimated',
      tokensIn: 1000,
      tokensOut: 100,
    });
    expect(r.report.steps.find((s) => s.step === 'two')?.attempts[0]).toMatchObject({
      cost: 0,
      costSource: 'estimated',
    });
    expect(r.report.totals).toMatchObject({
      cost: 0.02,
      costSources: ['estimated', 'reported'],
      tokensIn: 3000,
      tokensOut: 400,
    });
    const text = renderReport(r.report, 'text');
    expect(text).toContain('$0.00 (est.)');
    expect(text).toContain('(partly estimated)');
    expect(r.events('run.finished')[0]).toMatchObject({ cost: 0.02, tokensIn: 3000, tokensOut: 400 });
  });

  it('estimates with [prices] from gump.toml, and estimated cost counts toward max_budget live', async () => {
    const toml = '[prices.stub]\ninput = 10\noutput = 20\n';
    const ok = await runScenario({ workflow: TWO, stub: STUB, files: { 'gump.toml': toml } });
    expect(ok.code).toBe(0);
    // 1000 × 10 + 100 × 20 per million tokens.
    expect(ok.state.values['two.cost']).toBe('0.012');
    expect(ok.state.values['two.cost_source']).toBe('estimated');
    expect(ok.state.values['one.cost_source']).toBe('reported');
    expect(ok.report.totals.cost).toBeCloseTo(0.032, 9);

    const capped = await runScenario({
      workflow: TWO.replace('steps:', 'max_budget: 0.03\nsteps:'),
      stub: STUB.replace('    tokens: { in: 1000, out: 100 }\n', '    tokens: { in: 1000, out: 100 }\n    turns: 2\n'),
      files: { 'gump.toml': toml },
    });
    expect(capped.code).toBe(1);
    expect(capped.state.message).toBe('step two: budget_exceeded: run spent $0.0320 of $0.03');
    expect(capped.events('agent.finished', 'two')[0]).toMatchObject({ turns: 2, costSource: 'estimated' });
    expect(capped.commits).toEqual(['[gump] step:one task:- attempt:1']);
  });
});
