// Scenario tests of approval points (language.md §12): before_gate stops the run `waiting` (exit 3)
// and approve continues to the gates, reject aborts (a resume waits at the same point again),
// after_gate on a pass and after a failing attempt with attempts left, and waiting time is
// excluded from max_timeout.

import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { decide, type Decision } from '../../../runtime/run/approval.js';
import { openRun } from '../../../runtime/run/open.js';
import { createTrace } from '../../../runtime/run/trace.js';
import { runtimeBundle } from '../../../src/local/runs.js';
import { continueScenario, inspect, runScenario, type ScenarioResult } from './harness.js';

function answer(r: ScenarioResult, decision: Decision, now?: () => number): void {
  const problem = decide(
    openRun(r.worktree, {
      trace: createTrace(() => undefined),
      runtimeEntry: runtimeBundle(),
      ...(now ? { now } : {}),
    }),
    decision,
  );
  expect(problem).toBe('');
}

const gateOn = (attempts: string) => `bash: case "$GUMP_ATTEMPT" in ${attempts}) exit 0;; *) exit 1;; esac`;

describe('§12 before_gate', () => {
  it('waits after RUN and the checks; approve runs the gates, which see commits pushed while waiting', async () => {
    const r = await runScenario({
      workflow: `name: h
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement"
    hitl: before_gate
    gate: ["bash: test -f reviewed.txt", "touched: reviewed.txt"]
`,
      stub: 'version: 1\nrules:\n  - match: impl\n    write: { "a.txt": "a\\n" }\n',
    });
    expect(r.code).toBe(3);
    expect(r.state.status).toBe('waiting');
    expect(r.state.waiting).toMatchObject({ step: 'impl', point: 'before_gate', attempt: 1 });
    expect(r.events('approval.waiting', 'impl')).toEqual([
      expect.objectContaining({ attempt: 1, point: 'before_gate' }),
    ]);
    expect(r.events('gate.finished')).toHaveLength(0);
    expect(r.events('run.finished')).toHaveLength(0);
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:1']);
    expect(r.state.values['impl.files']).toBe('a.txt');
    expect(r.state.values['impl.gate.bash_0']).toBeUndefined();
    expect(r.state.values['impl.status']).toBeUndefined();

    // A reviewer pushes a commit to the run branch while the run waits.
    writeFileSync(join(r.worktree, 'reviewed.txt'), 'ok\n');
    execFileSync('git', ['add', 'reviewed.txt'], { cwd: r.worktree });
    execFileSync('git', ['commit', '-q', '-m', 'review fix'], { cwd: r.worktree });

    answer(r, 'approve');
    const c = await continueScenario(r);
    expect(c.code).toBe(0);
    expect(c.state.status).toBe('pass');
    expect(c.events('approval.decided', 'impl')).toEqual([
      expect.objectContaining({ decision: 'approve', point: 'before_gate', attempt: 1 }),
    ]);
    expect(c.events('gate.finished', 'impl').map((e) => [e.attempt, e.gate, e.status])).toEqual([
      [1, 'bash_0', 'pass'],
      [1, 'touched_1', 'pass'],
    ]);
    expect(c.events('agent.finished', 'impl')).toHaveLength(1);
    expect(c.state.values['impl.status']).toBe('pass');
    expect(c.state.values['impl.attempt']).toBe('1');
    expect(c.state.values['impl.check_result']).toBe('pass');
    expect(c.commits).toEqual(['[gump] step:impl task:- attempt:1', 'review fix']);
    expect(c.events('run.finished')).toEqual([expect.objectContaining({ status: 'pass' })]);
  });

  it('reject ends the run `aborted`; resuming waits at the same point again; a pass step gets a real approval point', async () => {
    const r = await runScenario({
      workflow: `name: h
steps:
  - name: check
    type: code
    agent: pass
    hitl: before_gate
    gate: ["bash: true"]
`,
      stub: 'version: 1\nrules: []\n',
    });
    expect(r.code).toBe(3);
    expect(r.state.waiting).toMatchObject({ step: 'check', point: 'before_gate', attempt: 1 });
    expect(r.events('agent.finished')).toHaveLength(0);
    answer(r, 'reject');
    const rejected = inspect(r.repo, r.worktree, r.runId, 4, '');
    expect(rejected.state.status).toBe('aborted');
    expect(rejected.state.message).toBe('rejected at before gate of check');
    expect(rejected.events('approval.decided', 'check')).toEqual([expect.objectContaining({ decision: 'reject' })]);
    expect(rejected.events('run.finished')).toEqual([expect.objectContaining({ status: 'aborted' })]);
    expect(rejected.events('gate.finished')).toHaveLength(0);

    const resumed = await continueScenario(r);
    expect(resumed.code).toBe(3);
    expect(resumed.state.status).toBe('waiting');
    expect(resumed.state.waiting).toMatchObject({ step: 'check', point: 'before_gate', attempt: 1 });
    answer(resumed, 'approve');
    const done = await continueScenario(r);
    expect(done.code).toBe(0);
    expect(done.state.values['check.gate.bash_0']).toBe('true');
    expect(done.state.values['check.status']).toBe('pass');
    expect(done.commits).toEqual([]);
  });
});

describe('§12 no approval point for failures before the gate', () => {
  it('a check failure skips before_gate and after_gate; the next attempt reaches them', async () => {
    const r = await runScenario({
      workflow: `name: h
steps:
  - name: notes
    type: artifact
    agent: claude-sonnet
    prompt: "Notes"
    hitl: before_gate
    gate: ["bash: true"]
    retry: [ { exit: 2 } ]
  - name: more
    type: artifact
    agent: claude-sonnet
    prompt: "More"
    hitl: after_gate
    gate: ["bash: true"]
    retry: [ { exit: 2 } ]
`,
      stub: `version: 1
rules:
  - match: notes
    attempts:
      - turns: 1
      - artifact: "n"
  - match: more
    attempts:
      - turns: 1
      - artifact: "m"
`,
    });
    expect(r.code).toBe(3);
    expect(r.events('approval.waiting').map((e) => [e.step, e.attempt, e.point])).toEqual([
      ['notes', 2, 'before_gate'],
    ]);
    expect(r.events('check.failed', 'notes').map((e) => [e.attempt, e.error])).toEqual([
      [1, 'artifact.txt is missing'],
    ]);
    answer(r, 'approve');
    const c = await continueScenario(r);
    expect(c.code).toBe(3);
    expect(c.events('approval.waiting').map((e) => [e.step, e.attempt, e.point])).toEqual([
      ['notes', 2, 'before_gate'],
      ['more', 2, 'after_gate'],
    ]);
    expect(c.events('check.failed', 'more').map((e) => e.attempt)).toEqual([1]);
    expect(c.state.values['notes.status']).toBe('pass');
    expect(c.state.values['notes.output']).toBe('n');
    answer(c, 'approve');
    const d = await continueScenario(r);
    expect(d.code).toBe(0);
    expect(d.state.values['more.status']).toBe('pass');
    expect(d.state.values['more.attempt']).toBe('2');
    expect(d.commits).toEqual([]);
  });
});

describe('§12 approval points across job boundaries', () => {
  it('the gates after a before_gate approval still see the typed output when the next job starts from a fresh checkout', async () => {
    const r = await runScenario({
      workflow: `name: h
steps:
  - name: review
    type: validate
    agent: claude-sonnet
    prompt: "Review"
    hitl: before_gate
    gate: [schema, "schema: review"]
  - name: plan
    type: split
    agent: claude-sonnet
    prompt: "Plan"
    worktree: none
    hitl: before_gate
    gate: ["schema: plan"]
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Do {task.name}"
`,
      stub: `version: 1
rules:
  - match: review
    validate: { pass: true, comments: "fine" }
  - match: plan
    plan: [ { name: t1, description: "one" } ]
  - match: "plan/*/impl"
    write: { "t1.txt": "1\\n" }
`,
      isolate: true,
    });
    expect(r.code).toBe(3);
    expect(r.state.waiting).toMatchObject({ step: 'review', point: 'before_gate' });
    // A CI job after the approval starts from a fresh checkout: nothing outside the run directory survives.
    const fresh = (): void => {
      rmSync(join(r.worktree, '.gump', 'out'), { recursive: true, force: true });
      rmSync(join(r.worktree, '.gump', 'run', 'tmp'), { recursive: true, force: true });
    };
    fresh();
    answer(r, 'approve');
    const c = await continueScenario(r, { isolate: true });
    expect(c.code).toBe(3);
    expect(c.state.waiting).toMatchObject({ step: 'plan', point: 'before_gate' });
    expect(c.state.values['review.gate.schema']).toBe('true');
    expect(c.state.values['review.gate.schema_1']).toBe('true');
    expect(c.state.values['review.gate.schema.comments']).toBe('fine');
    expect(c.state.values['review.status']).toBe('pass');
    fresh();
    answer(c, 'approve');
    const d = await continueScenario(r, { isolate: true });
    expect(d.code).toBe(0);
    expect(d.state.values['plan.gate.schema_0']).toBe('true');
    expect(d.state.values['plan/t1/impl.status']).toBe('pass');
    expect(d.commits).toEqual(['[gump] step:impl task:t1 attempt:1']);
  });
});

describe('§12 waiting time', () => {
  it('a wait interrupted by a reject and a resume is counted once', async () => {
    const r = await runScenario({
      workflow:
        'name: h\nsteps:\n  - name: check\n    type: code\n    agent: pass\n    hitl: before_gate\n    gate: ["bash: true"]\n',
      stub: 'version: 1\nrules: []\n',
    });
    expect(r.code).toBe(3);
    const since = Date.parse(r.state.waiting!.since);
    answer(r, 'reject', () => since + 10_000);
    expect(inspect(r.repo, r.worktree, r.runId, 4, '').state.waitedMs).toBe(10_000);
    const resumed = await continueScenario(r);
    expect(resumed.code).toBe(3);
    answer(r, 'approve', () => since + 25_000);
    const done = await continueScenario(r);
    expect(done.code).toBe(0);
    // 10 s before the reject, 15 s from the reject to the approval (the run sat at the approval point).
    expect(done.state.waitedMs).toBe(25_000);
    expect(done.events('approval.decided', 'check').map((e) => e.decision)).toEqual(['reject', 'approve']);
    expect(done.events('run.finished').map((e) => e.status)).toEqual(['aborted', 'pass']);
    expect(done.state.values['check.status']).toBe('pass');
    expect(done.commits).toEqual([]);
  });
});

describe('§12 after_gate', () => {
  it('pauses after passing gates, before the step is marked passed', async () => {
    const r = await runScenario({
      workflow:
        'name: h\nsteps:\n  - name: impl\n    type: code\n    agent: claude-sonnet\n    prompt: "Go"\n    hitl: after_gate\n    gate: ["bash: true"]\n',
      stub: 'version: 1\nrules:\n  - match: impl\n    write: { "a.txt": "a\\n" }\n',
    });
    expect(r.code).toBe(3);
    expect(r.state.waiting).toMatchObject({ step: 'impl', point: 'after_gate', attempt: 1 });
    expect(r.state.values['impl.gate.bash_0']).toBe('true');
    expect(r.state.values['impl.status']).toBeUndefined();
    expect(r.events('step.finished')).toHaveLength(0);
    answer(r, 'approve');
    const c = await continueScenario(r);
    expect(c.code).toBe(0);
    expect(c.events('gate.finished', 'impl')).toHaveLength(1);
    expect(c.events('attempt.finished', 'impl')).toEqual([expect.objectContaining({ attempt: 1, status: 'pass' })]);
    expect(c.state.values['impl.status']).toBe('pass');
    expect(c.commits).toEqual(['[gump] step:impl task:- attempt:1']);
  });

  it('after a failing attempt it pauses before the next one; never after the last; waiting time is excluded from max_timeout', async () => {
    const r = await runScenario({
      workflow: `name: h
max_timeout: 3s
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Go"
    hitl: after_gate
    gate: ['${gateOn('9')}']
    retry: [ { exit: 2 } ]
`,
      stub: 'version: 1\nrules:\n  - match: impl\n    attempts:\n      - write: { "a1.txt": "1\\n" }\n      - write: { "a2.txt": "2\\n" }\n',
    });
    expect(r.code).toBe(3);
    expect(r.state.waiting).toMatchObject({ step: 'impl', point: 'after_gate', attempt: 1 });
    expect(r.events('attempt.finished', 'impl')).toEqual([expect.objectContaining({ attempt: 1, status: 'fail' })]);
    expect(r.events('attempt.started', 'impl')).toHaveLength(1);
    // Wait longer than max_timeout before approving: the wait does not count.
    await sleep(3300);
    answer(r, 'approve');
    const c = await continueScenario(r);
    expect(c.state.waitedMs).toBeGreaterThanOrEqual(3000);
    // Attempt 2 ran (no timeout) and failed: the last attempt, so no pause, the step is fatal.
    expect(c.code).toBe(1);
    expect(c.events('attempt.started', 'impl').map((e) => e.attempt)).toEqual([1, 2]);
    expect(c.events('approval.waiting', 'impl')).toHaveLength(1);
    expect(c.events('step.finished', 'impl')[0]).toMatchObject({
      status: 'fatal',
      message: 'all 2 attempts failed; last error: gate bash_0 failed (exit 1)',
    });
    expect(c.state.message).not.toContain('timeout');
    expect(c.commits).toEqual(['[gump] step:impl task:- attempt:1', '[gump] step:impl task:- attempt:2']);
  });
});
