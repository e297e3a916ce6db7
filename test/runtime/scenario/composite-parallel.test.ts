// Scenario tests for parallel splits and parallel groups (language.md §6.3, §6.4): private worktrees
// from one base, concurrent runs, one merge commit in plan/declaration order, merge conflicts.

import { describe, expect, it } from 'vitest';
import { continueScenario, runScenario, type ScenarioResult } from './harness.js';

/** A gate proving isolation: in task/child X, no file written by another one exists. */
function isolationGate(self: string): string {
  return `"bash: for f in src/*.ts; do [ -e \\"$f\\" ] || continue; case \\"$f\\" in src/${self}.ts) ;; *) echo \\"sees $f\\" >&2; exit 1;; esac; done"`;
}
const ISOLATION_GATE = isolationGate('$GUMP_TASK_NAME');
const GROUP_GATE = isolationGate('${GUMP_STEP_PATH#reviews/}');

const PAR_SPLIT = `name: par
steps:
  - name: decompose
    type: split
    parallel: true
    agent: claude-sonnet
    prompt: "Plan"
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Do {task.name}"
        gate: [${ISOLATION_GATE}]
      - name: doc
        type: code
        agent: claude-haiku
        prompt: "Document {task.name}"
  - name: after
    type: code
    agent: claude-haiku
    prompt: "Finish"
`;

const PLAN3 = `  - match: decompose
    plan:
      - { name: t1, description: "one", files: ["src/t1.ts", "docs/**"] }
      - { name: t2, description: "two", files: ["src/t2.ts", "docs/**"] }
      - { name: t3, description: "three", files: ["src/t3.ts", "docs/**"] }
`;

/** True when every task started before any task finished (they ran concurrently). */
function concurrent(r: ScenarioResult, step: string): boolean {
  const ev = r.ledger.filter((e) => e.step === step && (e.event === 'task.started' || e.event === 'task.finished'));
  const firstFinish = ev.findIndex((e) => e.event === 'task.finished');
  return (
    ev.slice(0, firstFinish).filter((e) => e.event === 'task.started').length ===
    ev.filter((e) => e.event === 'task.started').length
  );
}

describe('parallel split (§6.3)', () => {
  it('runs each task in its own worktree from the same base and merges in plan order, committed once', async () => {
    const r = await runScenario({
      workflow: PAR_SPLIT,
      stub: `version: 1
rules:
${PLAN3}  - match: "decompose/t1/impl"
    write: { "src/t1.ts": "one\\n" }
    delay: 600ms
  - match: "decompose/t2/impl"
    write: { "src/t2.ts": "two\\n" }
    delay: 300ms
  - match: "decompose/t3/impl"
    write: { "src/t3.ts": "three\\n" }
  - match: "decompose/t3/doc"
    write: { "docs/t3.md": "doc three\\n" }
  - match: after
    replace: [ { file: src/t1.ts, find: "one", with: "ONE" } ]
`,
    });
    if (r.code !== 0) console.log(r.output, r.state.message);
    expect(r.code).toBe(0);
    expect(r.state.status).toBe('pass');
    // The branches' snapshots stay on their branches; the run branch gets one merge commit.
    expect(r.commits).toEqual(['[gump] merge:decompose branches:t1,t2,t3', '[gump] step:after task:- attempt:1']);
    expect(r.file('src/t1.ts')).toBe('ONE\n');
    expect(r.file('src/t2.ts')).toBe('two\n');
    expect(r.file('src/t3.ts')).toBe('three\n');
    expect(r.file('docs/t3.md')).toBe('doc three\n');
    expect(r.git('show', '--name-only', '--format=', 'HEAD~1').split('\n').sort()).toEqual([
      'docs/t3.md',
      'src/t1.ts',
      'src/t2.ts',
      'src/t3.ts',
    ]);
    expect(concurrent(r, 'decompose')).toBe(true);
    // Branch state keys are merged into the run state.
    const v = r.state.values;
    for (const t of ['t1', 't2', 't3']) {
      expect(v[`decompose/${t}/impl.status`]).toBe('pass');
      expect(v[`decompose/${t}/impl.gate.bash_0`]).toBe('true');
      expect(v[`decompose/${t}/impl.files`]).toBe(`src/${t}.ts`);
      expect(v[`decompose/${t}/doc.status`]).toBe('pass');
    }
    expect(v['decompose.status']).toBe('pass');
    expect(r.events('merge.finished')[0]).toMatchObject({ step: 'decompose', status: 'pass' });
    expect(r.events('task.started').every((e) => e.parallel === true)).toBe(true);
    expect(r.events('task.finished').map((e) => e.status)).toEqual(['pass', 'pass', 'pass']);
  });

  it('applies the blast radius inside each branch; the first failure in plan order fails the split, nothing merged', async () => {
    const r = await runScenario({
      workflow: PAR_SPLIT,
      stub: `version: 1
rules:
${PLAN3}  - match: "decompose/t2/impl"
    write: { "src/t2.ts": "two\\n", "src/extra.js": "x\\n" }
    delay: 300ms
  - match: "decompose/t3/impl"
    exit_code: 1
    stderr: "t3 exploded"
`,
    });
    expect(r.code).toBe(1);
    expect(r.events('attempt.finished', 'decompose/t2/impl')[0]).toMatchObject({
      status: 'fail',
      error: 'blast radius violation: src/extra.js',
    });
    // A failed task: nothing is merged, the first failure in plan order is the step's failure.
    expect(r.commits).toEqual([]);
    expect(r.events('merge.finished')).toEqual([]);
    expect(r.state.values['decompose.status']).toBe('fatal');
    expect(r.state.message).toContain('decompose/t2/impl');
    expect(r.state.message).not.toContain('t3 exploded');
    expect(r.state.values['decompose/t1/impl.status']).toBe('pass');
    expect(r.state.values['decompose/t1/doc.status']).toBe('pass');
    expect(r.state.values['decompose/t3/impl.status']).toBe('fatal');
    expect(r.state.values['decompose/t3/doc.status']).toBeUndefined();
    expect(
      r
        .events('task.finished')
        .map((e) => `${String(e.task)}:${String(e.status)}`)
        .sort(),
    ).toEqual(['t1:pass', 't2:fatal', 't3:fatal']);
  });

  it('fails the run on overlapping files with the file list and branch names; nothing is applied and it is never retried', async () => {
    const r = await runScenario({
      workflow: PAR_SPLIT.replace('    each:\n', '    retry:\n      - exit: 3\n    each:\n'),
      stub: `version: 1
rules:
${PLAN3}  - match: "decompose/t1/impl"
    write: { "src/t1.ts": "one\\n", "docs/shared.md": "from t1\\n" }
  - match: "decompose/t2/impl"
    write: { "src/t2.ts": "two\\n" }
  - match: "decompose/t3/doc"
    write: { "docs/shared.md": "from t3\\n", "docs/readme.md": "t3\\n" }
  - match: "decompose/t2/doc"
    write: { "docs/readme.md": "t2\\n" }
`,
    });
    expect(r.code).toBe(1);
    expect(r.state.status).toBe('fatal');
    expect(r.state.message).toContain('parallel merge conflict');
    expect(r.state.message).toContain('docs/readme.md (t2, t3)');
    expect(r.state.message).toContain('docs/shared.md (t1, t3)');
    expect(r.commits).toEqual([]);
    expect(r.file('src/t1.ts')).toBeUndefined();
    expect(r.file('docs/shared.md')).toBeUndefined();
    expect(r.events('merge.finished')[0]).toMatchObject({
      status: 'conflict',
      conflicts: [
        { file: 'docs/readme.md', branches: ['t2', 't3'] },
        { file: 'docs/shared.md', branches: ['t1', 't3'] },
      ],
    });
    // Never retried: each task ran once although the split allows 3 passes.
    expect(r.events('task.started')).toHaveLength(3);
    expect(r.state.stubCalls['decompose/t1/impl']).toBe(1);
    expect(r.state.values['decompose.status']).toBe('fatal');
    expect(r.events('run.finished')[0]).toMatchObject({ status: 'fatal' });
  });
});

const GROUP = `name: grp
steps:
  - name: reviews
    parallel: true
    steps:
      - { name: arch, type: artifact, agent: claude-opus, prompt: "Review the architecture of {spec}" }
      - { name: t1, type: code, agent: claude-sonnet, prompt: "Write one", gate: [${GROUP_GATE}] }
      - { name: t2, type: code, agent: claude-haiku, prompt: "Write two", gate: [${GROUP_GATE}] }
  - name: summary
    type: code
    agent: claude-haiku
    prompt: "Summarise"
    context:
      - file: "probe/{reviews/arch.output}"
`;

describe('parallel group (§6.4)', () => {
  it('runs children in private worktrees, merges in declaration order, and exposes {group/child.output}', async () => {
    const r = await runScenario({
      workflow: GROUP,
      stub: `version: 1
rules:
  - match: reviews/arch
    artifact: "looks-fine"
    delay: 400ms
  - match: reviews/t1
    write: { "src/t1.ts": "one\\n" }
    delay: 400ms
  - match: reviews/t2
    write: { "src/t2.ts": "two\\n" }
    delay: 400ms
`,
    });
    if (r.code !== 0) console.log(r.output, r.state.message);
    expect(r.code).toBe(0);
    expect(r.commits).toEqual(['[gump] merge:reviews branches:arch,t1,t2']);
    expect(r.file('src/t1.ts')).toBe('one\n');
    expect(r.file('src/t2.ts')).toBe('two\n');
    const v = r.state.values;
    expect(v['reviews.status']).toBe('pass');
    expect(v['reviews/arch.output']).toBe('looks-fine');
    expect(v['reviews/t1.gate.bash_0']).toBe('true');
    expect(v['reviews/t2.gate.bash_0']).toBe('true');
    expect(v['summary.status']).toBe('pass');
    // The step after the group read the child's output.
    expect(r.events('warning', 'summary').map((e) => e.message)).toEqual([
      'context file probe/looks-fine not found; entry skipped',
    ]);
    // Children ran concurrently: every child started before any finished.
    const ev = r.ledger.filter(
      (e) => (e.event === 'step.started' || e.event === 'step.finished') && String(e.step).startsWith('reviews/'),
    );
    expect(ev.slice(0, 3).map((e) => e.event)).toEqual(['step.started', 'step.started', 'step.started']);
    expect(r.events('merge.finished')[0]).toMatchObject({ step: 'reviews', status: 'pass' });
    expect(r.events('step.finished', 'reviews')[0]).toMatchObject({ status: 'pass' });
  });

  it('fails the group when a child fails: nothing merged, the run is fatal', async () => {
    const r = await runScenario({
      workflow: GROUP,
      stub: `version: 1
rules:
  - match: reviews/arch
    artifact: "ok"
  - match: reviews/t1
    write: { "src/t1.ts": "one\\n" }
  - match: reviews/t2
    write: { "src/t2.ts": "two\\n" }
    exit_code: 2
    stderr: "t2 broke"
`,
    });
    expect(r.code).toBe(1);
    expect(r.state.status).toBe('fatal');
    expect(r.state.message).toContain('t2 broke');
    expect(r.commits).toEqual([]);
    expect(r.events('merge.finished')).toEqual([]);
    expect(r.state.values['reviews.status']).toBe('fatal');
    expect(r.state.values['reviews/t1.status']).toBe('pass');
    expect(r.state.values['reviews/t2.status']).toBe('fatal');
    expect(r.state.values['summary.status']).toBeUndefined();
    expect(r.events('step.finished', 'reviews')[0]).toMatchObject({ status: 'fatal' });
  });

  it('resumes a failed group: only the failed child runs again, then the merge happens', async () => {
    const first = await runScenario({
      workflow: GROUP,
      stub: `version: 1
rules:
  - match: reviews/arch
    artifact: "ok"
  - match: reviews/t1
    write: { "src/t1.ts": "one\\n" }
  - match: reviews/t2
    attempts:
      - { write: { "src/t2.ts": "draft\\n" }, exit_code: 2, stderr: "t2 broke" }
      - { write: { "src/t2.ts": "two\\n" } }
`,
    });
    expect(first.code).toBe(1);
    const r = await continueScenario(first);
    expect(r.code).toBe(0);
    expect(r.state.status).toBe('pass');
    expect(r.commits).toEqual(['[gump] merge:reviews branches:arch,t1,t2']);
    expect(r.file('src/t1.ts')).toBe('one\n');
    expect(r.file('src/t2.ts')).toBe('two\n');
    expect(r.state.stubCalls).toMatchObject({ 'reviews/arch': 1, 'reviews/t1': 1, 'reviews/t2': 2 });
    expect(r.state.values['reviews.status']).toBe('pass');
    expect(r.state.values['reviews/t2.attempt']).toBe('1');
    expect(r.state.values['summary.status']).toBe('pass');
    expect(r.events('merge.finished')).toHaveLength(1);
  });

  it('runs a parallel group inside a sequential split task, each child under <split>/<task>/<group>/<child>', async () => {
    const r = await runScenario({
      workflow: `name: nested
steps:
  - name: decompose
    type: split
    agent: claude-sonnet
    prompt: "Plan"
    each:
      - name: both
        parallel: true
        steps:
          - { name: a, type: code, agent: claude-sonnet, prompt: "A for {task.name}" }
          - { name: b, type: code, agent: claude-sonnet, prompt: "B for {task.name}" }
`,
      stub: `version: 1
rules:
  - match: decompose
    plan:
      - { name: t1, description: "one" }
      - { name: t2, description: "two" }
  - match: "decompose/*/both/a"
    append: { "a.txt": "a\\n" }
  - match: "decompose/*/both/b"
    append: { "b.txt": "b\\n" }
`,
    });
    if (r.code !== 0) console.log(r.output, r.state.message);
    expect(r.code).toBe(0);
    expect(r.commits).toEqual([
      '[gump] merge:decompose/t1/both branches:a,b',
      '[gump] merge:decompose/t2/both branches:a,b',
    ]);
    expect(r.file('a.txt')).toBe('a\na\n');
    expect(r.file('b.txt')).toBe('b\nb\n');
    expect(r.state.values['decompose/t2/both.status']).toBe('pass');
    expect(r.state.values['decompose/t2/both/a.status']).toBe('pass');
  });
});
