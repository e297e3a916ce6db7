// Scenario tests of templates and state (language.md §14, §15): `{prev.*}`, `{gate.x.comments}` on
// attempt 2, lines that render empty disappear, `{task.*}`, `{x.output}` across steps, a template
// agent `{converge.agent}` after an escalation, and the per-step state fields.
// Rendered prompts are checked inside the attempt: the stub `replace`s the expected text in the
// context file (AGENTS.md in stub mode) and exits 3, failing the attempt, when it is absent.

import { describe, expect, it } from 'vitest';
import { runScenario } from './harness.js';

const reviewValidator =
  'name: review\nsteps:\n  - name: check\n    type: validate\n    agent: claude-opus\n    prompt: "Check {diff}"\n';

describe('§14 templates', () => {
  it('`{prev.*}`, `{gate.x.comments}`, `{output}`, `{attempt}`; a line rendering to whitespace disappears', async () => {
    const r = await runScenario({
      workflow: `name: t
steps:
  - name: notes
    type: artifact
    agent: claude-sonnet
    prompt: |
      Write notes, attempt {attempt}
      Previous output: {prev.output}
      {gate.review.comments}
        {prev.status} {prev.gate.review.pass} {output}
      End
    gate: [ { validate: validators/review } ]
    retry: [ { exit: 2 } ]
`,
      files: { '.gump/validators/review.yaml': reviewValidator },
      stub: `version: 1
rules:
  - match: notes
    attempts:
      - replace: [ { file: AGENTS.md, find: "## Your task\\n\\nWrite notes, attempt 1\\nPrevious output: \\nEnd\\n", with: "" } ]
        artifact: "draft one"
      - replace:
          - { file: AGENTS.md, find: "## Your task\\n\\nWrite notes, attempt 2\\nPrevious output: draft one\\nadd docs\\n  fail false draft one\\nEnd\\n", with: "" }
          - { file: AGENTS.md, find: "### Reviewer comments\\n\\nadd docs", with: "" }
        artifact: "draft two"
  - match: "notes/gate/review/check"
    attempts:
      - validate: { pass: false, comments: "add docs" }
      - validate: { pass: true, comments: "good" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.events('attempt.finished', 'notes').map((e) => e.status)).toEqual(['fail', 'pass']);
    expect(r.events('attempt.finished', 'notes')[0]!.error).toBe('gate review failed: add docs');
    const v = r.state.values;
    expect(v['notes.output']).toBe('draft two');
    expect(v['notes.gate.review']).toBe('true');
    expect(v['notes.gate.review.pass']).toBe('true');
    expect(v['notes.gate.review.comments']).toBe('good');
    expect(r.state.prev.notes).toMatchObject({
      output: 'draft one',
      status: 'fail',
      'gate.review': 'false',
      'gate.review.pass': 'false',
      'gate.review.comments': 'add docs',
    });
    expect(v['notes/gate/review/check.output']).toBe('true');
    expect(r.commits).toEqual([]);
  });

  it('`{task.*}`, `{spec}` and `{x.output}` across steps and scopes', async () => {
    const r = await runScenario({
      workflow: `name: t
steps:
  - name: design
    type: artifact
    agent: claude-sonnet
    prompt: "Design for {spec}"
  - name: plan
    type: split
    agent: claude-sonnet
    prompt: "Plan from {design.output}"
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Task {task.name}: {task.description} [{task.files}] using {design.output} after planner attempt {plan.attempt}"
        gate: ["touched: src/**"]
`,
      spec: '# Spec\nBuild it.\n',
      stub: `version: 1
rules:
  - match: design
    replace: [ { file: AGENTS.md, find: "Design for # Spec\\nBuild it.", with: "" } ]
    artifact: "DESIGN-X"
  - match: plan
    replace: [ { file: AGENTS.md, find: "Plan from DESIGN-X", with: "" } ]
    plan: [ { name: t1, description: "first thing", files: ["src/a/**", "src/b.ts"] } ]
  - match: "plan/*/impl"
    replace: [ { file: AGENTS.md, find: "Task t1: first thing [src/a/**, src/b.ts] using DESIGN-X after planner attempt 1", with: "" } ]
    write: { "src/b.ts": "b\\n" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.state.values['plan/t1/impl.status']).toBe('pass');
    expect(r.state.values['design.output']).toBe('DESIGN-X');
    expect(r.commits).toEqual(['[gump] step:impl task:t1 attempt:1']);
  });

  it('a template agent `{converge.agent}` runs the escalated agent of an earlier step', async () => {
    const r = await runScenario({
      workflow: `name: t
steps:
  - name: converge
    type: code
    agent: claude-haiku
    prompt: "Converge"
    gate: ["bash: test \\"$GUMP_ATTEMPT\\" = 2"]
    retry:
      - { attempt: 2, agent: claude-opus }
      - exit: 2
  - name: polish
    type: code
    agent: "{converge.agent}"
    prompt: "Polish"
`,
      stub: 'version: 1\nrules:\n  - match: polish\n    write: { "p.txt": "p\\n" }\n',
    });
    expect(r.code).toBe(0);
    expect(r.events('agent.finished', 'converge').map((e) => e.agent)).toEqual(['claude-haiku', 'claude-opus']);
    expect(r.events('agent.finished', 'polish').map((e) => e.agent)).toEqual(['claude-opus']);
    expect(r.state.values['converge.agent']).toBe('claude-opus');
    expect(r.state.values['polish.agent']).toBe('claude-opus');
    expect(r.commits).toEqual(['[gump] step:polish task:- attempt:1']);
  });
});

describe('§14.3 agent templates', () => {
  it('an agent that renders to an invalid value fails the attempt (retryable), without running anything', async () => {
    const r = await runScenario({
      workflow: `name: t
steps:
  - name: pick
    type: artifact
    agent: claude-sonnet
    prompt: "Pick an agent"
  - name: impl
    type: code
    agent: "{pick.output}"
    prompt: "Go"
    retry:
      - { attempt: 2, agent: claude-sonnet }
      - exit: 2
`,
      stub: 'version: 1\nrules:\n  - match: pick\n    artifact: "nobody-special"\n  - match: impl\n    write: { "x.txt": "x\\n" }\n',
    });
    expect(r.code).toBe(0);
    expect(r.events('attempt.finished', 'impl')[0]).toMatchObject({
      attempt: 1,
      status: 'fail',
      error: 'agent name renders to an invalid value: "nobody-special"',
    });
    expect(r.events('agent.finished', 'impl').map((e) => [e.attempt, e.agent])).toEqual([[2, 'claude-sonnet']]);
    expect(r.events('retry.decided', 'impl')[0]).toMatchObject({
      agent: 'claude-sonnet',
      note: 'agent changed (nobody-special → claude-sonnet), new session',
    });
    expect(r.state.values['impl.agent']).toBe('claude-sonnet');
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:2']);
  });
});

describe('§15 state fields', () => {
  it('writes attempt, retries, status, files, diff, agent, session, duration, turns, tokens, cost and cost_source', async () => {
    const r = await runScenario({
      workflow: `name: t
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement"
    gate: ["bash: test \\"$GUMP_ATTEMPT\\" = 2", "touched: *.ts"]
    retry: [ { exit: 2 } ]
  - name: free
    type: code
    agent: codex
    prompt: "Free"
`,
      stub: `version: 1
rules:
  - match: impl
    attempts:
      - write: { "a.ts": "a\\n" }
        turns: 2
        tokens: { in: 100, out: 10 }
        cost: 0.01
      - write: { "b.ts": "b\\n", "c.ts": "c\\n" }
        turns: 3
        tokens: { in: 300, out: 30, cache_read: 7, cache_write: 5 }
        cost: 0.03
  - match: free
    tokens: { in: 50, out: 5 }
`,
    });
    expect(r.code).toBe(0);
    const v = r.state.values;
    expect(v['impl.status']).toBe('pass');
    expect(v['impl.attempt']).toBe('2');
    expect(v['impl.retries']).toBe('1');
    expect(v['impl.check_result']).toBe('pass');
    expect(v['impl.files']).toBe('b.ts, c.ts');
    expect(v['impl.diff']).toContain('+b');
    expect(v['impl.diff']).not.toContain('a.ts');
    expect(v['impl.output']).toBe(v['impl.diff']);
    expect(v['impl.agent']).toBe('claude-sonnet');
    expect(v['impl.session_id']).toBe('stub-impl-1');
    expect(v['impl.turns']).toBe('3');
    expect(v['impl.tokens_in']).toBe('300');
    expect(v['impl.tokens_out']).toBe('30');
    expect(v['impl.cache_read']).toBe('7');
    expect(v['impl.cache_write']).toBe('5');
    expect(v['impl.cost']).toBe('0.03');
    expect(v['impl.cost_source']).toBe('reported');
    expect(Number(v['impl.duration'])).toBeGreaterThan(0);
    // Unscripted cost: estimated at the stub's price, 0.
    expect(v['free.cost']).toBe('0');
    expect(v['free.cost_source']).toBe('estimated');
    expect(v['free.agent']).toBe('codex');
    expect(v['free.check_result']).toBe('none');
    expect(v['free.output']).toBe('');
    // The run's spend counts every attempt once.
    expect(r.state.spend.cost).toBeCloseTo(0.04, 9);
    expect(r.state.spend.tokensIn).toBe(450);
    expect(r.events('run.finished')[0]).toMatchObject({ status: 'pass', tokensIn: 450, tokensOut: 45 });
    expect(r.events('agent.finished', 'impl').map((e) => [e.attempt, e.turns, e.cost, e.costSource])).toEqual([
      [1, 2, 0.01, 'reported'],
      [2, 3, 0.03, 'reported'],
    ]);
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:1', '[gump] step:impl task:- attempt:2']);
  });
});
