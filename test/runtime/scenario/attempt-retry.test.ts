// Scenario tests of the retry policy (language.md §9): exit N is the total number of attempts,
// sticky overrides, a later entry replaces the same key, `not: gate.x`, the prompt override and
// the automatic retry section, agent changes (new session), `worktree: reset`, all attempts failing.
//
// The context file the stub sees (AGENTS.md in stub mode) is removed before the snapshot, so tests
// probe it from inside the attempt: a stub `replace` on AGENTS.md exits 3 ("not found") when the
// text is absent, which fails that attempt with a readable error; when present, the edit is
// discarded with the context file. So "attempt passes" proves presence, "fails with not found"
// proves absence.

import { describe, expect, it } from 'vitest';
import { runScenario } from './harness.js';

const gateOn = (attempts: string) =>
  `bash: case "$GUMP_ATTEMPT" in ${attempts}) exit 0;; *) echo "failed in $GUMP_ATTEMPT" >&2; exit 1;; esac`;

describe('§9.2 attempts and overrides', () => {
  it('exit N is the total number of attempts; all failing is fatal with `all N attempts failed`', async () => {
    const r = await runScenario({
      workflow: `name: r
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement"
    gate: ['${gateOn('9')}']
    retry: [ { exit: 3 } ]
`,
      stub: `version: 1
rules:
  - match: impl
    attempts:
      - write: { "a1.txt": "1\\n" }
      - write: { "a2.txt": "2\\n" }
      - write: { "a3.txt": "3\\n" }
`,
    });
    expect(r.code).toBe(1);
    expect(r.state.status).toBe('fatal');
    expect(r.events('attempt.started', 'impl').map((e) => e.attempt)).toEqual([1, 2, 3]);
    expect(r.events('retry.decided', 'impl').map((e) => e.attempt)).toEqual([2, 3]);
    expect(r.events('step.finished', 'impl')[0]).toMatchObject({
      status: 'fatal',
      message: 'all 3 attempts failed; last error: gate bash_0 failed (exit 1)',
    });
    const v = r.state.values;
    expect(v['impl.status']).toBe('fatal');
    expect(v['impl.attempt']).toBe('3');
    expect(v['impl.retries']).toBe('2');
    expect(v['impl.gate.bash_0']).toBe('false');
    expect(v['impl.gate.bash_0.error']).toBe('gate bash_0 failed (exit 1)\nfailed in 3');
    // Without worktree reset every attempt builds on the previous one.
    expect(r.commits).toEqual([
      '[gump] step:impl task:- attempt:1',
      '[gump] step:impl task:- attempt:2',
      '[gump] step:impl task:- attempt:3',
    ]);
    expect([r.file('a1.txt'), r.file('a2.txt'), r.file('a3.txt')]).toEqual(['1\n', '2\n', '3\n']);
    expect(r.state.message).toContain('all 3 attempts failed');
  });

  it('overrides are sticky, a later entry replaces the same key, `not: gate.x` matches only when x failed in k−1', async () => {
    // Attempt 1 fails bash_1 only: `not: gate.bash_0` does not match, attempt 2 keeps the step agent.
    // Attempt 2 fails bash_0: attempt 3 switches to claude-haiku. Attempt 3 fails bash_1 only: the
    // haiku override stays (sticky). At 4, `attempt: 4` replaces the agent with claude-opus.
    const r = await runScenario({
      workflow: `name: r
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement"
    gate: ['${gateOn('1|3|5')}', '${gateOn('2|5')}']
    retry:
      - { not: gate.bash_0, agent: claude-haiku }
      - { attempt: 4, agent: claude-opus }
      - exit: 5
`,
      stub: 'version: 1\nrules: []\n',
    });
    expect(r.code).toBe(0);
    expect(r.events('agent.finished', 'impl').map((e) => e.agent)).toEqual([
      'claude-sonnet',
      'claude-sonnet',
      'claude-haiku',
      'claude-opus',
      'claude-opus',
    ]);
    expect(r.events('retry.decided', 'impl').map((e) => [e.attempt, e.agent, e.sticky])).toEqual([
      [2, 'claude-sonnet', {}],
      [3, 'claude-haiku', { agentEntry: 0, session: 'new' }],
      [4, 'claude-opus', { agentEntry: 1, session: 'new' }],
      [5, 'claude-opus', { agentEntry: 1, session: 'new' }],
    ]);
    expect(r.state.values['impl.agent']).toBe('claude-opus');
    expect(r.state.values['impl.attempt']).toBe('5');
    expect(r.state.values['impl.status']).toBe('pass');
    expect(r.commits).toEqual([]);
  });

  it('an `attempt: 2` override stays for attempt 3; a gate that did not run never matches `not:`', async () => {
    const r = await runScenario({
      workflow: `name: r
steps:
  - name: impl
    type: artifact
    agent: claude-sonnet
    prompt: "Write"
    gate: ['${gateOn('3')}']
    retry:
      - { not: gate.bash_0, agent: claude-haiku }
      - { attempt: 2, agent: codex-gpt5 }
      - exit: 3
`,
      // Attempt 1 breaks the contract (gates never run): `not: gate.bash_0` cannot match.
      stub: 'version: 1\nrules:\n  - match: impl\n    attempts:\n      - turns: 1\n      - artifact: "x"\n',
    });
    expect(r.code).toBe(0);
    expect(r.events('check.failed', 'impl').map((e) => e.attempt)).toEqual([1]);
    // At 3 both entries match (bash_0 failed in 2): the later one, in declaration order, wins.
    expect(r.events('agent.finished', 'impl').map((e) => e.agent)).toEqual([
      'claude-sonnet',
      'codex-gpt5',
      'codex-gpt5',
    ]);
    expect(r.events('retry.decided', 'impl').map((e) => e.sticky)).toEqual([
      { agentEntry: 1, session: 'new' },
      { agentEntry: 1, session: 'new' },
    ]);
    expect(r.state.values['impl.agent']).toBe('codex-gpt5');
    expect(r.state.values['impl.output']).toBe('x');
  });
});

describe('§9.4 what fails an attempt, what fails the run', () => {
  it('a non-zero agent exit fails the attempt with its stderr; the changes are still committed; the retry runs', async () => {
    const r = await runScenario({
      workflow:
        'name: r\nsteps:\n  - name: impl\n    type: code\n    agent: claude-sonnet\n    prompt: "Go"\n    retry: [ { exit: 2 } ]\n',
      stub: `version: 1
rules:
  - match: impl
    attempts:
      - write: { "half.txt": "half\\n" }
        stderr: "boom: out of ideas\\n"
        exit_code: 2
      - write: { "full.txt": "full\\n" }
`,
    });
    expect(r.code).toBe(0);
    const first = r.events('attempt.finished', 'impl')[0]!;
    expect(first).toMatchObject({ attempt: 1, status: 'fail' });
    expect(first.error).toMatch(/^agent claude-sonnet failed \(exit 2\): .*boom: out of ideas/);
    expect(r.events('check.failed', 'impl').map((e) => e.attempt)).toEqual([1]);
    expect(r.events('agent.finished', 'impl').map((e) => e.exit)).toEqual([2, 0]);
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:1', '[gump] step:impl task:- attempt:2']);
    expect(r.state.prev.impl).toMatchObject({ status: 'fail', files: 'half.txt' });
    expect(r.state.values['impl.files']).toBe('full.txt');
  });

  it('an exhausted run max_budget is fatal at once, whatever retries are left', async () => {
    const r = await runScenario({
      workflow: `name: r
max_budget: 0.05
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Go"
    gate: ["bash: false"]
    retry: [ { exit: 3 } ]
`,
      stub: 'version: 1\nrules:\n  - match: impl\n    write: { "a.txt": "a\\n" }\n    turns: 4\n    delay: 400ms\n    cost: 0.2\n',
    });
    expect(r.code).toBe(1);
    expect(r.state.status).toBe('fatal');
    expect(r.events('attempt.started', 'impl')).toHaveLength(1);
    expect(r.events('retry.decided')).toHaveLength(0);
    expect(r.events('gate.finished')).toHaveLength(0);
    expect(r.state.values['impl.status']).toBe('fatal');
    expect(r.state.message).toMatch(/budget_exceeded: run spent \$0\.1000 of \$0\.05/);
    expect(r.events('run.finished')[0]).toMatchObject({ status: 'fatal' });
    expect(r.state.spend.cost).toBeCloseTo(0.1, 6);
    // The agent was stopped mid-attempt: no snapshot of a run that ends fatal.
    expect(r.commits).toEqual([]);
  });
});

describe('§3 pass steps', () => {
  it('`agent: pass` gives gates a retry loop: no agent runs, attempts and gate keys are recorded', async () => {
    const r = await runScenario({
      workflow: `name: r
steps:
  - name: check
    type: code
    agent: pass
    gate: ['${gateOn('2')}']
    retry: [ { exit: 2 } ]
`,
      stub: 'version: 1\nrules: []\n',
    });
    expect(r.code).toBe(0);
    expect(r.events('agent.finished')).toHaveLength(0);
    expect(r.events('gate.finished', 'check').map((e) => [e.attempt, e.status])).toEqual([
      [1, 'fail'],
      [2, 'pass'],
    ]);
    expect(r.events('retry.decided', 'check')[0]).toMatchObject({ attempt: 2, agent: 'pass', sticky: {} });
    const v = r.state.values;
    expect(v['check.status']).toBe('pass');
    expect(v['check.attempt']).toBe('2');
    expect(v['check.retries']).toBe('1');
    expect(v['check.check_result']).toBe('pass');
    expect(v['check.gate.bash_0']).toBe('true');
    expect(v['check.agent']).toBeUndefined();
    expect(v['check.output']).toBe('');
    expect(r.state.prev.check).toMatchObject({ 'gate.bash_0': 'false', status: 'fail' });
    expect(r.commits).toEqual([]);
  });
});

describe('§9.2 sessions across retries', () => {
  it('without overrides the retry resumes the own session; an agent change starts a new one with a note', async () => {
    const r = await runScenario({
      workflow: `name: r
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement"
    gate: ['${gateOn('3')}']
    retry:
      - { attempt: 3, agent: claude-opus }
      - exit: 3
`,
      stub: 'version: 1\nrules: []\n',
    });
    expect(r.code).toBe(0);
    expect(r.events('agent.finished', 'impl').map((e) => [e.agent, e.session])).toEqual([
      ['claude-sonnet', 'stub-impl-1'],
      ['claude-sonnet', 'stub-impl-1'],
      ['claude-opus', 'stub-impl-3'],
    ]);
    const decided = r.events('retry.decided', 'impl');
    expect(decided[0]!.note).toBeUndefined();
    expect(decided[1]!.note).toBe('agent changed (claude-sonnet → claude-opus), new session');
    expect(r.state.values['impl.session_id']).toBe('stub-impl-3');
    expect(r.output).toMatch(/attempt 2\s+resumed session/);
  });
});

describe('§9.1 validate condition', () => {
  it('renders its `with:` in retry context: `{gate.*}`, `{error}` and `{diff}` describe attempt k−1', async () => {
    const r = await runScenario({
      workflow: `name: r
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement"
    gate: ['${gateOn('2')}']
    retry:
      - validate: validators/judge
        with: { reason: "{gate.bash_0.error}|{error}|{diff}" }
        agent: claude-opus
      - exit: 2
`,
      files: {
        '.gump/validators/judge.yaml':
          'name: judge\nsteps:\n  - name: verdict\n    type: validate\n    agent: claude-haiku\n    prompt: "Judge {reason}"\n',
      },
      stub: `version: 1
rules:
  - match: impl
    write: { "a.txt": "one\\n" }
  - match: "impl/retry/judge/verdict"
    replace: [ { file: AGENTS.md, find: "Judge gate bash_0 failed (exit 1)\\nfailed in 1|gate bash_0 failed (exit 1)\\nfailed in 1|diff --git", with: "" } ]
    validate: { pass: true }
`,
    });
    expect(r.code).toBe(0);
    expect(r.events('agent.finished', 'impl/retry/judge/verdict')).toHaveLength(1);
    expect(r.state.values['impl/retry/judge/verdict.output']).toBe('true');
    expect(r.events('agent.finished', 'impl').map((e) => e.agent)).toEqual(['claude-sonnet', 'claude-opus']);
    expect(r.events('retry.decided', 'impl')[0]).toMatchObject({
      attempt: 2,
      agent: 'claude-opus',
      sticky: { agentEntry: 0, session: 'new' },
    });
    // Attempt 2 writes the same text again: nothing changed, no snapshot commit.
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:1']);
  });
});

describe('§9.3 retry section and prompt override', () => {
  it('attempt ≥ 2 gets the retry section (error, diff, attempts left, escalation); a prompt override disables it', async () => {
    const r = await runScenario({
      workflow: `name: r
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement"
    gate: ['${gateOn('4')}']
    retry:
      - { attempt: 2, agent: claude-opus }
      - { attempt: 3, prompt: "Override prompt, attempt {attempt}" }
      - exit: 4
`,
      stub: `version: 1
rules:
  - match: impl
    attempts:
      - write: { "a.txt": "first\\n" }
      - replace:
          - { file: AGENTS.md, find: "## Previous attempt failed (attempt 2 of 4)", with: "" }
          - { file: AGENTS.md, find: "gate bash_0 failed (exit 1)\\nfailed in 1", with: "" }
          - { file: AGENTS.md, find: "+first", with: "" }
          - { file: AGENTS.md, find: "Attempts left, this one included: 3.", with: "" }
          - { file: AGENTS.md, find: "This attempt runs on claude-opus", with: "" }
          - { file: AGENTS.md, find: "## Your task\\n\\nImplement", with: "" }
      - replace: [ { file: AGENTS.md, find: "Previous attempt failed", with: "" } ]
      - replace: [ { file: AGENTS.md, find: "## Your task\\n\\nOverride prompt, attempt 4", with: "" } ]
`,
    });
    expect(r.code).toBe(0);
    const finished = r.events('attempt.finished', 'impl');
    expect(finished.map((e) => e.status)).toEqual(['fail', 'fail', 'fail', 'pass']);
    // Attempt 2 found every probe (it failed on its gate only); attempt 3 found no retry section.
    expect(finished[1]!.error).toBe('gate bash_0 failed (exit 1)\nfailed in 2');
    expect(finished[2]!.error).toMatch(
      /^agent claude-opus failed \(exit 3\): .*"Previous attempt failed" not found in "AGENTS.md"/,
    );
    expect(r.events('retry.decided', 'impl').map((e) => e.sticky)).toEqual([
      { agentEntry: 0, session: 'new' },
      { agentEntry: 0, session: 'new', promptEntry: 1 },
      { agentEntry: 0, session: 'new', promptEntry: 1 },
    ]);
    expect(r.output).toMatch(/attempt 3 — prompt override/);
    expect(r.state.values['impl.attempt']).toBe('4');
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:1']);
  });

  it('the retry section carries the reviewer comments of a failed verdict', async () => {
    const r = await runScenario({
      workflow:
        'name: r\nsteps:\n  - name: review\n    type: validate\n    agent: claude-sonnet\n    prompt: "Review"\n    retry: [ { exit: 2 } ]\n',
      stub: `version: 1
rules:
  - match: review
    attempts:
      - validate: { pass: false, comments: "needs a changelog entry" }
      - replace: [ { file: AGENTS.md, find: "### Reviewer comments\\n\\nneeds a changelog entry", with: "" } ]
        validate: { pass: true }
`,
    });
    expect(r.code).toBe(0);
    expect(r.events('attempt.finished', 'review').map((e) => e.status)).toEqual(['fail', 'pass']);
    expect(r.state.values['review.output']).toBe('true');
  });
});

describe('§9.1 worktree reset', () => {
  it('`worktree: reset` restores the pre-attempt commit of the failed attempt and deletes untracked files', async () => {
    const r = await runScenario({
      workflow: `name: r
steps:
  - name: base
    type: code
    agent: claude-sonnet
    prompt: "Base"
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement"
    gate: ["bash: touch junk.txt", '${gateOn('2')}']
    retry:
      - { attempt: 2, worktree: reset, session: new }
      - exit: 2
`,
      stub: `version: 1
rules:
  - match: base
    write: { "keep.txt": "kept\\n" }
  - match: impl
    attempts:
      - write: { "first.txt": "attempt 1\\n", "keep.txt": "changed\\n" }
      - write: { "second.txt": "attempt 2\\n" }
`,
    });
    expect(r.code).toBe(0);
    // Attempt 1's commit is gone from the branch; attempt 2 started from base's commit.
    expect(r.commits).toEqual(['[gump] step:base task:- attempt:1', '[gump] step:impl task:- attempt:2']);
    expect(r.file('first.txt')).toBeUndefined();
    expect(r.file('junk.txt')).toBeUndefined();
    expect(r.file('keep.txt')).toBe('kept\n');
    expect(r.file('second.txt')).toBe('attempt 2\n');
    expect(r.state.values['impl.files']).toBe('second.txt');
    expect(r.events('retry.decided', 'impl')[0]).toMatchObject({
      attempt: 2,
      sticky: { worktree: 'reset', session: 'new' },
    });
    expect(r.events('agent.finished', 'impl').map((e) => e.session)).toEqual(['stub-impl-1', 'stub-impl-2']);
  });

  it('without reset the next attempt builds on the failed attempt', async () => {
    const r = await runScenario({
      workflow: `name: r
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement"
    gate: ['${gateOn('2')}']
    retry:
      - { attempt: 2, worktree: keep }
      - exit: 2
`,
      stub: `version: 1
rules:
  - match: impl
    attempts:
      - write: { "first.txt": "attempt 1\\n" }
      - append: { "first.txt": "attempt 2\\n" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:1', '[gump] step:impl task:- attempt:2']);
    expect(r.file('first.txt')).toBe('attempt 1\nattempt 2\n');
    expect(r.state.values['impl.diff']).toContain('+attempt 2');
    expect(r.state.values['impl.diff']).not.toContain('+attempt 1');
  });
});
