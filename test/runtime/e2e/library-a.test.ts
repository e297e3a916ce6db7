// End-to-end runs of the built-in library (part 1: freeform, simple, tdd, bugfix), each once
// in-process and once with every job unit in a fresh runtime process (`--isolate-steps`): both
// must end with the same tree, step statuses, state and ledger outcome. freeform and simple
// resolve their gates from package.json (npm scripts); tdd and bugfix from gump.toml.

import { describe, expect, it } from 'vitest';
import { FAST_GATES, projectFiles, runBothWays } from './library-run.js';

describe('built-in library end to end (stub mode)', () => {
  it('freeform: one top-tier step implements the spec; compile gates it', async () => {
    const { normal: r } = await runBothWays({ workflow: 'freeform', files: projectFiles('freeform') });
    expect(r.code, r.output).toBe(0);
    expect(r.state.status).toBe('pass');
    expect(r.commits).toEqual(['[gump] step:execute task:- attempt:1']);
    expect(r.file('src/math.test.js')).toContain("require('./math.js')");
    expect(r.file('docs/architecture.md')).toContain('Modules: `src/math.js`');
    expect(r.state.values['execute.agent']).toBe('claude-opus');
    expect(r.state.values['execute.gate.compile']).toBe('true');
    expect(r.state.values['execute.cost']).toBe('0.42');
    expect(r.state.values['execute.turns']).toBe('6');
    expect(r.events('run.finished')).toMatchObject([{ status: 'pass', cost: 0.42 }]);
  });

  it('simple: planner, one code step per task in order, final quality gate', async () => {
    const { normal: r, isolated } = await runBothWays({ workflow: 'simple', files: projectFiles('simple') });
    expect(r.code, r.output).toBe(0);
    expect(r.commits).toEqual([
      '[gump] step:code task:add-math attempt:1',
      '[gump] step:code task:add-stats attempt:1',
    ]);
    expect(r.state.splits.decompose!.tasks.map((t) => t.name)).toEqual(['add-math', 'add-stats']);
    expect(r.state.values['decompose.gate.schema']).toBe('true');
    expect(r.state.values['decompose/add-stats/code.files']).toBe('src/stats.js, src/stats.test.js');
    expect(r.state.values['quality.gate.test']).toBe('true');
    expect(r.events('task.finished').map((e) => [e.task, e.status])).toEqual([
      ['add-math', 'pass'],
      ['add-stats', 'pass'],
    ]);
    expect(r.events('run.finished')).toMatchObject([{ status: 'pass', cost: 0.57 }]);
    // The isolated run spawned one process per unit: planner, two tasks, quality.
    expect(isolated.events('step.skipped')).toEqual([]);
  });

  it("tdd: red escalates to sonnet for a real failing test, green resumes red's session and retries on the test error", async () => {
    const { normal: r } = await runBothWays({ workflow: 'tdd', files: projectFiles('tdd', FAST_GATES) });
    expect(r.code, r.output).toBe(0);
    expect(r.commits).toEqual([
      '[gump] step:red task:add-calc attempt:1',
      '[gump] step:red task:add-calc attempt:2',
      '[gump] step:green task:add-calc attempt:1',
      '[gump] step:green task:add-calc attempt:2',
      '[gump] step:red task:add-format attempt:1',
      '[gump] step:green task:add-format attempt:1',
    ]);
    const red = 'decompose/add-calc/red';
    const green = 'decompose/add-calc/green';
    // red attempt 1 (haiku) wrote no test: `touched` and `tests_found` failed; sonnet wrote it.
    expect(r.events('attempt.finished', red).map((e) => e.status)).toEqual(['fail', 'pass']);
    expect(String(r.events('attempt.finished', red)[0]!.error)).toContain('no changed file matches "*[Tt]est*"');
    expect(r.events('retry.decided', red)).toMatchObject([
      { attempt: 2, agent: 'claude-sonnet', sticky: { session: 'new' } },
    ]);
    expect(r.state.values[`${red}.agent`]).toBe('claude-sonnet');
    expect(r.state.values[`${red}.gate.tests_found`]).toBe('true');
    // green resumed the session red ended in, kept it on the prompt-override retry.
    expect(r.events('agent.finished', green).map((e) => e.session)).toEqual([`stub-${red}-2`, `stub-${red}-2`]);
    expect(r.events('retry.decided', green)).toMatchObject([
      { attempt: 2, agent: 'claude-haiku', sticky: { promptEntry: 0 } },
    ]);
    expect(String(r.events('attempt.finished', green)[0]!.error)).toContain('add(2, 3) returned -1');
    expect(r.state.values[`${green}.gate.untouched_2`]).toBe('true');
    expect(r.state.values[`${green}.attempt`]).toBe('2');
    expect(r.file('src/calc.js')).toContain('return a + b;');
    expect(r.state.values['quality.gate.lint']).toBe('true');
  });

  it('bugfix: a crashing cheap agent escalates, patch resumes the reproduction session and recovers from a broken build', async () => {
    const { normal: r } = await runBothWays({ workflow: 'bugfix', files: projectFiles('bugfix', FAST_GATES) });
    expect(r.code, r.output).toBe(0);
    const reproduce = 'analyze/fix-cart-total/reproduce';
    const patch = 'analyze/fix-cart-total/patch';
    // The crash left nothing to commit; every later attempt did.
    expect(r.commits).toEqual([
      '[gump] step:reproduce task:fix-cart-total attempt:2',
      '[gump] step:patch task:fix-cart-total attempt:1',
      '[gump] step:patch task:fix-cart-total attempt:2',
    ]);
    const crash = r.events('attempt.finished', reproduce)[0]!;
    expect(crash).toMatchObject({ attempt: 1, status: 'fail' });
    expect(String(crash.error)).toMatch(/^agent claude-haiku failed \(exit 1\): .*429 rate_limit_error/);
    expect(r.events('agent.finished', reproduce).map((e) => e.agent)).toEqual(['claude-haiku', 'claude-sonnet']);
    expect(r.events('agent.finished', patch).map((e) => e.session)).toEqual([
      `stub-${reproduce}-2`,
      `stub-${reproduce}-2`,
    ]);
    expect(String(r.events('attempt.finished', patch)[0]!.error)).toContain('gate compile failed');
    expect(r.state.values[`${patch}.gate.test`]).toBe('true');
    expect(r.file('src/cart.js')).toContain('for (let i = 0; i < items.length; i++) sum');
    expect(r.file('src/cart.test.js')).toContain('expected 8');
    expect(r.report.totals.cost).toBeCloseTo(0.16, 6);
  });
});
