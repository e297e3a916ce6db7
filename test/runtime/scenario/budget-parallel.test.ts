// Scenario tests for budgets across parallel branches and job boundaries (language.md §17.1): each
// of n branches may spend 1/n of the remaining budget and tokens (recomputed at each group-retry
// pass), counting only its own spend; the run's limits count the whole run across jobs.

import { describe, expect, it } from 'vitest';
import { runScenario } from './harness.js';

const PAR = (limits: string, retry = '') => `name: par
${limits}steps:
  - name: decompose
    type: split
    parallel: true
    agent: claude-sonnet
    prompt: "Plan"
${retry}    each:
      - { name: impl, type: code, agent: claude-sonnet, prompt: "Do {task.name}" }
`;

const PLAN3 = `  - match: decompose
    plan:
      - { name: t1, description: "one" }
      - { name: t2, description: "two" }
      - { name: t3, description: "three" }
`;

describe('parallel shares (§17.1)', () => {
  it('gives each branch 1/n of the remaining budget, counting only its own spend', async () => {
    const r = await runScenario({
      workflow: PAR('max_budget: 0.3\n'),
      stub: `version: 1
rules:
${PLAN3.replace('    plan:', '    cost: 0.06\n    plan:')}  - match: "decompose/t1/impl"
    write: { "t1.txt": "1\\n" }
    cost: 0.07
  - match: "decompose/t2/impl"
    write: { "t2.txt": "2\\n" }
    turns: 3
    cost: 0.09
    delay: 900ms
  - match: "decompose/t3/impl"
    write: { "t3.txt": "3\\n" }
    cost: 0.05
`,
    });
    expect(r.code).toBe(1);
    // Remaining 0.24 / 3 = 0.08 per branch: t2 crossed it at its third turn; t1 (0.07) and t3 did not,
    // although t1 + t3 + t2's own spend exceed 0.08 together.
    expect(r.state.message).toBe(
      'step decompose/t2/impl: budget_exceeded: run (branch t2, 1/3 share) spent $0.0900 of $0.08',
    );
    expect(r.state.values['decompose/t1/impl.status']).toBe('pass');
    expect(r.state.values['decompose/t3/impl.status']).toBe('pass');
    expect(r.state.values['decompose/t2/impl.status']).toBe('fatal');
    expect(r.events('attempt.finished', 'decompose/t2/impl')[0]).toMatchObject({ status: 'fatal' });
    expect(r.state.values['decompose.status']).toBe('fatal');
    expect(r.events('merge.finished')).toEqual([]);
    expect(r.commits).toEqual([]);
    expect(r.state.spend.cost).toBeCloseTo(0.27, 9);
    expect(r.events('run.finished')[0]).toMatchObject({ status: 'fatal' });
  });

  it('recomputes the shares at each group-retry pass from what remains', async () => {
    const r = await runScenario({
      workflow: PAR('max_budget: 0.3\n', '    retry:\n      - exit: 2\n'),
      stub: `version: 1
rules:
${PLAN3}  - match: "decompose/t1/impl"
    write: { "t1.txt": "1\\n" }
    cost: 0.02
  - match: "decompose/t2/impl"
    attempts:
      - { exit_code: 1, stderr: "flaky", cost: 0.01 }
      - { write: { "t2.txt": "2\\n" }, cost: 0.2, turns: 2 }
  - match: "decompose/t3/impl"
    write: { "t3.txt": "3\\n" }
    cost: 0.02
`,
    });
    // Pass 1: shares of 0.10; pass 2: t2 alone gets all of the remaining 0.25 and spends 0.20.
    expect(r.code).toBe(0);
    expect(r.state.status).toBe('pass');
    expect(r.commits).toEqual(['[gump] merge:decompose branches:t1,t2,t3']);
    expect(r.state.stubCalls['decompose/t2/impl']).toBe(2);
    expect(r.state.values['decompose/t2/impl.cost']).toBe('0.2');
    expect(r.state.spend.cost).toBeCloseTo(0.25, 9);
    // The report keeps both passes' attempt 1 of t2.
    expect(r.report.totals.cost).toBeCloseTo(0.25, 9);
    expect(
      r.report.steps.find((s) => s.step === 'decompose/t2/impl')?.attempts.map((a) => [a.attempt, a.status, a.cost]),
    ).toEqual([
      [1, 'fail', 0.01],
      [1, 'pass', 0.2],
    ]);
  });

  it('splits max_tokens among the children of a parallel group', async () => {
    const r = await runScenario({
      workflow: `name: grp
max_tokens: 100
steps:
  - name: both
    parallel: true
    steps:
      - { name: a, type: code, agent: claude-sonnet, prompt: "A" }
      - { name: b, type: code, agent: claude-sonnet, prompt: "B" }
`,
      stub: `version: 1
rules:
  - match: both/a
    write: { "a.txt": "a\\n" }
    tokens: { in: 20, out: 10 }
  - match: both/b
    write: { "b.txt": "b\\n" }
    tokens: { in: 50, out: 1 }
`,
    });
    expect(r.code).toBe(1);
    expect(r.state.message).toBe('step both/b: tokens_exceeded: run (branch b, 1/2 share) used 51 tokens of 50');
    expect(r.state.values['both/a.status']).toBe('pass');
    expect(r.state.values['both/b.status']).toBe('fatal');
    expect(r.state.values['both.status']).toBe('fatal');
    expect(r.commits).toEqual([]);
  });
});

describe('run limits across job boundaries', () => {
  it('counts the spend of earlier jobs against max_budget (one process per step)', async () => {
    const r = await runScenario({
      isolate: true,
      workflow: `name: jobs
max_budget: 0.1
steps:
  - { name: one, type: code, agent: claude-sonnet, prompt: "One" }
  - { name: two, type: code, agent: claude-sonnet, prompt: "Two" }
`,
      stub: `version: 1
rules:
  - match: one
    write: { "one.txt": "1\\n" }
    cost: 0.06
  - match: two
    write: { "two.txt": "2\\n" }
    cost: 0.06
`,
    });
    expect(r.code).toBe(1);
    expect(r.state.message).toBe('step two: budget_exceeded: run spent $0.1200 of $0.10');
    expect(r.state.values['one.status']).toBe('pass');
    expect(r.state.values['two.status']).toBe('fatal');
    expect(r.commits).toEqual(['[gump] step:one task:- attempt:1']);
  });
});
