// Scenario tests of the stub agent's rule selection (language.md §21): a rule's `agent:` filter
// compares with the effective agent after an escalation, the invocation count is per step path and
// spans retries (whatever rule answers) and group-retry passes, the last entry is reused beyond
// the list, and no matching rule means one turn, no change, exit 0.

import { describe, expect, it } from 'vitest';
import { runScenario } from './harness.js';

describe('§21 stub rules', () => {
  it('`agent:` matches the effective agent after an escalation; the count spans retries across rules', async () => {
    const r = await runScenario({
      workflow: `name: s
steps:
  - name: impl
    type: code
    agent: claude-haiku
    prompt: "Implement"
    gate: ["bash: test -f fixed.txt"]
    retry:
      - { attempt: 3, agent: claude-opus }
      - exit: 4
`,
      stub: `version: 1
rules:
  - match: impl
    agent: claude-opus
    attempts:
      - write: { "never.txt": "entry 1 of the opus rule is never used\\n" }
      - write: { "never.txt": "nor entry 2\\n" }
      - write: { "fixed.txt": "opus, invocation 3\\n" }
  - match: impl
    attempts:
      - write: { "h1.txt": "haiku 1\\n" }
      - write: { "h2.txt": "haiku 2\\n" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.events('agent.finished', 'impl').map((e) => e.agent)).toEqual([
      'claude-haiku',
      'claude-haiku',
      'claude-opus',
    ]);
    expect(r.state.stubCalls.impl).toBe(3);
    expect(r.commits).toEqual([
      '[gump] step:impl task:- attempt:1',
      '[gump] step:impl task:- attempt:2',
      '[gump] step:impl task:- attempt:3',
    ]);
    expect(r.file('fixed.txt')).toBe('opus, invocation 3\n');
    expect(r.file('never.txt')).toBeUndefined();
    expect(r.state.values['impl.files']).toBe('fixed.txt');
    expect(r.state.values['impl.agent']).toBe('claude-opus');
  });

  it('beyond the list the last entry is reused; no matching rule is one turn, no change, exit 0', async () => {
    const r = await runScenario({
      workflow: `name: s
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement"
    gate: ["bash: test \\"$GUMP_ATTEMPT\\" = 3"]
    retry: [ { exit: 3 } ]
  - name: idle
    type: code
    agent: claude-sonnet
    prompt: "Nothing scripted"
`,
      stub: `version: 1
rules:
  - match: impl
    attempts:
      - append: { "log.txt": "first\\n" }
      - append: { "log.txt": "again\\n" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.file('log.txt')).toBe('first\nagain\nagain\n');
    expect(r.state.values['idle.turns']).toBe('1');
    expect(r.state.values['idle.files']).toBe('');
    expect(r.state.values['idle.status']).toBe('pass');
    expect(r.events('agent.finished', 'idle')[0]).toMatchObject({ exit: 0, turns: 1 });
    expect(r.commits).toEqual([
      '[gump] step:impl task:- attempt:1',
      '[gump] step:impl task:- attempt:2',
      '[gump] step:impl task:- attempt:3',
    ]);
  });

  it('the invocation count spans group-retry passes of a split (attempt counters restart at 1)', async () => {
    const r = await runScenario({
      workflow: `name: s
steps:
  - name: plan
    type: split
    agent: claude-sonnet
    prompt: "Plan"
    retry: [ { exit: 2 } ]
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Do {task.name}"
        gate: ["bash: test -f ok.txt"]
`,
      stub: `version: 1
rules:
  - match: plan
    plan: [ { name: t1, description: "one" } ]
  - match: "plan/*/impl"
    attempts:
      - write: { "try.txt": "1\\n" }
      - write: { "ok.txt": "2\\n" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.state.stubCalls['plan/t1/impl']).toBe(2);
    expect(r.events('attempt.started', 'plan/t1/impl').map((e) => e.attempt)).toEqual([1, 1]);
    expect(r.state.values['plan/t1/impl.attempt']).toBe('1');
    expect(r.state.values['plan/t1/impl.status']).toBe('pass');
    expect(r.events('agent.finished', 'plan')).toHaveLength(1);
    expect(r.commits).toEqual(['[gump] step:impl task:t1 attempt:1', '[gump] step:impl task:t1 attempt:1']);
    expect(r.file('ok.txt')).toBe('2\n');
  });
});
