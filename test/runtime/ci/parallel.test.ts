// Parallel fan-outs cut into CI jobs: a parallel split's branches each in a job of its own from the
// planner's boundary, then the merge job joining their boundaries (pass; a conflict is fatal and
// merges nothing), and a parallel group the same way — each ends as an in-process `gump run` does.

import { describe, expect, it } from 'vitest';
import { byStep, demoProject, FAST_GATES, outcomeOf, runLibrary } from '../e2e/library-run.js';
import { chain, ciJob, finalState, pipeline } from './ci-chain.js';
import { SEQ, SEQ_STUB } from './workflows.js';

const PAR = SEQ.replace('name: seq', 'name: par').replace('    type: split\n', '    type: split\n    parallel: true\n');
const CONFLICT_STUB = SEQ_STUB.replace('files: ["src/two.js"]', 'files: ["src/one.js", "src/two.js"]').replace(
  'write: { "src/two.js": "module.exports = 2;\\n" }',
  'write: { "src/two.js": "module.exports = 2;\\n", "src/one.js": "module.exports = 11;\\n" }',
);

const GROUP = `name: grp
steps:
  - name: first
    type: code
    agent: claude-haiku
    prompt: "Start"
  - name: reviews
    parallel: true
    steps:
      - { name: left, type: code, agent: claude-haiku, prompt: "Left" }
      - { name: right, type: code, agent: claude-haiku, prompt: "Right" }
  - name: quality
    gate: [compile, test]
`;
const GROUP_STUB = `version: 1
rules:
  - match: first
    write: { "src/first.js": "module.exports = 0;\\n" }
  - match: reviews/left
    write: { "src/left.js": "module.exports = 1;\\n" }
  - match: reviews/right
    write: { "src/right.js": "module.exports = 2;\\n" }
`;

async function compare(name: string, p: ReturnType<typeof pipeline>): Promise<void> {
  const ci = outcomeOf(await finalState(p));
  const local = outcomeOf(await runLibrary({ workflow: name, files: p.files }));
  expect(ci.status).toBe(local.status);
  expect(ci.tree).toBe(local.tree);
  expect(ci.steps).toEqual(local.steps);
  expect(byStep(ci.ledger)).toEqual(byStep(local.ledger));
  expect([...ci.commits].sort()).toEqual([...local.commits].sort());
}

describe('ci: parallel branches as jobs', () => {
  it('a parallel split: planner, one job per task from the planner boundary, the merge job, the next step', async () => {
    const p = pipeline(
      'par',
      demoProject({ ...FAST_GATES, '.gump/workflows/par.yaml': PAR, '.gump/stub.yaml': SEQ_STUB }),
    );
    const [planner] = await chain(p, ['planner-0']);
    expect(planner!.outputs).toMatchObject({ state: 'pass', count: '3' });
    // The matrix: every branch job downloads only the planner's boundary.
    const branches = await Promise.all([0, 1, 2].map((b) => ciJob(p, `branch-0-${b}`, { only: ['planner-0'] })));
    for (const b of branches) expect(b.code, b.stderr + b.stdout).toBe(0);
    const rest = await chain(p, ['merge-0', 'step-1']);
    expect(rest.map((j) => [j.code, j.outputs.state])).toEqual([
      [0, 'pass'],
      [0, 'pass'],
    ]);
    await compare('par', p);
  });

  it('a merge conflict between branch jobs is fatal and merges nothing', async () => {
    const p = pipeline(
      'par',
      demoProject({ ...FAST_GATES, '.gump/workflows/par.yaml': PAR, '.gump/stub.yaml': CONFLICT_STUB }),
    );
    await chain(p, ['planner-0']);
    for (const b of [0, 1, 2]) expect((await ciJob(p, `branch-0-${b}`, { only: ['planner-0'] })).code).toBe(0);
    const [merge] = await chain(p, ['merge-0']);
    expect(merge!.code).toBe(1);
    expect(merge!.outputs.state).toBe('fatal');
    const r = await finalState(p);
    expect(r.state.status).toBe('fatal');
    expect(r.state.message).toContain('parallel merge conflict in plan: src/one.js (one, two)');
    expect(r.file('src/one.js')).toBeUndefined();
    expect(r.events('merge.finished')).toMatchObject([{ status: 'conflict' }]);
    await compare('par', p);
  });

  it('a failed branch job with a group-retry pass left: the merge job runs the next pass in-process, then merges', async () => {
    const retry = PAR.replace('    gate: [schema]\n', '    gate: [schema]\n    retry:\n      - exit: 2\n');
    const stub = SEQ_STUB.replace(
      '    write: { "src/two.js": "module.exports = 2;\\n" }',
      '    attempts:\n      - write: { "src/two.js": "module.exports = (;\\n" }\n      - replace: [ { file: src/two.js, find: "(;", with: "2;" } ]',
    );
    const p = pipeline(
      'par',
      demoProject({ ...FAST_GATES, '.gump/workflows/par.yaml': retry, '.gump/stub.yaml': stub }),
    );
    await chain(p, ['planner-0']);
    const branches = await Promise.all([0, 1, 2].map((b) => ciJob(p, `branch-0-${b}`, { only: ['planner-0'] })));
    expect(branches.map((b) => [b.code, b.outputs.state])).toEqual([
      [0, 'pass'],
      [1, 'fatal'],
      [0, 'pass'],
    ]);
    // A report job before the merge sees every branch (joined state-wise, nothing merged).
    const mid = await finalState(p);
    expect([
      mid.state.steps['plan/one/impl']?.status,
      mid.state.steps['plan/two/impl']?.status,
      mid.state.steps['plan/three/impl']?.status,
    ]).toEqual(['pass', 'fatal', 'pass']);
    expect(mid.file('src/one.js')).toBeUndefined();
    const rest = await chain(p, ['merge-0', 'step-1']);
    expect(rest.map((j) => [j.code, j.outputs.state])).toEqual([
      [0, 'pass'],
      [0, 'pass'],
    ]);
    const r = await finalState(p);
    expect(r.state.splits.plan!.pass).toBe(2);
    expect(r.events('attempt.started', 'plan/one/impl')).toHaveLength(1);
    await compare('par', p);
  });

  it('a parallel group: one job per child from the state before the group, then the merge job', async () => {
    const p = pipeline(
      'grp',
      demoProject({ ...FAST_GATES, '.gump/workflows/grp.yaml': GROUP, '.gump/stub.yaml': GROUP_STUB }),
    );
    await chain(p, ['step-0']);
    const children = await Promise.all([0, 1].map((b) => ciJob(p, `branch-1-${b}`, { only: ['step-0'] })));
    for (const c of children) expect(c.code, c.stderr + c.stdout).toBe(0);
    const rest = await chain(p, ['merge-1', 'step-2']);
    expect(rest.map((j) => j.outputs.state)).toEqual(['pass', 'pass']);
    await compare('grp', p);
  });
});
