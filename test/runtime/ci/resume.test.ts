// CI chains that stop and go on: an approval point (waiting, then approved — or rejected: aborted),
// a failed job re-run resuming from its own boundary, and a re-run of the whole chain skipping every
// passed unit. Each ends as the in-process run of the same plan and stub script does.

import { describe, expect, it } from 'vitest';
import { decide } from '../../../runtime/run/approval.js';
import { openRun } from '../../../runtime/run/open.js';
import { silentTrace } from '../../../runtime/run/trace.js';
import { continueScenario } from '../scenario/harness.js';
import { demoProject, FAST_GATES, outcomeOf, runLibrary } from '../e2e/library-run.js';
import { chain, ciJob, finalState, pipeline } from './ci-chain.js';
import { FLAKY, FLAKY_STUB, GATED, GATED_STUB, SEQ, SEQ_STUB } from './workflows.js';

function project(name: string, wf: string, stub: string): Record<string, string> {
  return demoProject({ ...FAST_GATES, [`.gump/workflows/${name}.yaml`]: wf, '.gump/stub.yaml': stub });
}

describe('ci: approval, re-runs', () => {
  it('an approval point: the job waits (state=waiting, exit 0), the approval job decides, the run goes on', async () => {
    const p = pipeline('gated', project('gated', GATED, GATED_STUB));
    const [waiting] = await chain(p, ['step-0']);
    expect([waiting!.code, waiting!.outputs.state]).toEqual([0, 'waiting']);
    // A job without a decision does nothing but report the wait again.
    const again = await ciJob(p, 'step-0', { name: 'step-0-again' });
    expect([again.code, again.outputs.state]).toEqual([0, 'waiting']);
    const approved = await ciJob(p, 'step-0', {
      name: 'approve-0',
      env: { GUMP_DECISION: 'approve', GUMP_ACTOR: 'octocat' },
    });
    expect([approved.code, approved.outputs.state], approved.stderr).toEqual([0, 'pass']);
    const [last] = await chain(p, ['step-1']);
    expect(last!.outputs.state).toBe('pass');
    const r = await finalState(p);
    expect(r.events('approval.decided')).toMatchObject([{ step: 'impl', decision: 'approve', by: 'octocat' }]);

    const local = await runLibrary({ workflow: 'gated', files: p.files });
    expect(decide(openRun(local.worktree, { trace: silentTrace, runtimeEntry: '' }), 'approve')).toBe('');
    const done = outcomeOf(await continueScenario(local));
    const ci = outcomeOf(r);
    expect(ci.status).toBe('pass');
    expect(ci.tree).toBe(done.tree);
    expect(ci.steps).toEqual(done.steps);
    expect(ci.ledger).toEqual(done.ledger);
    expect(ci.commits).toEqual(done.commits);
  });

  it('a rejected approval ends the run aborted (exit 4)', async () => {
    const p = pipeline('gated', project('gated', GATED, GATED_STUB));
    await chain(p, ['step-0']);
    const rejected = await ciJob(p, 'step-0', {
      name: 'approve-0',
      env: { GUMP_DECISION: 'reject', GUMP_ACTOR: 'octocat', GUMP_REASON: 'wrong  approach' },
    });
    expect([rejected.code, rejected.outputs.state]).toEqual([4, 'aborted']);
    const r = await finalState(p);
    expect(r.state.status).toBe('aborted');
    // The reviewer's reason (e.g. a variable given when playing GitLab's reject job) is the run's.
    expect(r.state.message).toMatch(/: wrong approach$/);
    expect(r.events('approval.decided')).toMatchObject([
      { decision: 'reject', by: 'octocat', reason: 'wrong approach' },
    ]);
    expect(r.events('run.finished').map((e) => e.status)).toEqual(['aborted']);
  });

  it('a failed job re-run resumes from its own boundary and ends as gump run --resume does', async () => {
    const p = pipeline('flaky', project('flaky', FLAKY, FLAKY_STUB));
    const jobs = await chain(p, ['step-0', 'step-1']);
    expect(jobs.map((j) => [j.code, j.outputs.state])).toEqual([
      [0, 'pass'],
      [1, 'fatal'],
    ]);
    const rerun = await ciJob(p, 'step-1');
    expect([rerun.code, rerun.outputs.state], rerun.stderr).toEqual([0, 'pass']);
    await chain(p, ['step-2']);
    const r = await finalState(p);
    expect(r.events('attempt.started', 'first')).toHaveLength(1);

    const local = await runLibrary({ workflow: 'flaky', files: p.files });
    expect(local.state.status).toBe('fatal');
    const done = outcomeOf(await continueScenario(local));
    const ci = outcomeOf(r);
    expect(ci.status).toBe('pass');
    expect(ci.tree).toBe(done.tree);
    expect(ci.steps).toEqual(done.steps);
    expect(ci.ledger).toEqual(done.ledger);
    expect(ci.commits).toEqual(done.commits);
  });

  it('a re-run of the whole chain skips every passed unit and leaves the run as it was', async () => {
    const p = pipeline('seq', project('seq', SEQ, SEQ_STUB));
    const units = ['planner-0', 'slot-0-0', 'slot-0-1-last', 'step-0', 'step-1'];
    await chain(p, units);
    const before = outcomeOf(await finalState(p));
    const again = await chain(p, units);
    expect(again.map((j) => [j.code, j.outputs.state])).toEqual(units.map(() => [0, 'pass']));
    for (const j of again) expect(j.stdout).toContain('skipped');
    const after = await finalState(p);
    expect(outcomeOf(after)).toEqual(before);
  });
});
