// Scenario tests for root run limits (language.md §17.1): max_budget, max_tokens and max_timeout,
// checked before every attempt and live during the agent run; strict comparisons; run fatal.

import { describe, expect, it } from 'vitest';
import { continueScenario, runScenario } from './harness.js';

function wf(limits: string, steps: string): string {
  return `name: limited\n${limits}steps:\n${steps}`;
}

const TWO_STEPS = `  - { name: one, type: code, agent: claude-sonnet, prompt: "One" }
  - { name: two, type: code, agent: claude-sonnet, prompt: "Two" }
`;

describe('max_budget (§17.1)', () => {
  it('stops the agent live when the spend crosses the budget: run fatal budget_exceeded, no snapshot', async () => {
    const r = await runScenario({
      workflow: wf('max_budget: 0.25\n', TWO_STEPS),
      stub: `version: 1
rules:
  - match: one
    write: { "one.txt": "1\\n" }
    turns: 6
    cost: 0.6
    delay: 3s
`,
    });
    expect(r.code).toBe(1);
    expect(r.state.status).toBe('fatal');
    expect(r.state.message).toBe('step one: budget_exceeded: run spent $0.3000 of $0.25');
    const agent = r.events('agent.finished', 'one')[0]!;
    // Stopped at the third turn (0.30 > 0.25), well before its 3 s.
    expect(agent.turns).toBe(3);
    expect(Number(agent.durationMs)).toBeLessThan(2500);
    expect(agent.cost).toBeCloseTo(0.3, 9);
    expect(r.events('attempt.finished', 'one')[0]).toMatchObject({ status: 'fatal' });
    expect(r.commits).toEqual([]);
    expect(r.state.values['one.status']).toBe('fatal');
    expect(r.state.values['one.cost']).toBe('0.3');
    expect(r.state.values['two.status']).toBeUndefined();
    expect(r.state.spend.cost).toBeCloseTo(0.3, 9);
    expect(r.events('run.finished')[0]).toMatchObject({ status: 'fatal', cost: 0.3 });
  });

  it('checks the budget after every attempt: a guard trip that overspent ends the run, no attempt 2', async () => {
    const r = await runScenario({
      workflow: wf(
        'max_budget: 0.08\n',
        `  - name: one
    type: code
    agent: claude-sonnet
    prompt: "One"
    guard: { max_budget: 0.05 }
    retry:
      - exit: 3
`,
      ),
      stub: `version: 1
rules:
  - match: one
    write: { "one.txt": "1\\n" }
    turns: 2
    cost: 0.2
    delay: 1s
`,
    });
    expect(r.code).toBe(1);
    // Attempt 1 was stopped by its own guard (retryable) at 0.10 > 0.05, which overspent the run.
    expect(r.events('agent.finished', 'one')[0]).toMatchObject({ turns: 1, cost: 0.1 });
    expect(r.events('attempt.finished', 'one')).toEqual([expect.objectContaining({ attempt: 1, status: 'fatal' })]);
    expect(r.events('attempt.started', 'one').map((e) => e.attempt)).toEqual([1]);
    expect(r.state.message).toBe('step one: budget_exceeded: run spent $0.1000 of $0.08');
    expect(r.state.values['one.status']).toBe('fatal');
    expect(r.state.values['one.attempt']).toBe('1');
    expect(r.commits).toEqual([]);
  });

  it('refuses to start an attempt on resume when the budget is already spent', async () => {
    const first = await runScenario({
      workflow: wf('max_budget: 0.1\n', TWO_STEPS),
      stub: `version: 1
rules:
  - match: one
    write: { "one.txt": "1\\n" }
    cost: 0.08
  - match: two
    turns: 2
    cost: 0.04
`,
    });
    expect(first.code).toBe(1);
    expect(first.state.message).toContain('budget_exceeded: run spent $0.1200 of $0.10');
    const r = await continueScenario(first);
    expect(r.code).toBe(1);
    expect(r.state.message).toBe('step two: budget_exceeded: run spent $0.1200 of $0.10');
    expect(r.events('attempt.started', 'two')).toHaveLength(1);
    expect(r.state.stubCalls.two).toBe(1);
    expect(r.commits).toEqual(['[gump] step:one task:- attempt:1']);
    expect(r.events('run.finished').map((e) => e.status)).toEqual(['fatal', 'fatal']);
  });

  it('compares strictly: spending exactly the budget is allowed', async () => {
    const r = await runScenario({
      workflow: wf('max_budget: 0.3\n', TWO_STEPS),
      stub: `version: 1
rules:
  - match: one
    write: { "one.txt": "1\\n" }
    turns: 3
    cost: 0.2
  - match: two
    write: { "two.txt": "2\\n" }
    cost: 0.1
`,
    });
    expect(r.code).toBe(0);
    expect(r.state.status).toBe('pass');
    expect(r.commits).toEqual(['[gump] step:one task:- attempt:1', '[gump] step:two task:- attempt:1']);
    expect(r.state.spend.cost).toBeCloseTo(0.3, 9);
    expect(r.report.totals.cost).toBeCloseTo(0.3, 9);
  });
});

describe('max_tokens (§17.1)', () => {
  it('allows exactly max_tokens (input + output) and stops the run live beyond it', async () => {
    const r = await runScenario({
      workflow: wf(
        'max_tokens: 1000\n',
        `${TWO_STEPS}  - { name: three, type: code, agent: claude-sonnet, prompt: "Three" }\n`,
      ),
      stub: `version: 1
rules:
  - match: one
    write: { "one.txt": "1\\n" }
    tokens: { in: 800, out: 200, cache_read: 5000 }
  - match: two
    write: { "two.txt": "2\\n" }
  - match: three
    write: { "three.txt": "3\\n" }
    tokens: { in: 1, out: 0 }
`,
    });
    expect(r.code).toBe(1);
    expect(r.state.message).toBe('step three: tokens_exceeded: run used 1001 tokens of 1000');
    expect(r.state.values['two.status']).toBe('pass');
    expect(r.state.values['three.status']).toBe('fatal');
    expect(r.commits).toEqual(['[gump] step:one task:- attempt:1', '[gump] step:two task:- attempt:1']);
    expect(r.events('run.finished')[0]).toMatchObject({ status: 'fatal', tokensIn: 801, tokensOut: 200 });
  });
});

describe('max_timeout (§17.1)', () => {
  it('stops a running agent at the run deadline', async () => {
    const r = await runScenario({
      workflow: wf('max_timeout: 2s\n', TWO_STEPS),
      stub: `version: 1
rules:
  - match: one
    write: { "one.txt": "1\\n" }
    delay: 500ms
  - match: two
    write: { "two.txt": "2\\n" }
    turns: 5
    delay: 6s
`,
    });
    expect(r.code).toBe(1);
    expect(r.state.message).toMatch(/^step two: timeout: /);
    expect(r.state.values['one.status']).toBe('pass');
    expect(r.state.values['two.status']).toBe('fatal');
    expect(Number(r.events('agent.finished', 'two')[0]!.durationMs)).toBeLessThan(4000);
    expect(r.events('attempt.finished', 'two')[0]).toMatchObject({ status: 'fatal' });
    expect(r.commits).toEqual(['[gump] step:one task:- attempt:1']);
  });

  it('checks the deadline before every attempt (time spent in gates counts)', async () => {
    const r = await runScenario({
      workflow: wf(
        'max_timeout: 1s\n',
        `  - name: one
    type: code
    agent: claude-sonnet
    prompt: "One"
    gate: ["bash: sleep 1.5"]
  - { name: two, type: code, agent: claude-sonnet, prompt: "Two" }
`,
      ),
      stub: `version: 1
rules:
  - match: one
    write: { "one.txt": "1\\n" }
`,
    });
    expect(r.code).toBe(1);
    expect(r.state.message).toBe('step two: timeout: run passed its max_timeout');
    expect(r.state.values['one.status']).toBe('pass');
    expect(r.state.values['two.status']).toBe('fatal');
    expect(r.events('attempt.started', 'two')).toEqual([]);
    expect(r.state.stubCalls.two).toBeUndefined();
    expect(r.commits).toEqual(['[gump] step:one task:- attempt:1']);
  });
});
