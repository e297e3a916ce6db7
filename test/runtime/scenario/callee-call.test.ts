// Scenario tests for workflow calls (language.md §7.1): the callee runs in the caller's worktree with
// its own state scope, `with:` bindings rendered in the caller's context, unbound inputs from the
// caller, a failing callee making the call fatal, and the callee's own limits.

import { describe, expect, it } from 'vitest';
import { runScenario, type ScenarioResult } from './harness.js';

/** Rendered context-file paths of a step: a missing `context: file:` entry is a ledger warning. */
function probes(r: ScenarioResult, step: string): string[] {
  return r
    .events('warning', step)
    .map((e) => String(e.message).replace(/^context file (.*) not found; entry skipped$/s, '$1'));
}

const SETUP = `name: setup-env
steps:
  - name: prepare
    type: code
    agent: claude-haiku
    prompt: "Prepare {target} for {env_name}"
    context:
      - file: "probe/{target}|{env_name}|{spec}"
  - name: deploy
    type: validate
    agent: claude-haiku
    prompt: "Check the deployment to {target}"
`;

const CALLER = `name: caller
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec} in {env_name}"
  - name: setup
    workflow: setup-env
    with: { target: "{impl.files}" }
  - name: after
    type: code
    agent: claude-sonnet
    prompt: "Use {setup.state.deploy.comments}"
    context:
      - file: "probe/{setup.state.deploy.comments}|{setup.state.prepare.files}|{setup.status}"
`;

describe('workflow call (§7.1)', () => {
  it('runs the callee in the same worktree with its own state scope; with: renders in the caller context; unbound inputs come from the caller', async () => {
    const r = await runScenario({
      workflow: CALLER,
      spec: 'Ship the widget',
      inputs: { env_name: 'staging' },
      files: { '.gump/workflows/setup-env.yaml': SETUP },
      stub: `version: 1
rules:
  - match: impl
    write: { "src/app.ts": "app\\n" }
  - match: setup/prepare
    replace: [ { file: src/app.ts, find: "app", with: "prepared app" } ]
    tokens: { in: 1000, out: 100 }
    cost: 0.02
  - match: setup/deploy
    validate: { pass: true, comments: "deployed-fine" }
    cost: 0.01
  - match: after
    append: { "src/app.ts": "after\\n" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.state.status).toBe('pass');
    // The callee's snapshot lands on the run branch: same worktree, building on the caller's work.
    expect(r.commits).toEqual([
      '[gump] step:impl task:- attempt:1',
      '[gump] step:prepare task:- attempt:1',
      '[gump] step:after task:- attempt:1',
    ]);
    expect(r.file('src/app.ts')).toBe('prepared app\nafter\n');
    const v = r.state.values;
    expect(v['setup/prepare.status']).toBe('pass');
    expect(v['setup/prepare.files']).toBe('src/app.ts');
    expect(v['setup/deploy.output']).toBe('true');
    expect(v['setup/deploy.comments']).toBe('deployed-fine');
    expect(v['setup.status']).toBe('pass');
    // The call step's spend: the callee's cost and tokens.
    expect(v['setup.cost']).toBe('0.03');
    expect(v['setup.tokens_in']).toBe('1000');
    expect(v['setup.tokens_out']).toBe('100');
    expect(v['prepare.status']).toBeUndefined();
    // with: target = {impl.files} rendered by the caller; env_name and spec unbound → the caller's.
    expect(probes(r, 'setup/prepare')).toEqual(['probe/src/app.ts|staging|Ship the widget']);
    expect(probes(r, 'after')).toEqual(['probe/deployed-fine|src/app.ts|pass']);
    expect(r.events('step.started', 'setup')[0]).toMatchObject({
      kind: 'call',
      workflow: '.gump/workflows/setup-env.yaml',
    });
    expect(r.events('step.finished', 'setup')[0]).toMatchObject({ status: 'pass' });
    expect(r.events('step.finished', 'setup/deploy')[0]).toMatchObject({ status: 'pass' });
  });

  it('makes the call fatal when the callee fails; nothing after it runs', async () => {
    const r = await runScenario({
      workflow: CALLER,
      inputs: { env_name: 'staging' },
      files: { '.gump/workflows/setup-env.yaml': SETUP },
      stub: `version: 1
rules:
  - match: impl
    write: { "src/app.ts": "app\\n" }
  - match: setup/deploy
    validate: { pass: false, comments: "deployment broken" }
`,
    });
    expect(r.code).toBe(1);
    expect(r.state.status).toBe('fatal');
    expect(r.state.message).toContain('step setup: workflow call failed');
    expect(r.state.message).toContain('deployment broken');
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:1']);
    expect(r.state.values['setup.status']).toBe('fatal');
    expect(r.state.values['setup/deploy.status']).toBe('fatal');
    expect(r.state.values['setup/deploy.output']).toBe('false');
    expect(r.state.values['after.status']).toBeUndefined();
    expect(r.events('step.finished', 'setup')[0]).toMatchObject({ status: 'fatal' });
    expect(r.events('step.started', 'after')).toEqual([]);
  });

  it('binds spec explicitly: the bound value shadows the run spec inside the callee', async () => {
    const r = await runScenario({
      workflow: CALLER.replace(
        'with: { target: "{impl.files}" }',
        'with: { target: "T", spec: "other spec for {env_name}" }',
      ),
      spec: 'Ship the widget',
      inputs: { env_name: 'prod' },
      files: { '.gump/workflows/setup-env.yaml': SETUP },
      stub: `version: 1
rules:
  - match: setup/deploy
    validate: { pass: true, comments: "ok" }
`,
    });
    expect(r.code).toBe(0);
    expect(probes(r, 'setup/prepare')).toEqual(['probe/T|prod|other spec for prod']);
    expect(r.commits).toEqual([]);
    expect(r.state.values['setup.status']).toBe('pass');
  });

  it("applies the callee's limits inside the callee (live, during the agent run)", async () => {
    const r = await runScenario({
      workflow: `name: caller
max_budget: 1
steps:
  - name: setup
    workflow: capped
  - name: after
    type: code
    agent: claude-sonnet
    prompt: "After"
`,
      files: {
        '.gump/workflows/capped.yaml': `name: capped
max_budget: 0.05
steps:
  - { name: one, type: code, agent: claude-haiku, prompt: "One" }
  - { name: two, type: code, agent: claude-haiku, prompt: "Two" }
`,
      },
      stub: `version: 1
rules:
  - match: setup/one
    write: { "one.txt": "1\\n" }
    cost: 0.03
  - match: setup/two
    write: { "two.txt": "2\\n" }
    cost: 0.04
    turns: 4
    delay: 800ms
`,
    });
    expect(r.code).toBe(1);
    expect(r.state.status).toBe('fatal');
    expect(r.state.message).toMatch(
      /^step setup: workflow call failed: step setup\/two: budget_exceeded: setup spent \$0\.0[6-7]\d* of \$0\.05/,
    );
    // two was stopped during its run (at the turn that crossed 0.05): no snapshot.
    expect(r.commits).toEqual(['[gump] step:one task:- attempt:1']);
    expect(r.state.values['setup/one.status']).toBe('pass');
    expect(r.state.values['setup/two.status']).toBe('fatal');
    expect(r.events('attempt.finished', 'setup/two')[0]).toMatchObject({ status: 'fatal' });
    expect(Number(r.events('agent.finished', 'setup/two')[0]!.turns)).toBeLessThan(4);
    expect(r.state.values['setup.status']).toBe('fatal');
    expect(r.state.values['after.status']).toBeUndefined();
    expect(r.state.spend.cost).toBeGreaterThan(0.05);
    expect(r.state.spend.cost).toBeLessThan(0.07);
    expect(r.report.steps.find((s) => s.step === 'setup/two')?.attempts[0]?.status).toBe('fatal');
  });

  it("counts callee spend toward the caller's limit", async () => {
    const r = await runScenario({
      workflow: `name: caller
max_budget: 0.1
steps:
  - name: setup
    workflow: helper
  - name: after
    type: code
    agent: claude-sonnet
    prompt: "After"
`,
      files: {
        '.gump/workflows/helper.yaml': `name: helper
max_budget: 5
steps:
  - { name: one, type: code, agent: claude-haiku, prompt: "One" }
  - { name: two, type: code, agent: claude-haiku, prompt: "Two" }
`,
      },
      stub: `version: 1
rules:
  - match: setup/one
    write: { "one.txt": "1\\n" }
    cost: 0.06
  - match: setup/two
    cost: 0.06
`,
    });
    expect(r.code).toBe(1);
    expect(r.state.message).toContain('step setup/two: budget_exceeded: run spent $0.1200 of $0.10');
    expect(r.state.values['setup/one.status']).toBe('pass');
    expect(r.state.values['setup.status']).toBe('fatal');
    expect(r.state.values['after.status']).toBeUndefined();
    expect(r.commits).toEqual(['[gump] step:one task:- attempt:1']);
    expect(r.events('run.finished')[0]).toMatchObject({ status: 'fatal', cost: 0.12 });
  });

  it("runs a call as a parallel group child; the call's cost is its callee's own spend", async () => {
    const r = await runScenario({
      workflow: `name: grp
steps:
  - name: both
    parallel: true
    steps:
      - name: setup
        workflow: helper
      - { name: other, type: code, agent: claude-sonnet, prompt: "Other" }
  - name: after
    type: code
    agent: claude-haiku
    prompt: "After"
    context:
      - file: "probe/{both/setup.state.one.output}"
`,
      files: {
        '.gump/workflows/helper.yaml': `name: helper
steps:
  - { name: one, type: artifact, agent: claude-haiku, prompt: "One" }
  - { name: two, type: code, agent: claude-haiku, prompt: "Two" }
`,
      },
      stub: `version: 1
rules:
  - match: both/setup/one
    artifact: "from-callee"
    cost: 0.01
    tokens: { in: 10, out: 1 }
  - match: both/setup/two
    write: { "two.txt": "2\\n" }
    cost: 0.02
    tokens: { in: 20, out: 2 }
    delay: 600ms
  - match: both/other
    write: { "other.txt": "o\\n" }
    cost: 0.5
    tokens: { in: 500, out: 50 }
`,
    });
    expect(r.code).toBe(0);
    expect(r.commits).toEqual(['[gump] merge:both branches:setup,other']);
    expect(r.file('two.txt')).toBe('2\n');
    expect(r.state.values['both/setup.status']).toBe('pass');
    expect(r.state.values['both/setup/one.output']).toBe('from-callee');
    expect(r.state.values['both/setup.cost']).toBe('0.03');
    expect(r.state.values['both/setup.tokens_in']).toBe('30');
    expect(r.state.values['both/setup.tokens_out']).toBe('3');
    expect(probes(r, 'after')).toEqual(['probe/from-callee']);
  });

  it("measures a callee's max_timeout from the call's start, and enforces it inside the callee", async () => {
    const r = await runScenario({
      workflow: `name: caller
steps:
  - name: slow
    type: code
    agent: claude-sonnet
    prompt: "Slow"
    gate: ["bash: sleep 1.2"]
  - name: quick
    workflow: timed
  - name: stuck
    workflow: timed
`,
      files: {
        '.gump/workflows/timed.yaml': `name: timed
max_timeout: 1s
steps:
  - { name: work, type: code, agent: claude-haiku, prompt: "Work" }
`,
      },
      stub: `version: 1
rules:
  - match: quick/work
    write: { "quick.txt": "q\\n" }
    delay: 200ms
  - match: stuck/work
    write: { "stuck.txt": "s\\n" }
    turns: 4
    delay: 5s
`,
    });
    expect(r.code).toBe(1);
    // quick started 1.2 s into the run but had its own second.
    expect(r.state.values['quick.status']).toBe('pass');
    expect(r.state.values['quick/work.status']).toBe('pass');
    expect(r.state.message).toMatch(/^step stuck: workflow call failed: step stuck\/work: timeout: /);
    expect(Number(r.events('agent.finished', 'stuck/work')[0]!.durationMs)).toBeLessThan(3000);
    expect(r.state.values['stuck.status']).toBe('fatal');
    expect(r.commits).toEqual(['[gump] step:work task:- attempt:1']);
  });
});
