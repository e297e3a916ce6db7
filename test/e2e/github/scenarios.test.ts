// The GitHub target's run-time mapping, end to end through the test executor (stub mode): each
// sequential task in its own job, a retry with escalation inside one job, a parallel conflict,
// splits planned with no task, a sequential split as the last step, a parallel task failing in the
// first pass, approvals approved and rejected (environment), inside a sequential split's tasks, and
// continued by dispatch, and a failed job re-run that resumes. Where a local run can say what
// should happen, the outcome is compared.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAST_GATES, projectFiles, startInRepo } from '../../runtime/e2e/library-run.js';
import { dispatch, expectSameAsLocal, git, githubRepo, publishedTree } from './harness.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'e2e-github');

function scenario(name: string): Record<string, string> {
  return {
    [`.gump/workflows/${name}.yaml`]: readFileSync(join(FIXTURES, `${name}.yaml`), 'utf8'),
    '.gump/stub.yaml': readFileSync(join(FIXTURES, `${name}.stub.yaml`), 'utf8'),
  };
}

const agents = (run: { ledger: Array<Record<string, unknown>> }, step: string) =>
  run.ledger.filter((e) => e.event === 'agent.finished' && e.step === step).map((e) => e.agent);

describe('GitHub target end to end (stub mode, test executor)', () => {
  it('runs each task of a sequential split in its own job, in plan order, unused slots skipped', async () => {
    const repo = await githubRepo('simple', projectFiles('simple', FAST_GATES));
    const run = await dispatch(repo, 'simple');
    expect(run.result.conclusion, run.out).toBe('success');
    expect(run.result.jobs).toMatchObject({
      decompose: 'success',
      'decompose-task-1': 'success',
      'decompose-task-2': 'success',
      'decompose-task-3': 'skipped',
      'decompose-task-16': 'skipped',
      'decompose-end': 'success',
      quality: 'success',
      'gump-publish': 'success',
      'gump-report': 'success',
    });
    // Each task job ran its own task only (the attempt trace names the step path).
    expect(run.jobLog('decompose-task-1')).toContain('decompose/add-math/code');
    expect(run.jobLog('decompose-task-1')).not.toContain('decompose/add-stats/code');
    expect(run.jobLog('decompose-task-2')).toContain('decompose/add-stats/code');
    expect(run.jobLog('decompose-task-2')).not.toContain('[decompose/add-math/code]');
  });

  it('retries with escalation inside one job: haiku, then opus in a new session', async () => {
    const repo = await githubRepo('escalate', scenario('escalate'));
    const run = await dispatch(repo, 'escalate');
    expect(run.result.jobs).toMatchObject({ impl: 'success', 'gump-publish': 'success' });
    expect(agents(run, 'impl')).toEqual(['claude-haiku', 'claude-opus']);
    expectSameAsLocal(run, await startInRepo(repo, { workflow: 'escalate', files: {} }));
  });

  it('a parallel conflict: both task jobs pass, the merge job fails, nothing merged or published', async () => {
    const repo = await githubRepo('conflict', scenario('conflict'));
    const run = await dispatch(repo, 'conflict');
    expect(run.result.conclusion).toBe('failure');
    expect(run.result.jobs).toMatchObject({
      decompose: 'success',
      'decompose-tasks ({"i":0,"name":"left"})': 'success',
      'decompose-tasks ({"i":1,"name":"right"})': 'success',
      'decompose-merge': 'failure',
      'gump-publish': 'skipped',
      'gump-report': 'success',
    });
    expect(run.report?.status).toBe('fatal');
    expect(run.result.pulls).toEqual([]);
    expect(publishedTree(run)).toBeUndefined();
    expect(run.ledger.filter((e) => e.event === 'merge.finished').map((e) => e.status)).toEqual(['conflict']);
    expectSameAsLocal(run, await startInRepo(repo, { workflow: 'conflict', files: {} }), { parallel: true });
  });

  it.each([
    ['parallel', { 'decompose-tasks': 'skipped', 'decompose-merge': 'success' }],
    ['sequential', { 'decompose-task-1': 'skipped', 'decompose-end': 'success' }],
  ])(
    'a %s split planned with no task: no task job runs, the split ends, the run is published; same end as gump run',
    async (kind, jobs) => {
      const name = `empty-${kind}`;
      let workflow = readFileSync(join(FIXTURES, 'conflict.yaml'), 'utf8')
        .replace('name: conflict\n', `name: ${name}\n`)
        .replace('test -f shared.txt', 'test ! -f shared.txt');
      if (kind === 'sequential') workflow = workflow.replace('    parallel: true\n', '');
      const repo = await githubRepo(name, {
        [`.gump/workflows/${name}.yaml`]: workflow,
        '.gump/stub.yaml': 'version: 1\nrules:\n  - match: decompose\n    plan: []\n',
      });
      const run = await dispatch(repo, name);
      expect(run.result.conclusion, run.jobLog('gump-publish')).toBe('success');
      expect(run.result.jobs).toMatchObject({ decompose: 'success', ...jobs, 'gump-publish': 'success' });
      expect(run.ledger.filter((e) => e.event === 'agent.finished').map((e) => e.step)).toEqual(['decompose']);
      expectSameAsLocal(run, await startInRepo(repo, { workflow: name, files: {} }), { parallel: kind === 'parallel' });
    },
  );

  it('a sequential split as the last step: its task jobs run, the closing job ends the run, which is published; same end as gump run', async () => {
    const workflow = readFileSync(join(FIXTURES, 'conflict.yaml'), 'utf8')
      .replace('name: conflict\n', 'name: last\n')
      .replace('    parallel: true\n', '')
      .replace('test -f shared.txt', 'test -f left.txt');
    const repo = await githubRepo('last', {
      '.gump/workflows/last.yaml': workflow,
      '.gump/stub.yaml': readFileSync(join(FIXTURES, 'conflict.stub.yaml'), 'utf8')
        .replace('"shared.txt": "left\\n"', '"left.txt": "left\\n"')
        .replace('"shared.txt": "right\\n"', '"right.txt": "right\\n"'),
    });
    const run = await dispatch(repo, 'last');
    expect(run.result.conclusion, run.jobLog('gump-publish')).toBe('success');
    expect(run.result.jobs).toMatchObject({
      'decompose-task-1': 'success',
      'decompose-task-2': 'success',
      'decompose-end': 'success',
      'gump-publish': 'success',
    });
    expect(run.report?.status).toBe('pass');
    expect(publishedTree(run)).toContain('right.txt');
    expectSameAsLocal(run, await startInRepo(repo, { workflow: 'last', files: {} }));
  });

  it('a parallel split whose task fails in the first pass: the leg shows failed, the merge job runs the next pass, the jobs after it run; same end as gump run', async () => {
    const repo = await githubRepo('parallel-passes', scenario('parallel-passes'));
    const run = await dispatch(repo, 'parallel-passes');
    expect(run.result.conclusion, run.out).toBe('success');
    expect(run.result.jobs).toMatchObject({
      'decompose-tasks ({"i":0,"name":"one"})': 'success',
      // The leg's own result; job-level continue-on-error keeps it from failing what follows.
      'decompose-tasks ({"i":1,"name":"two"})': 'failure',
      'decompose-merge': 'success',
      check: 'success',
      'gump-publish': 'success',
    });
    expect(run.jobLog('decompose-merge')).toContain('[decompose/two/impl]');
    expectSameAsLocal(run, await startInRepo(repo, { workflow: 'parallel-passes', files: {} }), { parallel: true });
  });

  it('a parallel group: a job per child from the same base, then the merge job; same end as gump run', async () => {
    const repo = await githubRepo('group', scenario('group'));
    const run = await dispatch(repo, 'group');
    expect(run.result.conclusion, run.out).toBe('success');
    expect(run.result.jobs).toMatchObject({
      'both-api': 'success',
      'both-docs': 'success',
      both: 'success',
      check: 'success',
      'gump-publish': 'success',
    });
    // Each child job ran only its own child.
    expect(run.jobLog('both-api')).not.toContain('both/docs');
    expectSameAsLocal(run, await startInRepo(repo, { workflow: 'group', files: {} }), { parallel: true });
  });

  it('an approval approved in the environment review continues the step in the approval job', async () => {
    const repo = await githubRepo('approve', scenario('approve'));
    const run = await dispatch(repo, 'approve', { decisions: ['approve'] });
    expect(run.result.conclusion, run.out).toBe('success');
    expect(run.result.jobs).toMatchObject({
      impl: 'success',
      'impl-share': 'success',
      'impl-approve-1': 'success',
      check: 'success',
      'gump-publish': 'success',
    });
    // While it waited, the share job pushed the run branch for the reviewers.
    expect(git(repo, 'branch', '--list', 'gump/run-*')).toContain(run.runState!.branch);
    expect(run.ledger.filter((e) => e.event === 'approval.decided').map((e) => e.decision)).toEqual(['approve']);
    const local = await startInRepo(repo, { workflow: 'approve', files: {} });
    expect(local.state.status).toBe('waiting');
    expect(run.runState?.status).toBe('pass');
    expect(run.result.pulls).toHaveLength(1);
  });

  it('approvals inside a sequential split: each task slot job waits, its approval job continues it, then the next task', async () => {
    const repo = await githubRepo('seqhitl', {
      '.gump/workflows/seqhitl.yaml': `name: seqhitl
steps:
  - name: decompose
    type: split
    agent: claude-opus
    prompt: "Plan {spec}"
    gate: [schema]
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "{task.description}"
        hitl: after_gate
  - name: check
    gate: ["bash: test -f one.txt && test -f two.txt"]
`,
      '.gump/stub.yaml': scenario('parallel-passes')['.gump/stub.yaml']!.replace(
        / {4}attempts:\n.*\n.*\n/,
        '    write: { "two.txt": "2\\n" }\n',
      ),
      'gump.toml': '[ci]\ntask_slots = 2\n',
    });
    const run = await dispatch(repo, 'seqhitl', { decisions: ['approve', 'approve'] });
    expect(run.result.conclusion, run.out).toBe('success');
    expect(run.result.jobs).toMatchObject({
      'decompose-task-1': 'success',
      'decompose-task-1-approve-1': 'success',
      'decompose-task-2': 'success',
      'decompose-task-2-approve-1': 'success',
      'decompose-end': 'success',
      'decompose-end-approve-1': 'skipped',
      check: 'success',
      'gump-publish': 'success',
    });
    expect(run.ledger.filter((e) => e.event === 'approval.decided').map((e) => `${e.step} ${e.decision}`)).toEqual([
      'decompose/one/impl approve',
      'decompose/two/impl approve',
    ]);
    expect(run.runState?.status).toBe('pass');
  });

  it('an approval rejected in the environment review ends the run aborted, nothing published', async () => {
    const repo = await githubRepo('approve', scenario('approve'));
    const run = await dispatch(repo, 'approve', { decisions: ['reject'] });
    expect(run.result.jobs).toMatchObject({
      impl: 'success',
      'impl-approve-1': 'failure',
      check: 'skipped',
      'gump-publish': 'skipped',
      'gump-report': 'success',
    });
    expect(run.report?.status).toBe('aborted');
    expect(run.result.pulls).toEqual([]);
  });

  it('dispatch mode: the run stops waiting; a new dispatch with resume and decision continues it', async () => {
    const repo = await githubRepo('approve', scenario('approve'), '[ci]\napproval = "dispatch"\n');
    const first = await dispatch(repo, 'approve');
    expect(first.result.conclusion).toBe('success');
    expect(first.result.jobs).toMatchObject({
      impl: 'success',
      'impl-share': 'success',
      check: 'skipped',
      'gump-publish': 'skipped',
    });
    expect(first.report?.status).toBe('waiting');
    expect(readFileSync(join(first.out, 'summary.md'), 'utf8')).toContain(`resume=${first.result.runId}`);
    const second = await dispatch(repo, 'approve', {
      state: first.state,
      inputs: { resume: String(first.result.runId), decision: 'approve' },
    });
    expect(second.result.conclusion, second.out).toBe('success');
    expect(second.report?.status).toBe('pass');
    expect(second.runState?.branch).toBe(first.runState?.branch);
    expect(second.result.pulls).toHaveLength(1);
  });

  it('commits a reviewer pushes to the waiting run branch are taken in before the approved run goes on', async () => {
    const repo = await githubRepo('approve', scenario('approve'), '[ci]\napproval = "dispatch"\n');
    const first = await dispatch(repo, 'approve');
    const branch = first.runState!.branch;
    // The reviewer checks out the shared branch, commits and pushes (here: straight into the stand-in).
    const review = mkdtempSync(join(tmpdir(), 'gump-review-'));
    git(repo, 'worktree', 'add', '--quiet', review, branch);
    writeFileSync(join(review, 'reviewed.txt'), 'looks good\n');
    git(review, 'add', 'reviewed.txt');
    git(review, '-c', 'user.name=Reviewer', '-c', 'user.email=r@example.invalid', 'commit', '-q', '-m', 'review: note');
    git(repo, 'worktree', 'remove', '--force', review);
    const second = await dispatch(repo, 'approve', {
      state: first.state,
      inputs: { resume: String(first.result.runId), decision: 'approve' },
    });
    expect(second.report?.status, second.out).toBe('pass');
    expect(second.ledger.filter((e) => e.event === 'approval.commits').map((e) => e.commits)).toEqual([1]);
    expect(git(repo, 'show', `${branch}:reviewed.txt`)).toBe('looks good');
    expect(git(repo, 'log', '--format=%s', `${branch}`)).toContain('review: note');
  });

  it('re-running a failed job resumes from its saved state; passed steps are not run again', async () => {
    const repo = await githubRepo('flaky', scenario('flaky'));
    const first = await dispatch(repo, 'flaky');
    expect(first.result.jobs).toMatchObject({ prepare: 'success', impl: 'failure', 'gump-publish': 'skipped' });
    const rerun = await dispatch(repo, 'flaky', { state: first.state, rerunFailed: first.result.runId });
    expect(rerun.result.attempt).toBe(2);
    expect(rerun.result.conclusion, rerun.out).toBe('success');
    expect(rerun.report?.status).toBe('pass');
    // `prepare` ran once, in attempt 1; `impl` twice (the crash, then the re-run).
    expect(rerun.ledger.filter((e) => e.event === 'agent.finished').map((e) => `${e.step} ${e.exit}`)).toEqual([
      'prepare 0',
      'impl 1',
      'impl 0',
    ]);
    expect(rerun.result.pulls).toHaveLength(1);
  });
});
