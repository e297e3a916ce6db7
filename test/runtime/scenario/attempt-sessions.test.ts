// Scenario tests of sessions (language.md §10): `session: {from: x}` resumes x's session on attempt
// 1 (the stub echoes the resumed id), retries resume the step's own session, a sticky
// `session: new` gives every later attempt a fresh one, different providers → fresh session + warning.

import { describe, expect, it } from 'vitest';
import { runScenario } from './harness.js';

const gateOn = (attempts: string) => `bash: case "$GUMP_ATTEMPT" in ${attempts}) exit 0;; *) exit 1;; esac`;

describe('§10 sessions', () => {
  it('`session: {from: x}` resumes x on attempt 1, with the transition paragraph; retries resume the own session', async () => {
    const r = await runScenario({
      workflow: `name: s
steps:
  - name: red
    type: code
    agent: claude-sonnet
    prompt: "Write tests"
  - name: green
    type: code
    agent: claude-haiku
    prompt: "Make them pass"
    session: { from: red }
    gate: ['${gateOn('2')}']
    retry: [ { exit: 2 } ]
`,
      stub: `version: 1
rules:
  - match: red
    write: { "t.test.ts": "test\\n" }
  - match: green
    replace: [ { file: AGENTS.md, find: "You are continuing an earlier session.", with: "" } ]
    append: { "impl.ts": "x\\n" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.events('agent.finished', 'red').map((e) => e.session)).toEqual(['stub-red-1']);
    // Both attempts of green run in red's session: attempt 1 resumes it, attempt 2 resumes green's own.
    expect(r.events('agent.finished', 'green').map((e) => [e.attempt, e.agent, e.session])).toEqual([
      [1, 'claude-haiku', 'stub-red-1'],
      [2, 'claude-haiku', 'stub-red-1'],
    ]);
    expect(r.state.values['green.session_id']).toBe('stub-red-1');
    expect(r.state.values['red.session_id']).toBe('stub-red-1');
    expect(r.output).toMatch(/\[green\][^\n]*attempt 1\s+resumed session/);
    expect(r.commits).toEqual([
      '[gump] step:red task:- attempt:1',
      '[gump] step:green task:- attempt:1',
      '[gump] step:green task:- attempt:2',
    ]);
    expect(r.file('impl.ts')).toBe('x\nx\n');
  });

  it('a sticky `session: new` gives every later attempt a fresh session', async () => {
    // Attempt 1 fails bash_0 (session: new for 2); attempt 2 fails bash_1 only: the override stays.
    const r = await runScenario({
      workflow: `name: s
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement"
    gate: ['${gateOn('2|3')}', '${gateOn('3')}']
    retry:
      - { not: gate.bash_0, session: new }
      - exit: 3
`,
      stub: 'version: 1\nrules: []\n',
    });
    expect(r.code).toBe(0);
    expect(r.events('agent.finished', 'impl').map((e) => e.session)).toEqual([
      'stub-impl-1',
      'stub-impl-2',
      'stub-impl-3',
    ]);
    expect(r.events('retry.decided', 'impl').map((e) => e.sticky)).toEqual([{ session: 'new' }, { session: 'new' }]);
    // No agent change: no note.
    expect(r.events('retry.decided', 'impl').map((e) => e.note)).toEqual([undefined, undefined]);
    expect(r.state.values['impl.session_id']).toBe('stub-impl-3');
    expect(r.output).not.toMatch(/resumed session/);
  });

  it('`session: {from: x}` across providers starts a fresh session with a warning', async () => {
    const r = await runScenario({
      workflow: `name: s
steps:
  - name: red
    type: code
    agent: claude-sonnet
    prompt: "Write tests"
  - name: green
    type: code
    agent: codex
    prompt: "Make them pass"
    session: { from: red }
`,
      stub: `version: 1
rules:
  - match: green
    replace: [ { file: AGENTS.md, find: "You are continuing an earlier session.", with: "" } ]
`,
    });
    // The context file of a fresh session has no transition paragraph: the probe fails the attempt.
    expect(r.code).toBe(1);
    expect(r.events('agent.finished', 'green').map((e) => e.session)).toEqual(['stub-green-1']);
    expect(r.state.values['green.session_id']).toBe('stub-green-1');
    expect(r.output).toMatch(/warning: green: session of claude-sonnet cannot be resumed by codex/);
    expect(r.events('warning', 'green').map((e) => e.message)).toEqual([
      expect.stringContaining('cannot be resumed by codex'),
    ]);
    expect(r.events('attempt.finished', 'green')[0]!.error).toMatch(/not found in "AGENTS.md"/);
    expect(r.commits).toEqual([]);
  });

  it('same provider, different model: the session is shared', async () => {
    const r = await runScenario({
      workflow: `name: s
steps:
  - name: red
    type: validate
    agent: claude-opus
    prompt: "Assess"
  - name: green
    type: code
    agent: claude-haiku
    prompt: "Go"
    session: { from: red }
`,
      stub: 'version: 1\nrules:\n  - match: red\n    validate: { pass: true }\n',
    });
    expect(r.code).toBe(0);
    expect(r.events('agent.finished', 'green')[0]).toMatchObject({ agent: 'claude-haiku', session: 'stub-red-1' });
    expect(r.events('warning')).toHaveLength(0);
  });
});
