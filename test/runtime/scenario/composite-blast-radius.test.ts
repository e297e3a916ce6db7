// Scenario tests for the blast radius (language.md §6.2): every step inside a task is checked after
// each attempt's snapshot against the task's `files` globs, since the step's first attempt started.

import { describe, expect, it } from 'vitest';
import { runScenario } from './harness.js';

function workflow(each: string, retry = ''): string {
  return `name: radius
steps:
  - name: decompose
    type: split
    agent: claude-sonnet
    prompt: "Plan"
    each:
${each}${retry}`;
}

const IMPL = `      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Do {task.name}"
`;
const RETRY2 = `        retry:
          - exit: 2
`;

function plan(files: string): string {
  return `  - match: decompose
    plan:
      - { name: t1, description: "Task one", files: ${files} }
`;
}

describe('blast radius (§6.2)', () => {
  it('fails the attempt on a change outside the globs (retryable); a later attempt that undoes it passes', async () => {
    const r = await runScenario({
      workflow: workflow(IMPL, RETRY2),
      stub: `version: 1
rules:
${plan('["src/a/**"]')}  - match: "decompose/t1/impl"
    attempts:
      - write: { "src/a/x.ts": "x\\n", "src/other.ts": "o\\n", "README.md": "r\\n" }
      - delete: [ src/other.ts, README.md ]
`,
    });
    expect(r.code).toBe(0);
    expect(r.commits).toEqual(['[gump] step:impl task:t1 attempt:1', '[gump] step:impl task:t1 attempt:2']);
    expect(r.file('src/other.ts')).toBeUndefined();
    expect(r.file('src/a/x.ts')).toBe('x\n');
    const failed = r.events('attempt.finished', 'decompose/t1/impl');
    expect(failed.map((e) => e.status)).toEqual(['fail', 'pass']);
    expect(failed[0]!.error).toBe('blast radius violation: README.md, src/other.ts');
    expect(r.events('check.failed', 'decompose/t1/impl')[0]).toMatchObject({
      attempt: 1,
      error: 'blast radius violation: README.md, src/other.ts',
    });
    expect(r.state.values['decompose/t1/impl.attempt']).toBe('2');
    expect(r.state.values['decompose/t1/impl.retries']).toBe('1');
    // {error} of attempt 2 was the violation message.
    expect(r.state.prev['decompose/t1/impl']?.status).toBe('fail');
  });

  it('counts files changed by an earlier attempt of the same step', async () => {
    const r = await runScenario({
      workflow: workflow(IMPL, RETRY2),
      stub: `version: 1
rules:
${plan('["src/a/**"]')}  - match: "decompose/t1/impl"
    attempts:
      - write: { "src/a/x.ts": "x\\n", "src/other.ts": "o\\n" }
      - write: { "src/a/y.ts": "y\\n" }
`,
    });
    expect(r.code).toBe(1);
    expect(r.state.status).toBe('fatal');
    expect(r.commits).toEqual(['[gump] step:impl task:t1 attempt:1', '[gump] step:impl task:t1 attempt:2']);
    const attempts = r.events('attempt.finished', 'decompose/t1/impl');
    expect(attempts.map((e) => e.error)).toEqual([
      'blast radius violation: src/other.ts',
      'blast radius violation: src/other.ts',
    ]);
    // Attempt 2 alone changed only src/a/y.ts.
    expect(r.state.values['decompose/t1/impl.files']).toBe('src/a/y.ts');
    expect(r.state.values['decompose/t1/impl.status']).toBe('fatal');
    expect(r.state.message).toContain('all 2 attempts failed; last error: blast radius violation: src/other.ts');
  });

  it('applies directory patterns, ** (zero or more segments), ./ prefixes, and ignores runtime-owned paths', async () => {
    const r = await runScenario({
      workflow: workflow(IMPL),
      stub: `version: 1
rules:
${plan('["src/auth", "./lib/**/*.ts", "docs/"]')}  - match: "decompose/t1/impl"
    write:
      "src/auth/deep/x/y.ts": "1\\n"
      "lib/a.ts": "2\\n"
      "lib/p/q/r.ts": "3\\n"
      "docs/guide/intro.md": "4\\n"
      "CLAUDE.md": "owned\\n"
    out: { "notes.txt": "runtime-owned\\n" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.commits).toEqual(['[gump] step:impl task:t1 attempt:1']);
    expect(r.state.values['decompose/t1/impl.files']).toBe(
      'docs/guide/intro.md, lib/a.ts, lib/p/q/r.ts, src/auth/deep/x/y.ts',
    );
    expect(r.file('CLAUDE.md')).toBeUndefined();
    expect(r.events('check.failed')).toEqual([]);
    expect(r.events('attempt.finished', 'decompose/t1/impl')[0]).toMatchObject({ status: 'pass' });
  });

  it('rejects near misses of those patterns: a sibling directory and another extension', async () => {
    const r = await runScenario({
      workflow: workflow(IMPL),
      stub: `version: 1
rules:
${plan('["src/auth", "lib/**/*.ts"]')}  - match: "decompose/t1/impl"
    write: { "src/authz/x.ts": "1\\n", "lib/p/r.js": "2\\n", "lib/ok.ts": "3\\n" }
`,
    });
    expect(r.code).toBe(1);
    expect(r.events('attempt.finished', 'decompose/t1/impl')[0]).toMatchObject({
      status: 'fail',
      error: 'blast radius violation: lib/p/r.js, src/authz/x.ts',
    });
    expect(r.state.values['decompose/t1/impl.status']).toBe('fatal');
    expect(r.commits).toEqual(['[gump] step:impl task:t1 attempt:1']);
  });

  it('checks every step of the task at any depth: steps inside a workflow call', async () => {
    const r = await runScenario({
      workflow: workflow(`      - name: setup
        workflow: helper
`),
      files: {
        '.gump/workflows/helper.yaml': `name: helper
steps:
  - name: edit
    type: code
    agent: claude-haiku
    prompt: "Edit"
`,
      },
      stub: `version: 1
rules:
${plan('["src/a/**"]')}  - match: "decompose/t1/setup/edit"
    write: { "src/a/ok.ts": "1\\n", "package-lock.json": "{}\\n" }
`,
    });
    expect(r.code).toBe(1);
    expect(r.events('attempt.finished', 'decompose/t1/setup/edit')[0]).toMatchObject({
      status: 'fail',
      error: 'blast radius violation: package-lock.json',
    });
    expect(r.state.values['decompose/t1/setup.status']).toBe('fatal');
    expect(r.state.message).toContain('workflow call failed');
    expect(r.commits).toEqual(['[gump] step:edit task:t1 attempt:1']);
  });

  it('does not check steps outside a task, nor tasks without files', async () => {
    const r = await runScenario({
      workflow: `name: free
steps:
  - name: decompose
    type: split
    agent: claude-sonnet
    prompt: "Plan"
    each:
${IMPL}  - name: top
    type: code
    agent: claude-haiku
    prompt: "Anything"
`,
      stub: `version: 1
rules:
  - match: decompose
    plan:
      - { name: t1, description: "No files" }
  - match: "decompose/t1/impl"
    write: { "anywhere/x.ts": "1\\n" }
  - match: top
    write: { "elsewhere/y.ts": "2\\n" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.commits).toEqual(['[gump] step:impl task:t1 attempt:1', '[gump] step:top task:- attempt:1']);
    expect(r.events('check.failed')).toEqual([]);
  });
});
