// Scenario tests for the sequential split (language.md §6.1): plan order, each-steps per task, step
// paths, tasks building on each other's worktree, task variables, a fatal task stopping the run.

import { describe, expect, it } from 'vitest';
import { continueScenario, runScenario, type ScenarioResult } from './harness.js';

/** Rendered context-file paths of a step: a missing `context: file:` entry is a ledger warning. */
function probes(r: ScenarioResult, step: string): string[] {
  return r
    .events('warning', step)
    .map((e) => String(e.message).replace(/^context file (.*) not found; entry skipped$/s, '$1'));
}

const SPLIT = `name: seq
steps:
  - name: decompose
    type: split
    agent: claude-sonnet
    prompt: "Plan {spec}"
    gate: ["schema: plan"]
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Do {task.name}"
        context:
          - file: "probe/{task.name}|{task.description}|{task.files}"
      - name: check
        type: code
        agent: claude-haiku
        prompt: "Check {task.name}"
  - name: after
    type: code
    agent: claude-haiku
    prompt: "Finish"
`;

const PLAN = `  - match: decompose
    plan:
      - { name: t1, description: "First part", files: ["src/a/**", "docs/a.md"] }
      - { name: t2, description: "Second part", files: ["src/**"] }
`;

describe('sequential split (§6.1)', () => {
  it("runs tasks in plan order, each-steps per task, under <split>/<task>/<step>, each task on the previous one's worktree", async () => {
    const r = await runScenario({
      workflow: SPLIT,
      stub: `version: 1
rules:
${PLAN}  - match: "decompose/t1/impl"
    write: { "src/a/x.ts": "export const x = 1;\\n" }
  - match: "decompose/t1/check"
    append: { "docs/a.md": "checked t1\\n" }
  - match: "decompose/t2/impl"
    replace: [ { file: src/a/x.ts, find: "1", with: "2" } ]
  - match: after
    write: { "DONE": "ok\\n" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.state.status).toBe('pass');
    expect(r.commits).toEqual([
      '[gump] step:impl task:t1 attempt:1',
      '[gump] step:check task:t1 attempt:1',
      '[gump] step:impl task:t2 attempt:1',
      '[gump] step:after task:- attempt:1',
    ]);
    // t2 replaced text in the file t1 created: it started from t1's worktree.
    expect(r.file('src/a/x.ts')).toBe('export const x = 2;\n');
    expect(r.state.values['decompose/t2/impl.files']).toBe('src/a/x.ts');
    expect(r.state.values['decompose/t2/impl.diff']).toContain('-export const x = 1;');
    const v = r.state.values;
    for (const p of ['decompose/t1/impl', 'decompose/t1/check', 'decompose/t2/impl', 'decompose/t2/check', 'after']) {
      expect(v[`${p}.status`], p).toBe('pass');
      expect(v[`${p}.attempt`], p).toBe('1');
    }
    expect(v['decompose.status']).toBe('pass');
    expect(v['decompose.gate.schema_0']).toBe('true');
    expect(v['decompose/t1/impl.files']).toBe('src/a/x.ts');
    expect(v['decompose/t2/check.files']).toBe('');
    // Ledger: plan, then t1's steps, then t2's, in order.
    expect(r.events('split.planned')[0]).toMatchObject({ step: 'decompose', tasks: ['t1', 't2'] });
    const order = r.ledger
      .filter((e) => e.event === 'task.started' || e.event === 'task.finished' || e.event === 'step.started')
      .map((e) => `${e.event} ${e.step}${e.task ? `/${String(e.task)}` : ''}`);
    expect(order).toEqual([
      'step.started decompose',
      'task.started decompose/t1',
      'step.started decompose/t1/impl',
      'step.started decompose/t1/check',
      'task.finished decompose/t1',
      'task.started decompose/t2',
      'step.started decompose/t2/impl',
      'step.started decompose/t2/check',
      'task.finished decompose/t2',
      'step.started after',
    ]);
    expect(r.events('task.finished').map((e) => e.status)).toEqual(['pass', 'pass']);
    // Task variables (§6.1.3): files joined with ", ".
    expect(probes(r, 'decompose/t1/impl')).toEqual(['probe/t1|First part|src/a/**, docs/a.md']);
    expect(probes(r, 'decompose/t2/impl')).toEqual(['probe/t2|Second part|src/**']);
  });

  it.each([false, true])(
    'stops the run at a fatal task: later tasks never start and the split is fatal (isolate %s)',
    async (isolate) => {
      const r = await runScenario({
        isolate,
        workflow: SPLIT,
        stub: `version: 1
rules:
${PLAN}  - match: "decompose/t1/impl"
    write: { "src/a/x.ts": "broken\\n" }
    exit_code: 1
    stderr: "compilation exploded"
`,
      });
      expect(r.code).toBe(1);
      expect(r.state.status).toBe('fatal');
      expect(r.state.message).toContain('decompose/t1/impl');
      expect(r.state.message).toContain('compilation exploded');
      // The failed attempt's snapshot is on the branch; nothing after it.
      expect(r.commits).toEqual(['[gump] step:impl task:t1 attempt:1']);
      const v = r.state.values;
      expect(v['decompose/t1/impl.status']).toBe('fatal');
      expect(v['decompose.status']).toBe('fatal');
      expect(
        Object.keys(v).filter(
          (k) => k.startsWith('decompose/t1/check') || k.startsWith('decompose/t2/') || k.startsWith('after.'),
        ),
      ).toEqual([]);
      expect(r.events('task.started').map((e) => e.task)).toEqual(['t1']);
      expect(r.events('task.finished')[0]).toMatchObject({ task: 't1', status: 'fatal' });
      expect(r.events('step.started', 'decompose/t2/impl')).toEqual([]);
      expect(r.events('step.finished', 'decompose/t1/impl')[0]).toMatchObject({ status: 'fatal' });
      expect(r.events('run.finished')[0]).toMatchObject({ status: 'fatal' });
      expect(r.report.steps.find((s) => s.step === 'decompose')?.status).toBe('fatal');
    },
  );

  it('resumes a run whose task failed: the plan is kept, passed steps are skipped, the failed task runs again', async () => {
    const first = await runScenario({
      workflow: SPLIT,
      stub: `version: 1
rules:
${PLAN}  - match: "decompose/t1/impl"
    write: { "src/a/x.ts": "export const x = 1;\\n" }
  - match: "decompose/t2/impl"
    attempts:
      - { exit_code: 1, stderr: "flaky" }
      - { write: { "src/b.ts": "b\\n" } }
`,
    });
    expect(first.code).toBe(1);
    expect(first.state.values['decompose.status']).toBe('fatal');
    const r = await continueScenario(first);
    expect(r.code).toBe(0);
    expect(r.state.status).toBe('pass');
    expect(r.commits).toEqual(['[gump] step:impl task:t1 attempt:1', '[gump] step:impl task:t2 attempt:1']);
    expect(r.state.values['decompose.status']).toBe('pass');
    expect(r.state.values['decompose/t2/impl.status']).toBe('pass');
    expect(r.state.values['decompose/t2/impl.attempt']).toBe('1');
    expect(r.state.stubCalls.decompose).toBe(1);
    expect(r.events('split.planned')).toHaveLength(1);
    expect(r.events('step.skipped').map((e) => e.step)).toEqual(['decompose']);
    expect(r.events('task.started').map((e) => e.task)).toEqual(['t1', 't2', 't2']);
    expect(r.events('run.finished').map((e) => e.status)).toEqual(['fatal', 'pass']);
  });

  it("confines session lookups to the task: session.from resumes the same task's step", async () => {
    const r = await runScenario({
      workflow: `name: sess
steps:
  - name: decompose
    type: split
    agent: claude-sonnet
    prompt: "Plan"
    each:
      - { name: impl, type: code, agent: claude-sonnet, prompt: "Do {task.name}" }
      - { name: fix, type: code, agent: claude-sonnet, prompt: "Fix {task.name}", session: { from: impl } }
`,
      stub: `version: 1
rules:
${PLAN}`,
    });
    expect(r.code).toBe(0);
    expect(r.commits).toEqual([]);
    expect(r.state.values['decompose/t1/fix.session_id']).toBe('stub-decompose/t1/impl-1');
    expect(r.state.values['decompose/t2/fix.session_id']).toBe('stub-decompose/t2/impl-1');
    expect(r.events('agent.finished', 'decompose/t2/fix')[0]).toMatchObject({ session: 'stub-decompose/t2/impl-1' });
  });
});
