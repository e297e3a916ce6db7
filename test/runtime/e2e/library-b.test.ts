// End-to-end runs of the built-in library (part 2: cheap2sota, parallel-tasks, implement-spec,
// refactor), each once in-process and once with `--isolate-steps`: same tree, step statuses,
// state and ledger outcome.

import { describe, expect, it } from 'vitest';
import { FAST_GATES, projectFiles, runBothWays } from './library-run.js';

describe('built-in library end to end (stub mode)', () => {
  it('cheap2sota: the escalation ladder from qwen to claude-opus, with a guard trip and a worktree reset', async () => {
    const { normal: r } = await runBothWays({ workflow: 'cheap2sota', files: projectFiles('cheap2sota', FAST_GATES) });
    expect(r.code, r.output).toBe(0);
    const impl = 'decompose/add-slug/impl';
    expect(r.events('agent.finished', impl).map((e) => e.agent)).toEqual([
      'qwen',
      'qwen',
      'claude-haiku',
      'claude-sonnet',
      'claude-opus',
    ]);
    expect(r.events('attempt.finished', impl).map((e) => e.status)).toEqual([
      'fail',
      'fail',
      'guard_failed',
      'fail',
      'pass',
    ]);
    // Attempt 2 kept qwen's session; 3, 4 and 5 started new ones.
    expect(r.events('agent.finished', impl).map((e) => e.session)).toEqual([
      `stub-${impl}-1`,
      `stub-${impl}-1`,
      `stub-${impl}-3`,
      `stub-${impl}-4`,
      `stub-${impl}-5`,
    ]);
    expect(r.events('guard.tripped', impl)).toMatchObject([
      { attempt: 3, message: 'guard max_turns triggered: 61 turns, limit 60' },
    ]);
    expect(r.events('retry.decided', impl).map((e) => e.sticky)).toEqual([
      { promptEntry: 0 },
      { promptEntry: 0, agentEntry: 1, session: 'new' },
      { promptEntry: 0, agentEntry: 2, session: 'new' },
      { promptEntry: 0, agentEntry: 3, session: 'new', worktree: 'reset' },
    ]);
    // The trip reset its changes (no commit); attempt 5 reset attempt 4's draft away.
    expect(r.commits).toEqual([
      '[gump] step:impl task:add-slug attempt:1',
      '[gump] step:impl task:add-slug attempt:2',
      '[gump] step:impl task:add-slug attempt:5',
    ]);
    expect(r.file('src/slug.js')).toBe(
      "const slug = (text) => text.toLowerCase().split(/\\s+/).join('-');\nmodule.exports = { slug };\n",
    );
    expect(r.state.values[`${impl}.attempt`]).toBe('5');
    expect(r.state.values[`${impl}.retries`]).toBe('4');
    expect(r.report.totals.cost).toBeCloseTo(1.3, 6);
  });

  it('parallel-tasks: branches in their own worktrees, one escalating to claude-opus, merged before the quality gate', async () => {
    const { normal: r } = await runBothWays(
      { workflow: 'parallel-tasks', files: projectFiles('parallel-tasks', FAST_GATES) },
      { parallel: true },
    );
    expect(r.code, r.output).toBe(0);
    expect(r.commits).toEqual(['[gump] merge:decompose branches:add-min,add-max']);
    expect(r.events('attempt.finished', 'decompose/add-min/impl').map((e) => e.status)).toEqual(['pass']);
    expect(r.events('agent.finished', 'decompose/add-max/impl').map((e) => `${e.agent} ${e.session}`)).toEqual([
      'claude-sonnet stub-decompose/add-max/impl-1',
      'claude-sonnet stub-decompose/add-max/impl-1',
      'claude-opus stub-decompose/add-max/impl-3',
    ]);
    expect(r.events('merge.finished')).toMatchObject([{ step: 'decompose', status: 'pass' }]);
    expect(r.file('src/min.js')).toContain('Math.min');
    expect(r.file('src/max.js')).toContain('Math.max');
    expect(r.state.values['quality.gate.test']).toBe('true');
    expect(Object.keys(r.state.splits.decompose!.branchHeads).sort()).toEqual(['add-max', 'add-min']);
  });

  it("implement-spec: the arch-review validator rejects once, the retry carries its comments, smoke resumes converge's session", async () => {
    const { normal: r } = await runBothWays({
      workflow: 'implement-spec',
      files: projectFiles('implement-spec', FAST_GATES),
    });
    expect(r.code, r.output).toBe(0);
    const converge = 'decompose/add-greet/converge';
    const review = `${converge}/gate/review/review`;
    expect(r.events('attempt.finished', converge).map((e) => e.status)).toEqual(['fail', 'pass']);
    expect(String(r.events('attempt.finished', converge)[0]!.error)).toContain(
      'gate review failed: 1. src/greet.js greet(): no error handling',
    );
    expect(r.events('agent.finished', review).map((e) => e.agent)).toEqual(['claude-opus', 'claude-opus']);
    expect(r.state.values[`${converge}.gate.review`]).toBe('true');
    expect(r.state.values[`${converge}.gate.review.comments`]).toContain('empty-name case is handled');
    expect(r.events('retry.decided', converge)).toMatchObject([
      { attempt: 2, agent: 'claude-sonnet', sticky: { promptEntry: 0 } },
    ]);
    // smoke: agent `{converge.agent}`, session from converge.
    expect(r.events('agent.finished', 'decompose/add-greet/smoke')).toMatchObject([
      { agent: 'claude-sonnet', session: `stub-${converge}-1` },
    ]);
    expect(r.commits).toEqual([
      '[gump] step:converge task:add-greet attempt:1',
      '[gump] step:converge task:add-greet attempt:2',
    ]);
    expect(r.file('src/greet.js')).toContain("throw new TypeError('greet: name is empty')");
  });

  it('refactor: a broken caller is repaired on the prompt-override retry; a blast-radius violation is undone', async () => {
    const { normal: r } = await runBothWays({ workflow: 'refactor', files: projectFiles('refactor', FAST_GATES) });
    expect(r.code, r.output).toBe(0);
    const rename = 'decompose/rename-sum/apply';
    const extract = 'decompose/extract-format/apply';
    expect(String(r.events('attempt.finished', rename)[0]!.error)).toContain('FAIL src/report.test.js');
    expect(r.events('check.failed', extract)).toMatchObject([
      { attempt: 1, error: 'blast radius violation: src/cart.js' },
    ]);
    expect(r.events('attempt.finished', extract).map((e) => e.status)).toEqual(['fail', 'pass']);
    expect(r.file('src/report.js')).toBe(
      "const { add } = require('./math.js');\nconst { money } = require('./format.js');\nconst line = (a, b) => `total ${money(add(a, b))}`;\nmodule.exports = { line };\n",
    );
    expect(r.file('src/cart.js')).not.toContain('TODO');
    expect(r.git('diff', '--stat', r.state.base, r.state.branch, '--', 'src/cart.js')).toBe('');
    expect(r.state.values['quality.gate.lint']).toBe('true');
  });
});
