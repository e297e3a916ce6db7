// Scenario tests for group retry (language.md §9.5): a split's `retry` covers the planner's attempts
// and task passes that re-run only unfinished tasks (passed steps skipped, attempts restarting at 1,
// plan kept); parallel splits keep passed branches; parallel groups re-run unfinished children.

import { describe, expect, it } from 'vitest';
import { runScenario } from './harness.js';

const SEQ = `name: gr
steps:
  - name: decompose
    type: split
    agent: claude-sonnet
    prompt: "Plan"
    gate: ["schema: plan"]
    retry:
      - exit: 2
    each:
      - { name: impl, type: code, agent: claude-sonnet, prompt: "Do {task.name}" }
      - { name: check, type: code, agent: claude-haiku, prompt: "Check {task.name}" }
`;

const PLAN3 = `  - match: decompose
    plan:
      - { name: t1, description: "one", files: ["src/t1.ts", "log.txt"] }
      - { name: t2, description: "two", files: ["src/t2.ts", "log.txt"] }
      - { name: t3, description: "three", files: ["src/t3.ts", "log.txt"] }
`;

describe('group retry on a sequential split (§9.5)', () => {
  it.each([false, true])(
    're-runs only unfinished tasks, skips passed steps, restarts attempt counters, keeps the plan (isolate %s)',
    async (isolate) => {
      const r = await runScenario({
        isolate,
        workflow: SEQ,
        stub: `version: 1
rules:
${PLAN3}  - match: "decompose/*/impl"
    append: { "log.txt": "impl\\n" }
  - match: "decompose/t2/check"
    attempts:
      - { append: { "src/t2.ts": "draft\\n" }, exit_code: 1, stderr: "check failed" }
      - { replace: [ { file: src/t2.ts, find: "draft", with: "final" } ] }
`,
        files: { 'log.txt': '' },
      });
      expect(r.code).toBe(0);
      expect(r.state.status).toBe('pass');
      expect(r.commits).toEqual([
        '[gump] step:impl task:t1 attempt:1',
        '[gump] step:impl task:t2 attempt:1',
        '[gump] step:check task:t2 attempt:1',
        // pass 2 continues on the current worktree (no reset): the draft is still there.
        '[gump] step:check task:t2 attempt:1',
        '[gump] step:impl task:t3 attempt:1',
      ]);
      expect(r.file('src/t2.ts')).toBe('final\n');
      expect(r.file('log.txt')).toBe('impl\nimpl\nimpl\n');
      // The plan is not regenerated; t1 and t2/impl are not re-run.
      expect(r.state.stubCalls).toMatchObject({
        decompose: 1,
        'decompose/t1/impl': 1,
        'decompose/t2/impl': 1,
        'decompose/t2/check': 2,
        'decompose/t3/impl': 1,
      });
      expect(r.events('split.planned')).toHaveLength(1);
      expect(r.events('task.started').map((e) => e.task)).toEqual(['t1', 't2', 't2', 't3']);
      expect(r.events('task.finished').map((e) => `${String(e.task)}:${String(e.status)}`)).toEqual([
        't1:pass',
        't2:fatal',
        't2:pass',
        't3:pass',
      ]);
      // (A later job re-entering the split also skips the passed planner.)
      expect(
        r
          .events('step.skipped')
          .map((e) => e.step)
          .filter((p) => p !== 'decompose'),
      ).toEqual(['decompose/t2/impl']);
      // Attempt counters restart at 1 in the new pass.
      expect(r.events('attempt.started', 'decompose/t2/check').map((e) => e.attempt)).toEqual([1, 1]);
      // Sessions are kept: the re-run step resumes the session it ended the first pass with.
      expect(r.events('agent.finished', 'decompose/t2/check').map((e) => e.session)).toEqual([
        'stub-decompose/t2/check-1',
        'stub-decompose/t2/check-1',
      ]);
      const v = r.state.values;
      expect(v['decompose/t2/check.status']).toBe('pass');
      expect(v['decompose/t2/check.attempt']).toBe('1');
      expect(v['decompose/t2/check.retries']).toBe('0');
      expect(v['decompose.status']).toBe('pass');
      expect(r.state.splits.decompose?.pass).toBe(2);
    },
  );

  it('is fatal when the last pass still fails; the planner had its own attempts under the same exit', async () => {
    const r = await runScenario({
      workflow: SEQ,
      stub: `version: 1
rules:
  - match: decompose
    attempts:
      - out: { "plan.json": "[{\\"name\\": \\"t1\\"}]" }
      - plan:
          - { name: t1, description: "one" }
          - { name: t2, description: "two" }
  - match: "decompose/t1/check"
    exit_code: 1
    stderr: "still broken"
`,
    });
    expect(r.code).toBe(1);
    expect(r.state.status).toBe('fatal');
    expect(r.state.message).toContain('still broken');
    expect(r.events('attempt.finished', 'decompose').map((e) => e.status)).toEqual(['fail', 'pass']);
    expect(r.state.values['decompose.gate.schema_0']).toBe('true');
    expect(r.state.values['decompose.attempt']).toBe('2');
    expect(r.events('task.started').map((e) => e.task)).toEqual(['t1', 't1']);
    expect(r.state.stubCalls['decompose/t1/check']).toBe(2);
    expect(r.state.stubCalls['decompose/t2/impl']).toBeUndefined();
    expect(r.state.values['decompose.status']).toBe('fatal');
    expect(r.state.values['decompose/t1/check.status']).toBe('fatal');
    expect(r.commits).toEqual([]);
  });
});

describe('group retry on a parallel split (§9.5)', () => {
  it('keeps passed branches, continues a re-run branch from its own head, merges once at the end', async () => {
    const r = await runScenario({
      workflow: `name: pgr
steps:
  - name: decompose
    type: split
    parallel: true
    agent: claude-sonnet
    prompt: "Plan"
    retry:
      - exit: 2
    each:
      - { name: impl, type: code, agent: claude-sonnet, prompt: "Do {task.name}" }
`,
      stub: `version: 1
rules:
${PLAN3}  - match: "decompose/t1/impl"
    write: { "src/t1.ts": "one\\n" }
  - match: "decompose/t2/impl"
    attempts:
      - { write: { "src/t2.ts": "draft\\n" }, exit_code: 1, stderr: "not yet" }
      - { replace: [ { file: src/t2.ts, find: "draft", with: "two" } ] }
  - match: "decompose/t3/impl"
    write: { "src/t3.ts": "three\\n" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.state.status).toBe('pass');
    expect(r.commits).toEqual(['[gump] merge:decompose branches:t1,t2,t3']);
    expect(r.file('src/t1.ts')).toBe('one\n');
    expect(r.file('src/t2.ts')).toBe('two\n');
    expect(r.file('src/t3.ts')).toBe('three\n');
    expect(r.state.stubCalls).toMatchObject({
      decompose: 1,
      'decompose/t1/impl': 1,
      'decompose/t2/impl': 2,
      'decompose/t3/impl': 1,
    });
    expect(r.events('task.started').map((e) => e.task)).toEqual(expect.arrayContaining(['t1', 't2', 't3']));
    expect(r.events('task.started').filter((e) => e.task === 't2')).toHaveLength(2);
    expect(r.events('merge.finished')).toHaveLength(1);
    expect(r.events('attempt.started', 'decompose/t2/impl').map((e) => e.attempt)).toEqual([1, 1]);
    // The re-run branch built on its own head: attempt 1 of pass 2 changed the draft, not created it.
    expect(r.state.values['decompose/t2/impl.diff']).toContain('-draft');
    expect(r.state.values['decompose/t2/impl.attempt']).toBe('1');
    expect(r.state.values['decompose.status']).toBe('pass');
  });
});

describe('group retry on a parallel group (§9.5)', () => {
  const GROUP = `name: ggr
steps:
  - name: reviews
    parallel: true
    retry:
      - exit: 2
    steps:
      - { name: a, type: code, agent: claude-sonnet, prompt: "A" }
      - { name: b, type: code, agent: claude-sonnet, prompt: "B" }
`;

  it('re-runs only the children that did not pass, up to exit passes', async () => {
    const r = await runScenario({
      workflow: GROUP,
      stub: `version: 1
rules:
  - match: reviews/a
    write: { "a.txt": "a\\n" }
  - match: reviews/b
    attempts:
      - { write: { "b.txt": "draft\\n" }, exit_code: 1, stderr: "b failed" }
      - { append: { "b.txt": "done\\n" } }
`,
    });
    expect(r.code).toBe(0);
    expect(r.commits).toEqual(['[gump] merge:reviews branches:a,b']);
    expect(r.file('a.txt')).toBe('a\n');
    expect(r.file('b.txt')).toBe('draft\ndone\n');
    expect(r.state.stubCalls).toMatchObject({ 'reviews/a': 1, 'reviews/b': 2 });
    expect(r.events('attempt.started', 'reviews/b').map((e) => e.attempt)).toEqual([1, 1]);
    expect(r.state.values['reviews.status']).toBe('pass');
    expect(r.state.values['reviews/b.attempt']).toBe('1');
    expect(r.events('step.finished', 'reviews')).toEqual([expect.objectContaining({ status: 'pass' })]);
  });

  it('is fatal after exit passes', async () => {
    const r = await runScenario({
      workflow: GROUP,
      stub: `version: 1
rules:
  - match: reviews/b
    exit_code: 1
    stderr: "b always fails"
`,
    });
    expect(r.code).toBe(1);
    expect(r.state.message).toContain('b always fails');
    expect(r.state.stubCalls).toMatchObject({ 'reviews/a': 1, 'reviews/b': 2 });
    expect(r.state.values['reviews.status']).toBe('fatal');
    expect(r.commits).toEqual([]);
  });
});

describe('group retry through nesting (§9.5)', () => {
  it('a split pass re-runs a failed parallel group inside the task: only its failed child, then the merge', async () => {
    const r = await runScenario({
      workflow: `name: nest
steps:
  - name: decompose
    type: split
    agent: claude-sonnet
    prompt: "Plan"
    retry:
      - exit: 2
    each:
      - name: both
        parallel: true
        steps:
          - { name: a, type: code, agent: claude-sonnet, prompt: "A" }
          - { name: b, type: code, agent: claude-sonnet, prompt: "B" }
      - { name: fin, type: code, agent: claude-haiku, prompt: "Finish" }
`,
      stub: `version: 1
rules:
  - match: decompose
    plan:
      - { name: t1, description: "one" }
  - match: "decompose/t1/both/a"
    write: { "a.txt": "a\\n" }
  - match: "decompose/t1/both/b"
    attempts:
      - { exit_code: 1, stderr: "b failed" }
      - { write: { "b.txt": "b\\n" } }
  - match: "decompose/t1/fin"
    replace: [ { file: b.txt, find: "b", with: "B" } ]
`,
    });
    expect(r.code).toBe(0);
    expect(r.commits).toEqual(['[gump] merge:decompose/t1/both branches:a,b', '[gump] step:fin task:t1 attempt:1']);
    expect(r.file('a.txt')).toBe('a\n');
    expect(r.file('b.txt')).toBe('B\n');
    expect(r.state.stubCalls).toMatchObject({
      decompose: 1,
      'decompose/t1/both/a': 1,
      'decompose/t1/both/b': 2,
      'decompose/t1/fin': 1,
    });
    expect(r.state.values['decompose/t1/both.status']).toBe('pass');
    expect(r.events('step.finished', 'decompose/t1/both').map((e) => e.status)).toEqual(['fatal', 'pass']);
  });
});
