// Scenario tests of the output contracts (language.md §5): each contract failure fails the attempt
// and is retried, a `pass: false` verdict fails before any gate, `<step>.output` per type, an empty
// output takes the diff, and an empty plan skips `each:` with a warning.

import { describe, expect, it } from 'vitest';
import { runScenario } from './harness.js';

const splitWorkflow = (exit: number) => `name: outputs
steps:
  - name: plan
    type: split
    agent: claude-sonnet
    prompt: "Plan the work"
    retry: [ { exit: ${exit} } ]
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Do {task.description}"
`;

describe('§5 split contract', () => {
  it('fails the attempt on a missing, invalid, non-array, badly named or duplicated plan, and retries', async () => {
    const r = await runScenario({
      workflow: splitWorkflow(7),
      stub: `version: 1
rules:
  - match: plan
    attempts:
      - turns: 1
      - out: { "plan.json": "{not json" }
      - out: { "plan.json": "{\\"name\\": \\"a\\"}" }
      - out: { "plan.json": "[{\\"name\\": \\"a b\\"}]" }
      - out: { "plan.json": "[{\\"name\\": \\"..\\"}]" }
      - out: { "plan.json": "[{\\"name\\": \\"a\\"}, {\\"name\\": \\"a\\"}]" }
      - plan: [ { name: t1, description: "first", files: ["src/**"] } ]
  - match: "plan/*/impl"
    write: { "src/t1.ts": "export const t1 = 1;\\n" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.state.status).toBe('pass');
    const checks = r.events('check.failed', 'plan').map((e) => [e.attempt, e.error]);
    expect(checks).toEqual([
      [1, 'plan.json is missing'],
      [2, expect.stringMatching(/^plan\.json is not valid JSON/)],
      [3, 'plan.json must be an array of task objects'],
      [4, expect.stringContaining('must match [A-Za-z0-9._-]+')],
      [5, 'task 1: name ".." is not allowed'],
      [6, 'duplicate task name "a"'],
    ]);
    expect(r.events('attempt.finished', 'plan').map((e) => e.status)).toEqual([
      'fail',
      'fail',
      'fail',
      'fail',
      'fail',
      'fail',
      'pass',
    ]);
    expect(r.events('retry.decided', 'plan')).toHaveLength(6);
    const v = r.state.values;
    expect(v['plan.status']).toBe('pass');
    expect(v['plan.attempt']).toBe('7');
    expect(v['plan.retries']).toBe('6');
    // `<step>.output` of a split: the raw file text.
    expect(JSON.parse(v['plan.output']!)).toEqual([{ name: 't1', description: 'first', files: ['src/**'] }]);
    expect(r.events('split.planned', 'plan')[0]).toMatchObject({ tasks: ['t1'] });
    // The planner changed nothing: the only commit is the task's.
    expect(r.commits).toEqual(['[gump] step:impl task:t1 attempt:1']);
    expect(r.file('src/t1.ts')).toBe('export const t1 = 1;\n');
    expect(v['plan/t1/impl.status']).toBe('pass');
  });

  it('is fatal when every attempt breaks the contract: `all N attempts failed` with the last error', async () => {
    const r = await runScenario({
      workflow: splitWorkflow(2),
      stub: 'version: 1\nrules:\n  - match: plan\n    out: { "plan.json": "42" }\n',
    });
    expect(r.code).toBe(1);
    expect(r.state.status).toBe('fatal');
    expect(r.state.values['plan.status']).toBe('fatal');
    expect(r.state.values['plan.attempt']).toBe('2');
    expect(r.events('step.finished', 'plan')[0]).toMatchObject({
      status: 'fatal',
      message: 'all 2 attempts failed; last error: plan.json must be an array of task objects',
    });
    expect(r.events('task.started')).toHaveLength(0);
    expect(r.commits).toEqual([]);
  });

  it('an empty plan is valid: a warning, `each:` skipped, the run continues', async () => {
    const r = await runScenario({
      workflow: `${splitWorkflow(1)}  - name: after
    type: code
    agent: claude-sonnet
    prompt: "Afterwards"
`,
      stub: 'version: 1\nrules:\n  - match: plan\n    plan: []\n  - match: after\n    write: { "after.txt": "done\\n" }\n',
    });
    expect(r.code).toBe(0);
    expect(r.state.values['plan.status']).toBe('pass');
    expect(r.state.values['plan.output']).toBe('[]\n');
    expect(r.events('split.planned', 'plan')[0]).toMatchObject({ tasks: [] });
    expect(r.events('task.started')).toHaveLength(0);
    expect(r.output).toMatch(/warning: plan: the plan is empty/);
    expect(r.events('warning', 'plan').map((e) => e.message)).toEqual([expect.stringContaining('plan is empty')]);
    expect(r.commits).toEqual(['[gump] step:after task:- attempt:1']);
    expect(r.state.values['after.status']).toBe('pass');
  });
});

describe('§5 validate contract', () => {
  it('`pass: false` fails the attempt with `validate did not pass: <comments>` before any gate; the retry passes', async () => {
    const r = await runScenario({
      workflow: `name: review
steps:
  - name: review
    type: validate
    agent: claude-sonnet
    prompt: "Review"
    gate: [ "bash: echo gate-ran >> .gump/run/gate-log" ]
    retry: [ { exit: 2 } ]
`,
      stub: `version: 1
rules:
  - match: review
    attempts:
      - validate: { pass: false, comments: "missing error handling" }
      - validate: { pass: true, comments: "fine now" }
`,
    });
    expect(r.code).toBe(0);
    const failed = r.events('attempt.finished', 'review')[0]!;
    expect(failed).toMatchObject({
      attempt: 1,
      status: 'fail',
      error: 'validate did not pass: missing error handling',
    });
    expect(r.events('check.failed', 'review')).toHaveLength(1);
    // The gate ran only in attempt 2.
    expect(r.events('gate.finished', 'review').map((e) => e.attempt)).toEqual([2]);
    const v = r.state.values;
    expect(v['review.output']).toBe('true');
    expect(v['review.comments']).toBe('fine now');
    expect(v['review.gate.bash_0']).toBe('true');
    expect(v['review.attempt']).toBe('2');
    expect(r.commits).toEqual([]);
  });

  it('`pass: false` without comments breaks the contract; `comment` is an alias', async () => {
    const r = await runScenario({
      workflow: `name: review
steps:
  - name: review
    type: validate
    agent: claude-sonnet
    prompt: "Review"
    retry: [ { exit: 3 } ]
`,
      stub: `version: 1
rules:
  - match: review
    attempts:
      - out: { "validate.json": "{\\"pass\\": false}" }
      - out: { "validate.json": "{\\"pass\\": \\"yes\\"}" }
      - out: { "validate.json": "{\\"pass\\": true, \\"comment\\": \\"via alias\\"}" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.events('check.failed', 'review').map((e) => e.error)).toEqual([
      'validate.json: "comments" is required when pass is false',
      'validate.json: "pass" must be true or false, not "yes"',
    ]);
    expect(r.state.values['review.output']).toBe('true');
    expect(r.state.values['review.comments']).toBe('via alias');
  });

  it('a `pass: false` verdict on the last attempt is fatal; output "false" and comments are recorded', async () => {
    const r = await runScenario({
      workflow:
        'name: review\nsteps:\n  - name: review\n    type: validate\n    agent: claude-sonnet\n    prompt: "Review"\n',
      stub: 'version: 1\nrules:\n  - match: review\n    validate: { pass: false, comments: "no tests" }\n',
    });
    expect(r.code).toBe(1);
    expect(r.state.status).toBe('fatal');
    expect(r.state.values['review.output']).toBe('false');
    expect(r.state.values['review.comments']).toBe('no tests');
    expect(r.state.values['review.status']).toBe('fatal');
    expect(r.events('step.finished', 'review')[0]!.message).toBe(
      'all 1 attempt failed; last error: validate did not pass: no tests',
    );
  });
});

describe('§5 artifact contract and `<step>.output`', () => {
  it('a missing artifact.txt fails the attempt; the retry collects the text as output', async () => {
    const r = await runScenario({
      workflow:
        'name: art\nsteps:\n  - name: notes\n    type: artifact\n    agent: claude-sonnet\n    prompt: "Write notes"\n    retry: [ { exit: 2 } ]\n',
      stub: 'version: 1\nrules:\n  - match: notes\n    attempts:\n      - turns: 1\n      - artifact: "release notes\\n"\n',
    });
    expect(r.code).toBe(0);
    expect(r.events('check.failed', 'notes').map((e) => e.error)).toEqual(['artifact.txt is missing']);
    expect(r.state.values['notes.output']).toBe('release notes\n');
    expect(r.state.values['notes.diff']).toBe('');
    expect(r.commits).toEqual([]);
  });

  it('code output is the attempt diff; an empty artifact output takes the diff', async () => {
    const r = await runScenario({
      workflow: `name: out
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement"
  - name: notes
    type: artifact
    agent: claude-sonnet
    worktree: read-write
    prompt: "Notes on {impl.output}"
`,
      stub: `version: 1
rules:
  - match: impl
    write: { "src/a.ts": "export const a = 1;\\n" }
  - match: notes
    write: { "NOTES.md": "notes\\n" }
    artifact: ""
`,
    });
    expect(r.code).toBe(0);
    const v = r.state.values;
    expect(v['impl.output']).toBe(v['impl.diff']);
    expect(v['impl.diff']).toContain('+export const a = 1;');
    expect(v['impl.files']).toBe('src/a.ts');
    expect(v['notes.output']).toBe(v['notes.diff']);
    expect(v['notes.output']).toContain('+notes');
    expect(v['notes.output']).not.toContain('src/a.ts');
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:1', '[gump] step:notes task:- attempt:1']);
  });
});
