// Scenario tests of `worktree: none` (language.md §13): the agent runs in an empty temporary folder,
// its typed output is collected from there, `context: file:` paths stay relative to the run
// worktree, and gates keep running in the run worktree. Nothing the agent does there is committed.

import { describe, expect, it } from 'vitest';
import { runScenario } from './harness.js';

describe('§13 worktree: none', () => {
  it('validate: the agent sees an empty folder with its context file; output collected; gates in the run worktree', async () => {
    const r = await runScenario({
      workflow: `name: w
steps:
  - name: review
    type: validate
    agent: claude-sonnet
    prompt: "Review the spec"
    worktree: none
    context: [ { file: spec.md } ]
    gate: ["bash: test -f package.json && test ! -f scratch.txt", schema]
    retry: [ { exit: 2 } ]
`,
      stub: `version: 1
rules:
  - match: review
    attempts:
      - replace: [ { file: package.json, find: "demo", with: "x" } ]
      - write: { "scratch.txt": "temp\\n" }
        replace: [ { file: AGENTS.md, find: "## Context: spec.md\\n\\n# Spec\\nBuild the thing.", with: "" } ]
        validate: { pass: true, comments: "looks fine" }
`,
    });
    expect(r.code).toBe(0);
    // Attempt 1 proves the folder is not the project: package.json does not exist there.
    expect(r.events('attempt.finished', 'review')[0]!.error).toMatch(/replace: file "package.json" does not exist/);
    expect(r.events('gate.finished', 'review').map((e) => [e.attempt, e.gate, e.status])).toEqual([
      [2, 'bash_0', 'pass'],
      [2, 'schema', 'pass'],
    ]);
    const v = r.state.values;
    expect(v['review.output']).toBe('true');
    expect(v['review.comments']).toBe('looks fine');
    expect(v['review.gate.schema.comments']).toBe('looks fine');
    expect(v['review.files']).toBe('');
    expect(r.events('guard.tripped')).toHaveLength(0);
    expect(r.commits).toEqual([]);
    expect(r.file('scratch.txt')).toBeUndefined();
    expect(r.file('package.json')).toContain('"demo"');
  });

  it('split: the plan is collected from the temporary folder and the tasks run in the run worktree', async () => {
    const r = await runScenario({
      workflow: `name: w
steps:
  - name: plan
    type: split
    agent: claude-sonnet
    prompt: "Plan"
    worktree: none
    gate: ["schema: plan"]
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Do {task.description}"
        gate: ["bash: test -f package.json"]
`,
      stub: `version: 1
rules:
  - match: plan
    plan: [ { name: t1, description: "add one", files: ["one.txt"] } ]
  - match: "plan/*/impl"
    write: { "one.txt": "1\\n" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.state.values['plan.gate.schema_0']).toBe('true');
    expect(r.events('split.planned', 'plan')[0]).toMatchObject({ tasks: ['t1'] });
    expect(r.state.values['plan/t1/impl.gate.bash_0']).toBe('true');
    expect(r.commits).toEqual(['[gump] step:impl task:t1 attempt:1']);
    expect(r.file('one.txt')).toBe('1\n');
  });
});

describe('§13 effective no_write', () => {
  it('read-write lets a validate step write (committed); read-only or an explicit no_write on a code step trips', async () => {
    const r = await runScenario({
      workflow: `name: w
steps:
  - name: review
    type: validate
    agent: claude-sonnet
    prompt: "Review and fix typos"
    worktree: read-write
  - name: look
    type: code
    agent: claude-sonnet
    prompt: "Look only"
    worktree: read-only
    retry: [ { exit: 2 } ]
  - name: careful
    type: code
    agent: claude-sonnet
    prompt: "Careful"
    guard: { no_write: true }
`,
      stub: `version: 1
rules:
  - match: review
    write: { "typo.txt": "fixed\\n" }
    validate: { pass: true }
  - match: look
    attempts:
      - write: { "look.txt": "oops\\n" }
      - turns: 1
  - match: careful
    write: { "careful.txt": "oops\\n" }
`,
    });
    expect(r.code).toBe(1);
    expect(r.state.values['review.files']).toBe('typo.txt');
    expect(r.state.values['review.status']).toBe('pass');
    expect(r.events('guard.tripped').map((e) => [e.step, e.attempt, e.message])).toEqual([
      ['look', 1, 'guard no_write triggered: the agent changed look.txt'],
      ['careful', 1, 'guard no_write triggered: the agent changed careful.txt'],
    ]);
    expect(r.state.values['look.status']).toBe('pass');
    expect(r.state.values['careful.status']).toBe('fatal');
    expect(r.commits).toEqual(['[gump] step:review task:- attempt:1']);
    expect(r.file('look.txt')).toBeUndefined();
    expect(r.file('careful.txt')).toBeUndefined();
  });
});
