// End-to-end on gitlab-ci-local 4.72.0 (harness.ts), the GitLab target's run-time mapping beyond
// the built-ins (the GitHub target's scenarios, test/e2e/github/scenarios.test.ts): a retry with
// escalation inside one job, a sequential and a parallel split whose tasks run as separate jobs of
// a dynamic child pipeline (the sequential one also with a group-retry pass in its closing job, and
// after a parallel split as a grandchild), splits planned with no task, a parallel task failing in the first pass, a parallel conflict, and a failed job run again that
// continues from the state the jobs before it saved.
// Where a local run can say what should happen, the outcome is compared.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startInRepo } from '../../runtime/e2e/library-run.js';
import { expectSameAsLocal, git, gitlabProject, missing, runPipeline } from './harness.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'e2e-github');
/** Few task slots for sequential splits: gitlab-ci-local spends seconds per job. */
const TOML = '[ci]\ntask_slots = 2\n';

/** A scenario of the GitHub end-to-end tests (fixtures/e2e-github), with spec.md. */
function scenario(name: string): Record<string, string> {
  return {
    [`.gump/workflows/${name}.yaml`]: readFileSync(join(FIXTURES, `${name}.yaml`), 'utf8'),
    '.gump/stub.yaml': readFileSync(join(FIXTURES, `${name}.stub.yaml`), 'utf8'),
    'spec.md': 'the spec\n',
    'gump.toml': TOML,
  };
}

const PARALLEL = `# A parallel split of two tasks writing different files, then a gate-only check.
name: parallel
steps:
  - name: decompose
    type: split
    parallel: true
    agent: claude-opus
    prompt: "Plan {spec}"
    gate: [schema]
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "{task.description}"
        gate: ["bash: test -f left.txt || test -f right.txt"]
  - name: check
    gate: ["bash: test -f left.txt && test -f right.txt"]
`;

const PARALLEL_STUB = `version: 1
rules:
  - match: decompose
    plan:
      - { name: left, description: "left", files: [left.txt] }
      - { name: right, description: "right", files: [right.txt] }
  - match: decompose/left/impl
    write: { "left.txt": "left\\n" }
  - match: decompose/right/impl
    write: { "right.txt": "right\\n" }
`;

const SEQUENTIAL = `# A sequential split of three tasks, each building on the file the one before it wrote.
name: sequential
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
        gate: ["bash: test -f one.txt"]
  - name: check
    gate: ["bash: test -f one.txt && test -f two.txt && test -f three.txt"]
`;

/** Each task appends its name to order.txt: the file says in which order the task jobs ran. */
const SEQUENTIAL_STUB = `version: 1
rules:
  - match: decompose
    plan:
      - { name: one, description: "one", files: [one.txt, order.txt] }
      - { name: two, description: "two", files: [two.txt, order.txt] }
      - { name: three, description: "three", files: [three.txt, order.txt] }
  - match: decompose/one/impl
    write: { "one.txt": "one\\n" }
    append: { "order.txt": "one\\n" }
  - match: decompose/two/impl
    write: { "two.txt": "two\\n" }
    append: { "order.txt": "two\\n" }
  - match: decompose/three/impl
    write: { "three.txt": "three\\n" }
    append: { "order.txt": "three\\n" }
`;

/** The same split with two group-retry passes; task two's agent crashes in the first pass only. */
const SEQUENTIAL_RETRY = SEQUENTIAL.replace('name: sequential\n', 'name: passes\n').replace(
  '    gate: [schema]\n    each:',
  '    gate: [schema]\n    retry:\n      - exit: 2\n    each:',
);
const SEQUENTIAL_RETRY_STUB = SEQUENTIAL_STUB.replace(
  '  - match: decompose/two/impl\n    write: { "two.txt": "two\\n" }\n    append: { "order.txt": "two\\n" }\n',
  '  - match: decompose/two/impl\n    attempts:\n      - { exit_code: 1, stderr: "simulated crash" }\n      - { write: { "two.txt": "two\\n" }, append: { "order.txt": "two\\n" } }\n',
);

/** The parallel split, then the sequential one: the sequential split's child is a grandchild. */
const GRANDCHILD = `${PARALLEL.replace('name: parallel\n', 'name: nested\n').replace(/ {2}- name: check\n[\s\S]*$/, '')}${SEQUENTIAL.slice(
  SEQUENTIAL.indexOf('  - name: decompose'),
)
  .replace('  - name: decompose', '  - name: refine')
  .replace(
    'test -f one.txt && test -f two.txt',
    'test -f left.txt && test -f right.txt && test -f one.txt && test -f two.txt',
  )}`;
const GRANDCHILD_STUB = `${PARALLEL_STUB}${SEQUENTIAL_STUB.slice(SEQUENTIAL_STUB.indexOf('  - match: decompose\n')).replaceAll('decompose', 'refine')}`;

/** `impl`'s gate needs a file outside the repository: absent, the job fails as on a broken runner; present, a re-run passes. */
function resumeWorkflow(flag: string): string {
  return `name: resume
steps:
  - name: prepare
    type: code
    agent: claude-sonnet
    prompt: "Prepare {spec}"
    gate: ["bash: test -f prepared.txt"]
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: ["bash: test -f done.txt && test -f ${flag}"]
`;
}

const RESUME_STUB = `version: 1
rules:
  - match: prepare
    write: { "prepared.txt": "yes\\n" }
  - match: impl
    write: { "done.txt": "done\\n" }
`;

const agents = (run: { ledger: Array<Record<string, unknown>> }, step?: string) =>
  run.ledger
    .filter((e) => e.event === 'agent.finished' && (step === undefined || e.step === step))
    .map((e) => (step === undefined ? `${String(e.step)} ${String(e.exit)}` : e.agent));

describe.skipIf(missing !== undefined)('GitLab target end to end (gitlab-ci-local, stub mode)', () => {
  it('retries with escalation inside one job: haiku, then opus in a new session', async () => {
    const p = await gitlabProject('escalate', scenario('escalate'));
    const run = await runPipeline(p, 'escalate');
    expect(run.status, run.log).toBe(0);
    expect(run.jobs).toMatchObject({ impl: 'PASS', 'gump-publish': 'PASS', 'gump-report': 'PASS' });
    expect(agents(run, 'impl')).toEqual(['claude-haiku', 'claude-opus']);
    // Both attempts ran in the one `impl` job.
    expect(run.jobLog('impl')).toMatch(/\[impl\][^\n]*attempt 1[\s\S]*\[impl\][^\n]*attempt 2/);
    expect(run.mergeRequests).toHaveLength(1);
    expectSameAsLocal(p, run, await startInRepo(p.repo, { workflow: 'escalate', files: {} }));
  }, 290_000);

  it('a parallel split: after the planner, a job generates the child pipeline — a job per task, the merge job, the rest — and the trigger runs it; same end as gump run', async () => {
    const p = await gitlabProject('parallel', {
      '.gump/workflows/parallel.yaml': PARALLEL,
      '.gump/stub.yaml': PARALLEL_STUB,
      'spec.md': 'the spec\n',
      'gump.toml': TOML,
    });
    const run = await runPipeline(p, 'parallel');
    expect(run.status, run.log).toBe(0);
    expect(run.jobs).toMatchObject({
      decompose: 'PASS',
      'decompose child': 'PASS',
      'decompose pipeline': 'PASS',
      'gump-report before decompose': 'PASS',
    });
    // The child pipeline: the parent's state, one job per planned task (run side by side), the merge job, everything after the split.
    expect(run.children['decompose pipeline']).toEqual([
      'decompose base',
      'decompose/left',
      'decompose/right',
      'decompose merge',
      'check',
      'gump-publish',
      'gump-report',
    ]);
    for (const job of run.children['decompose pipeline']!) expect(run.jobs[job], job).toBe('PASS');
    // Each task job ran its own task only, restored from the parent's state; the merge job ran none.
    expect(run.jobLog('decompose/left')).toContain('[decompose/left/impl]');
    expect(run.jobLog('decompose/left')).not.toContain('[decompose/right/impl]');
    expect(run.jobLog('decompose/right')).toContain('[decompose/right/impl]');
    expect(run.jobLog('decompose/right')).not.toContain('[decompose/left/impl]');
    expect(run.jobLog('decompose merge')).not.toMatch(/\[decompose\/\w+\/impl\]\s+running/);
    expect(run.jobLog('gump-report before decompose')).toContain('the run went on in the child pipeline of decompose');
    expect(run.mergeRequests).toHaveLength(1);
    expectSameAsLocal(p, run, await startInRepo(p.repo, { workflow: 'parallel', files: {} }), { parallel: true });
  }, 290_000);

  it('a sequential split: the child pipeline holds one job per task, each in its own stage, run in plan order, then the closing job and the rest; same end as gump run', async () => {
    const p = await gitlabProject('sequential', {
      '.gump/workflows/sequential.yaml': SEQUENTIAL,
      '.gump/stub.yaml': SEQUENTIAL_STUB,
      'spec.md': 'the spec\n',
      'gump.toml': TOML,
    });
    const run = await runPipeline(p, 'sequential');
    expect(run.status, run.log).toBe(0);
    expect(run.jobs).toMatchObject({
      decompose: 'PASS',
      'decompose child': 'PASS',
      'decompose pipeline': 'PASS',
      'gump-report before decompose': 'PASS',
    });
    // Three planned tasks, three task jobs (not the two task slots of gump.toml), in plan order.
    expect(run.children['decompose pipeline']).toEqual([
      'decompose base',
      'decompose/one',
      'decompose/two',
      'decompose/three',
      'decompose end',
      'check',
      'gump-publish',
      'gump-report',
    ]);
    for (const job of run.children['decompose pipeline']!) expect(run.jobs[job], job).toBe('PASS');
    // Each task job ran its own task only, from the state of the jobs before it; the closing job ran none.
    const tasks = ['one', 'two', 'three'];
    for (const t of tasks) {
      expect(run.jobLog(`decompose/${t}`)).toContain(`[decompose/${t}/impl]`);
      for (const other of tasks.filter((o) => o !== t))
        expect(run.jobLog(`decompose/${t}`)).not.toContain(`[decompose/${other}/impl]`);
    }
    expect(run.jobLog('decompose end')).not.toMatch(/\[decompose\/\w+\/impl\]/);
    // The tasks ran one after the other, in plan order: each job's commit is the base of the next.
    expect(git(p.origin, 'show', `${run.state!.branch}:order.txt`)).toBe('one\ntwo\nthree');
    expect(run.mergeRequests).toHaveLength(1);
    expectSameAsLocal(p, run, await startInRepo(p.repo, { workflow: 'sequential', files: {} }));
  }, 290_000);

  it('a sequential split with group-retry passes: a failed task leaves the later task jobs nothing to do, the closing job runs the next pass; same end as gump run', async () => {
    expect(SEQUENTIAL_RETRY).toContain('retry:\n      - exit: 2\n    each:');
    expect(SEQUENTIAL_RETRY_STUB).toContain('simulated crash');
    const p = await gitlabProject('passes', {
      '.gump/workflows/passes.yaml': SEQUENTIAL_RETRY,
      '.gump/stub.yaml': SEQUENTIAL_RETRY_STUB,
      'spec.md': 'the spec\n',
      'gump.toml': TOML,
    });
    const run = await runPipeline(p, 'passes');
    expect(run.status, run.log).toBe(0);
    for (const job of run.children['decompose pipeline']!) expect(run.jobs[job], job).toBe('PASS');
    expect(run.jobLog('decompose/two')).toContain('[decompose/two/impl]');
    expect(run.jobLog('decompose/three')).not.toContain('[decompose/three/impl]');
    // The second pass, in the closing job: the failed task and the one after it, in plan order.
    expect(run.jobLog('decompose end')).toMatch(/\[decompose\/two\/impl\][\s\S]*\[decompose\/three\/impl\]/);
    expect(run.jobLog('decompose end')).not.toContain('[decompose/one/impl]');
    expect(git(p.origin, 'show', `${run.state!.branch}:order.txt`)).toBe('one\ntwo\nthree');
    expectSameAsLocal(p, run, await startInRepo(p.repo, { workflow: 'passes', files: {} }));
  }, 290_000);

  it('a sequential split after a parallel one runs in a grandchild pipeline, its task jobs in plan order; same end as gump run', async () => {
    expect(GRANDCHILD).toContain('  - name: refine\n    type: split\n    agent: claude-opus');
    expect(GRANDCHILD_STUB).toContain('  - match: refine/three/impl\n');
    const p = await gitlabProject('nested', {
      '.gump/workflows/nested.yaml': GRANDCHILD,
      '.gump/stub.yaml': GRANDCHILD_STUB,
      'spec.md': 'the spec\n',
      'gump.toml': TOML,
    });
    const run = await runPipeline(p, 'nested');
    expect(run.status, run.log).toBe(0);
    expect(run.children['decompose pipeline']).toEqual([
      'decompose base',
      'decompose/left',
      'decompose/right',
      'decompose merge',
      'refine',
      'refine child',
      'refine pipeline',
      'gump-report before refine',
    ]);
    expect(run.children['refine pipeline']).toEqual([
      'refine base',
      'refine/one',
      'refine/two',
      'refine/three',
      'refine end',
      'check',
      'gump-publish',
      'gump-report',
    ]);
    for (const job of [...run.children['decompose pipeline']!, ...run.children['refine pipeline']!])
      expect(run.jobs[job], job).toBe('PASS');
    expect(git(p.origin, 'show', `${run.state!.branch}:order.txt`)).toBe('one\ntwo\nthree');
    expectSameAsLocal(p, run, await startInRepo(p.repo, { workflow: 'nested', files: {} }), { parallel: true });
  }, 290_000);

  it.each([
    // The split is the last step: its closing job ends the run.
    ['sequential', SEQUENTIAL.replace(/ {2}- name: check\n[\s\S]*$/, ''), ['decompose base', 'decompose end']],
    ['parallel', PARALLEL, ['decompose base', 'decompose merge', 'check']],
  ])(
    'a %s split planned with no task: a child pipeline without task jobs, the rest of the run in it; same end as gump run',
    async (kind, workflow, jobs) => {
      const name = `empty-${kind}`;
      const p = await gitlabProject(name, {
        [`.gump/workflows/${name}.yaml`]: workflow
          .replace(/^name: \w+$/m, `name: ${name}`)
          .replace(/ {4}gate: \["bash: test -f (one|left)\.txt.*\n/, '    gate: ["bash: test -f nothing.txt"]\n')
          .replace(/ {4}gate: \["bash: test -f [^\n]*&&[^\n]*\n$/, '    gate: ["bash: test ! -f left.txt"]\n'),
        '.gump/stub.yaml': 'version: 1\nrules:\n  - match: decompose\n    plan: []\n',
        'spec.md': 'the spec\n',
        'gump.toml': TOML,
      });
      const run = await runPipeline(p, name);
      expect(run.status, run.log).toBe(0);
      expect(run.children['decompose pipeline']).toEqual([...jobs, 'gump-publish', 'gump-report']);
      for (const job of run.children['decompose pipeline']!) expect(run.jobs[job], job).toBe('PASS');
      expect(run.ledger.filter((e) => e.event === 'agent.finished').map((e) => e.step)).toEqual(['decompose']);
      expect(run.report?.status).toBe('pass');
      expect(run.mergeRequests).toHaveLength(1);
      expectSameAsLocal(p, run, await startInRepo(p.repo, { workflow: name, files: {} }), {
        parallel: kind === 'parallel',
      });
    },
    290_000,
  );

  it('a parallel split whose task fails in the first pass: the task job may fail, the merge job runs the next pass, the jobs after it run; same end as gump run', async () => {
    const p = await gitlabProject('parallel-passes', scenario('parallel-passes'));
    const run = await runPipeline(p, 'parallel-passes');
    expect(run.status, run.log).toBe(0);
    expect(run.jobs).toMatchObject({
      'decompose/one': 'PASS',
      'decompose/two': 'WARN',
      'decompose merge': 'PASS',
      check: 'PASS',
      'gump-publish': 'PASS',
    });
    expect(run.jobLog('decompose merge')).toContain('[decompose/two/impl]');
    expect(run.mergeRequests).toHaveLength(1);
    expectSameAsLocal(p, run, await startInRepo(p.repo, { workflow: 'parallel-passes', files: {} }), {
      parallel: true,
    });
  }, 290_000);

  it('a parallel conflict: both task jobs pass, the merge job fails the child pipeline, nothing merged or published', async () => {
    const p = await gitlabProject('conflict', scenario('conflict'));
    const run = await runPipeline(p, 'conflict');
    expect(run.status).not.toBe(0);
    expect(run.jobs).toMatchObject({
      decompose: 'PASS',
      'decompose/left': 'PASS',
      'decompose/right': 'PASS',
      'decompose merge': 'FAIL',
      'gump-report': 'PASS',
    });
    // GitLab fails the `strategy: depend` trigger job with its child (the harness says so for gitlab-ci-local).
    expect(run.jobs['decompose pipeline']).toBe('FAIL');
    expect(run.jobs['gump-publish']).toBeUndefined();
    expect(run.report?.status).toBe('fatal');
    expect(run.ledger.filter((e) => e.event === 'merge.finished').map((e) => e.status)).toEqual(['conflict']);
    expect(run.mergeRequests).toEqual([]);
    expectSameAsLocal(p, run, await startInRepo(p.repo, { workflow: 'conflict', files: {} }), { parallel: true });
  }, 290_000);

  it('spec:inputs: a project including the pipeline with inputs starts the run from them, no variables needed', async () => {
    const p = await gitlabProject('escalate', { ...scenario('escalate'), 'docs/other.md': 'another spec\n' });
    const ci = readFileSync(join(p.repo, '.gitlab-ci.yml'), 'utf8');
    const local = '  - local: .gitlab/gump/escalate.yml\n';
    expect(ci).toContain(local);
    writeFileSync(
      join(p.repo, '.gitlab-ci.yml'),
      ci.replace(local, `${local}    inputs:\n      spec: docs/other.md\n      stub: 'true'\n`),
    );
    git(p.repo, 'commit', '-q', '-am', 'include with inputs');
    // Without GUMP_STUB the agents would be real CLIs: the run passes only in stub mode, from the input.
    const run = await runPipeline(p, 'escalate', { variables: { GUMP_SPEC: undefined, GUMP_STUB: undefined } });
    expect(run.status, run.log).toBe(0);
    expect(run.state?.status).toBe('pass');
    expect((run.state as unknown as { spec: { path: string; text: string } }).spec).toEqual({
      path: 'docs/other.md',
      text: 'another spec\n',
    });
  }, 290_000);

  it('a failed job run again continues from the saved state of the jobs before it; passed steps are not run again', async () => {
    const flag = join(mkdtempSync(join(tmpdir(), 'gump-gl-flag-')), 'ready');
    const p = await gitlabProject('resume', {
      '.gump/workflows/resume.yaml': resumeWorkflow(flag),
      '.gump/stub.yaml': RESUME_STUB,
      'spec.md': 'the spec\n',
    });
    const first = await runPipeline(p, 'resume');
    expect(first.status).not.toBe(0);
    expect(first.jobs).toMatchObject({ prepare: 'PASS', impl: 'FAIL', 'gump-report': 'PASS' });
    expect(first.report?.status).toBe('fatal');
    // The runner is fixed; the failed job is retried, and GitLab then runs the jobs after it.
    writeFileSync(flag, 'ok\n');
    const retry = await runPipeline(p, 'resume', { jobs: ['impl', 'gump-publish', 'gump-report'] });
    expect(retry.status, retry.log).toBe(0);
    expect(retry.jobs).toMatchObject({ impl: 'PASS', 'gump-publish': 'PASS', 'gump-report': 'PASS' });
    expect(retry.jobs.prepare).toBeUndefined();
    expect(retry.state?.branch).toBe(first.state?.branch);
    expect(retry.report?.status).toBe('pass');
    // `prepare` ran once, in the first pipeline; the retried job went on from its saved state.
    expect(agents(retry)).toEqual(['prepare 0', 'impl 0']);
    expect(retry.jobLog('impl')).not.toContain('[prepare]');
    expect(retry.mergeRequests).toHaveLength(1);
    expect(retry.branches).toEqual(['main', retry.state!.branch].sort());
  }, 290_000);
});
