// End-to-end runs of the built-in library (part 1: freeform, simple, tdd, bugfix), each once
// in-process and once with every job unit in a fresh runtime process (`--isolate-steps`): both
// must end with the same tree, step statuses, state and ledger outcome.

import { describe, expect, it } from 'vitest';
import { projectFiles, runBothWays } from './library-run.js';

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
    expect(r.commits).toEqual(['[gump] step:code task:add-math attempt:1', '[gump] step:code task:add-stats attempt:1']);
    expect(r.state.splits.decompose!.tasks.map((t) => t.name)).toEqual(['add-math', 'add-stats']);
    expect(r.state.values['decompose.gate.schema']).toBe('true');
    expect(r.state.values['decompose/add-stats/code.files']).toBe('src/stats.js, src/stats.test.js');
    expect(r.state.values['quality.gate.test']).toBe('true');
    expect(r.events('task.finished').map((e) => [e.task, e.status])).toEqual([['add-math', 'pass'], ['add-stats', 'pass']]);
    expect(r.events('run.finished')).toMatchObject([{ status: 'pass', cost: 0.57 }]);
    // The isolated run spawned one process per unit: planner, two tasks, quality.
    expect(isolated.events('step.skipped')).toEqual([]);
  });
});
