// End-to-end on gitlab-ci-local 4.72.0 (harness.ts): an approval point as manual jobs. The step
// waits (the unit job passes, the share job pushes the waiting run branch); playing the blocking
// approve job finishes the run and publishes it; playing the reject job ends it `aborted`, after
// which the approve job fails and nothing is published.

import { describe, expect, it } from 'vitest';
import { FAST_GATES, projectFiles } from '../../runtime/e2e/library-run.js';
import { gitlabProject, missing, runPipeline } from './harness.js';

const REVIEW = `name: review
steps:
  - name: execute
    type: code
    prompt: "{spec}"
    agent: claude-opus
    hitl: after_gate
    gate: [compile]
`;

async function project() {
  return gitlabProject('review', { ...projectFiles('freeform', FAST_GATES), '.gump/workflows/review.yaml': REVIEW });
}

describe.skipIf(missing !== undefined)('approvals on GitLab CI (gitlab-ci-local, stub mode)', () => {
  it('approved: the approve job continues the run, which is published', async () => {
    const p = await project();
    const run = await runPipeline(p, 'review', ['execute-approve-1']);
    expect(run.status, run.log).toBe(0);
    expect(run.state?.status, run.log).toBe('pass');
    expect(run.report?.status).toBe('pass');
    expect(run.ledger.map((e) => e.event)).toEqual(expect.arrayContaining(['approval.waiting', 'approval.decided']));
    expect(run.ledger.find((e) => e.event === 'approval.decided')).toMatchObject({ decision: 'approve' });
    expect(run.mergeRequests).toHaveLength(1);
    expect(run.branches).toEqual(['main', run.state!.branch].sort());
  }, 290_000);

  it('rejected: the run ends aborted, the approve job fails, nothing is published', async () => {
    const p = await project();
    const run = await runPipeline(p, 'review', ['execute-reject-1', 'execute-approve-1']);
    expect(run.log).toMatch(/the run is aborted/);
    expect(run.state?.status, run.log).toBe('aborted');
    expect(run.ledger.find((e) => e.event === 'approval.decided')).toMatchObject({ decision: 'reject' });
    expect(run.jobs).toMatchObject({
      execute: 'PASS',
      'execute-reject-1': 'PASS',
      'execute-approve-1': 'FAIL',
      'gump-report': 'PASS',
    });
    expect(run.jobs['gump-publish']).toBeUndefined();
    // The `when: always` report job (run by the harness, as GitLab would) reports the rejected run.
    expect(run.report?.status).toBe('aborted');
    expect(run.mergeRequests).toHaveLength(0);
  }, 290_000);
});
