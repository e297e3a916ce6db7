// Job-boundary isolation beyond the library: a split's group retry (a failed task in the first
// pass, §9.5), a parallel split planned with no task and an approval point, each run in-process and with every job unit in a fresh
// runtime process restoring from the boundary directory; both must end identically.

import { describe, expect, it } from 'vitest';
import { continueScenario } from '../scenario/harness.js';
import { decide } from '../../../runtime/run/approval.js';
import { openRun } from '../../../runtime/run/open.js';
import { silentTrace } from '../../../runtime/run/trace.js';
import { demoProject, FAST_GATES, outcomeOf, runBothWays, runLibrary } from './library-run.js';

const GROUP_RETRY = `name: passes
steps:
  - name: plan
    type: split
    get: { prompt: "Plan {spec}" }
    run:
      agent: claude-sonnet
    gate: [schema]
    retry:
      - exit: 2
    each:
      - name: impl
        type: code
        get: { prompt: "{task.description}" }
        run:
          agent: claude-haiku
        gate: [compile]
  - name: quality
    gate: [compile, test]
`;
const GROUP_STUB = `version: 1
rules:
  - match: plan
    plan:
      - { name: one, description: "src/one.js", files: ["src/one.js"] }
      - { name: two, description: "src/two.js", files: ["src/two.js"] }
      - { name: three, description: "src/three.js", files: ["src/three.js"] }
  - match: plan/one/impl
    write: { "src/one.js": "module.exports = 1;\\n" }
  - match: plan/two/impl
    attempts:
      - write: { "src/two.js": "module.exports = (;\\n" }
      - replace: [ { file: src/two.js, find: "(;", with: "2;" } ]
  - match: plan/three/impl
    write: { "src/three.js": "module.exports = 3;\\n" }
`;

describe('job-boundary isolation', () => {
  it('a failed task in the first pass is re-run in the second; passed tasks are kept', async () => {
    const { normal: r } = await runBothWays({
      workflow: 'passes',
      files: demoProject({ ...FAST_GATES, '.gump/workflows/passes.yaml': GROUP_RETRY, '.gump/stub.yaml': GROUP_STUB }),
    });
    expect(r.code, r.output).toBe(0);
    expect(r.state.splits.plan!.pass).toBe(2);
    expect(r.events('attempt.started', 'plan/one/impl')).toHaveLength(1);
    expect(r.events('attempt.finished', 'plan/two/impl').map((e) => `${e.attempt} ${e.status}`)).toEqual([
      '1 fail',
      '1 pass',
    ]);
    expect(r.events('task.started').map((e) => e.task)).toEqual(['one', 'two', 'two', 'three']);
    expect(r.commits).toEqual([
      '[gump] step:impl task:one attempt:1',
      '[gump] step:impl task:two attempt:1',
      '[gump] step:impl task:two attempt:1',
      '[gump] step:impl task:three attempt:1',
    ]);
  });

  it('a parallel split planned with no task: no branch job runs, the merge job merges nothing and the run goes on', async () => {
    const wf = GROUP_RETRY.replace('name: passes\n', 'name: empty\n').replace(
      '    type: split\n',
      '    type: split\n    parallel: true\n',
    );
    expect(wf).toContain('parallel: true');
    const { normal: r } = await runBothWays({
      workflow: 'empty',
      files: demoProject({
        ...FAST_GATES,
        '.gump/workflows/empty.yaml': wf,
        '.gump/stub.yaml': 'version: 1\nrules:\n  - match: plan\n    plan: []\n',
      }),
    });
    expect(r.code, r.output).toBe(0);
    expect(r.events('task.started')).toEqual([]);
    expect(r.events('merge.finished').map((e) => e.status)).toEqual(['pass']);
    expect(r.state.values['quality.status']).toBe('pass');
  });

  it('an approval point: waiting, approved, then passing — the same with every unit in its own process', async () => {
    const wf =
      'name: gated\nsteps:\n  - name: impl\n    type: code\n    get: { prompt: "{spec}" }\n    run:\n      agent: claude-sonnet\n      hitl: after_gate\n    gate: [compile]\n  - name: quality\n    gate: [compile, test]\n';
    const stub = 'version: 1\nrules:\n  - match: impl\n    write: { "src/a.js": "module.exports = 1;\\n" }\n';
    const files = demoProject({ ...FAST_GATES, '.gump/workflows/gated.yaml': wf, '.gump/stub.yaml': stub });
    const outcomes = [];
    for (const isolate of [false, true]) {
      const waiting = await runLibrary({ workflow: 'gated', files, isolate });
      expect(waiting.code, waiting.output).toBe(3);
      expect(waiting.state.waiting).toMatchObject({ step: 'impl', point: 'after_gate', attempt: 1 });
      expect(decide(openRun(waiting.worktree, { trace: silentTrace, runtimeEntry: '' }), 'approve')).toBe('');
      const done = await continueScenario(waiting, { isolate });
      expect(done.code, done.output).toBe(0);
      expect(done.events('approval.decided')).toMatchObject([
        { step: 'impl', decision: 'approve', point: 'after_gate' },
      ]);
      outcomes.push(outcomeOf(done));
    }
    const [a, b] = outcomes;
    expect(b!.tree).toBe(a!.tree);
    expect(b!.steps).toEqual(a!.steps);
    expect(b!.ledger).toEqual(a!.ledger);
    expect(b!.events).toEqual(a!.events);
    expect(b!.commits).toEqual(['[gump] step:impl task:- attempt:1']);
  });
});
