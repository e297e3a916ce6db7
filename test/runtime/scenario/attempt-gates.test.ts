// Scenario tests of gates (language.md §8): every entry runs without short-circuit, gate names and
// state keys, check_result, error context and `{error}`, diff scope of agent steps (this attempt)
// versus gate-only steps (cumulative), touched/untouched, bash gates and their GUMP_* environment.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from './harness.js';

const failingBuild = JSON.stringify({
  name: 'demo',
  scripts: {
    build: "node -e \"console.log('compile-out'); console.error('compile-err'); process.exit(2)\"",
    test: 'node -e 0',
    lint: 'node -e 0',
  },
});

describe('§8.3 evaluation', () => {
  it('runs every entry in order without short-circuit and writes `<step>.gate.<name>` and `.error`', async () => {
    const r = await runScenario({
      workflow: `name: gates
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement"
    gate: [compile, "bash: echo out-text; echo err-text >&2; exit 3", "bash: exit 0", "touched: *.md", lint]
`,
      stub: 'version: 1\nrules:\n  - match: impl\n    write: { "src/a.ts": "export const a = 1;\\n" }\n',
      files: { 'package.json': failingBuild },
    });
    expect(r.code).toBe(1);
    expect(r.state.status).toBe('fatal');
    expect(r.events('gate.finished', 'impl').map((e) => [e.gate, e.status])).toEqual([
      ['compile', 'fail'],
      ['bash_1', 'fail'],
      ['bash_2', 'pass'],
      ['touched_3', 'fail'],
      ['lint', 'pass'],
    ]);
    const v = r.state.values;
    expect(v['impl.gate.compile']).toBe('false');
    expect(v['impl.gate.bash_1']).toBe('false');
    expect(v['impl.gate.bash_2']).toBe('true');
    expect(v['impl.gate.touched_3']).toBe('false');
    expect(v['impl.gate.lint']).toBe('true');
    expect(v['impl.gate.bash_2.error']).toBeUndefined();
    expect(v['impl.gate.lint.error']).toBeUndefined();
    expect(v['impl.check_result']).toBe('fail');
    // Error context: header, stderr, then the stdout tail.
    expect(v['impl.gate.bash_1.error']).toBe('gate bash_1 failed (exit 3)\nerr-text\nout-text');
    const compileErr = v['impl.gate.compile.error']!;
    expect(compileErr.startsWith('gate compile failed (exit 2)\n')).toBe(true);
    expect(compileErr).toContain('compile-err');
    expect(compileErr).toContain('compile-out');
    expect(compileErr.indexOf('compile-err')).toBeLessThan(compileErr.lastIndexOf('compile-out'));
    expect(v['impl.gate.touched_3.error']).toBe(
      'gate touched_3 failed: no changed file matches "*.md" (changed: src/a.ts)',
    );
    // `{error}`: the failed entries joined with `\n---\n`.
    const attempt = r.events('attempt.finished', 'impl')[0]!;
    expect(attempt.error).toBe(
      [compileErr, v['impl.gate.bash_1.error'], v['impl.gate.touched_3.error']].join('\n---\n'),
    );
    expect(r.events('check.failed', 'impl')).toHaveLength(0);
    expect(v['impl.status']).toBe('fatal');
    // The snapshot is committed before the gates run.
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:1']);
  });

  it('`{error}` and `{diff}` of attempt 2 describe attempt 1 (prompt override, so no retry section)', async () => {
    const r = await runScenario({
      workflow: `name: gates
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement"
    gate: ["bash: test \\"$GUMP_ATTEMPT\\" = 2 || { echo first >&2; exit 1; }", "bash: test \\"$GUMP_ATTEMPT\\" = 2 || { echo second >&2; exit 1; }"]
    retry:
      - { attempt: 2, prompt: "Fix this: {error} (attempt {attempt})\\nLast diff: {diff}" }
      - exit: 2
`,
      stub: `version: 1
rules:
  - match: impl
    attempts:
      - write: { "a.txt": "one\\n" }
      - replace:
          - { file: AGENTS.md, find: "Fix this: gate bash_0 failed (exit 1)\\nfirst\\n---\\ngate bash_1 failed (exit 1)\\nsecond (attempt 2)", with: "" }
          - { file: AGENTS.md, find: "Last diff: diff --git a/a.txt b/a.txt", with: "" }
          - { file: AGENTS.md, find: "+one", with: "" }
        write: { "a.txt": "two\\n" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.events('attempt.finished', 'impl').map((e) => e.status)).toEqual(['fail', 'pass']);
    expect(r.state.values['impl.gate.bash_0']).toBe('true');
    expect(r.state.values['impl.gate.bash_1']).toBe('true');
    expect(r.state.values['impl.gate.bash_0.error']).toBeUndefined();
    expect(r.state.values['impl.check_result']).toBe('pass');
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:1', '[gump] step:impl task:- attempt:2']);
    expect(r.file('a.txt')).toBe('two\n');
  });

  it('bash gates are literal and see GUMP_RUN_ID, GUMP_STEP_PATH, GUMP_ATTEMPT and GUMP_TASK_NAME', async () => {
    const envGate =
      'bash: echo "$GUMP_RUN_ID|$GUMP_STEP_PATH|$GUMP_ATTEMPT|$GUMP_TASK_NAME|{attempt}" >> .gump/run/gate-env.txt';
    const r = await runScenario({
      workflow: `name: env
steps:
  - name: top
    type: code
    agent: claude-sonnet
    prompt: "Top"
    gate: ['${envGate}', "bash: test \\"$GUMP_ATTEMPT\\" = 2"]
    retry: [ { exit: 2 } ]
  - name: plan
    type: split
    agent: claude-sonnet
    prompt: "Plan"
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Do {task.name}"
        gate: ['${envGate}']
  - name: check
    gate: ['${envGate}']
`,
      stub: 'version: 1\nrules:\n  - match: plan\n    plan: [ { name: t1, description: "one" } ]\n',
    });
    expect(r.code).toBe(0);
    const lines = readFileSync(join(r.worktree, '.gump', 'run', 'gate-env.txt'), 'utf8')
      .trim()
      .split('\n');
    expect(lines).toEqual([
      `${r.runId}|top|1||{attempt}`,
      `${r.runId}|top|2||{attempt}`,
      `${r.runId}|plan/t1/impl|1|t1|{attempt}`,
      `${r.runId}|check|1||{attempt}`,
    ]);
    expect(r.state.values['top.gate.bash_1']).toBe('true');
    expect(r.state.values['top.attempt']).toBe('2');
    // Nothing changed and runtime-owned paths are never committed.
    expect(r.commits).toEqual([]);
  });
});

describe('§8.2 optional gates', () => {
  it('lint without a resolvable command is skipped with a warning and counts as passed', async () => {
    const r = await runScenario({
      workflow:
        'name: g\nsteps:\n  - name: impl\n    type: code\n    agent: claude-sonnet\n    prompt: "Go"\n    gate: [lint, compile]\n',
      files: { 'package.json': JSON.stringify({ name: 'demo', scripts: { build: 'node -e 0', test: 'node -e 0' } }) },
      stub: 'version: 1\nrules:\n  - match: impl\n    write: { "a.txt": "a\\n" }\n',
    });
    expect(r.code).toBe(0);
    expect(r.events('gate.finished', 'impl').map((e) => [e.gate, e.status])).toEqual([
      ['lint', 'skipped'],
      ['compile', 'pass'],
    ]);
    const v = r.state.values;
    expect(v['impl.gate.lint']).toBe('true');
    expect(v['impl.gate.lint.error']).toBeUndefined();
    expect(v['impl.check_result']).toBe('pass');
    expect(r.output).toMatch(/warning: impl: .*lint/);
    expect(r.events('warning', 'impl').map((e) => e.message)).toEqual([expect.stringContaining('lint')]);
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:1']);
  });
});

describe('§8.3 gate limits from gump.toml', () => {
  it('shell gates time out after `[validation] timeout`; error context keeps the stdout tail and is capped', async () => {
    const r = await runScenario({
      workflow: `name: cfg
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement"
    gate: ["bash: sleep 5", "bash: for i in $(seq 1 200); do echo line-$i; done; exit 1", test]
`,
      files: {
        'gump.toml':
          '[validation]\ntimeout = "1s"\ntest_cmd = "node -e \\"process.stderr.write(\'E\'.repeat(500)); process.exit(1)\\""\n\n[error_context]\nmax_error_chars = 120\nstdout_tail_chars = 20\n',
      },
      stub: 'version: 1\nrules: []\n',
    });
    expect(r.code).toBe(1);
    const v = r.state.values;
    expect(v['impl.gate.bash_0']).toBe('false');
    expect(v['impl.gate.bash_0.error']).toMatch(/^gate bash_0 failed \(timed out after 1s\)/);
    expect(v['impl.gate.bash_1.error']).toBe('gate bash_1 failed (exit 1)\n8\nline-199\nline-200');
    const testErr = v['impl.gate.test.error']!;
    expect(testErr.length).toBe(120);
    expect(testErr.startsWith('gate test failed (exit 1)\nEEE')).toBe(true);
    expect(testErr).toContain('\n[... truncated ...]\n');
    expect(testErr.endsWith('EEE')).toBe(true);
    expect(r.events('gate.finished', 'impl').map((e) => e.status)).toEqual(['fail', 'fail', 'fail']);
    expect(r.events('gate.finished', 'impl')[0]!.durationMs as number).toBeLessThan(4000);
    expect(r.commits).toEqual([]);
  });
});

describe('§8.3 diff scope, §8.6 gate-only steps', () => {
  it('agent-step gates see only this attempt; a gate-only step sees everything since the base and its failure is fatal', async () => {
    const r = await runScenario({
      workflow: `name: scope
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement"
    gate: ["untouched: *.md", "touched: src/**", "bash: test \\"$GUMP_ATTEMPT\\" = 2"]
    retry: [ { exit: 2 } ]
  - name: ok
    gate: ["touched: *.md", "touched: src/*.ts"]
  - name: quality
    gate: ["untouched: *.md", "touched: src/**", compile]
`,
      stub: `version: 1
rules:
  - match: impl
    attempts:
      - write: { "doc.md": "doc\\n", "src/a.ts": "a\\n" }
      - write: { "src/b.ts": "b\\n" }
`,
    });
    expect(r.code).toBe(1);
    expect(r.state.status).toBe('fatal');
    // Attempt 1 changed doc.md; attempt 2 did not, so its `untouched: *.md` passes.
    expect(r.events('gate.finished', 'impl').map((e) => [e.attempt, e.gate, e.status])).toEqual([
      [1, 'untouched_0', 'fail'],
      [1, 'touched_1', 'pass'],
      [1, 'bash_2', 'fail'],
      [2, 'untouched_0', 'pass'],
      [2, 'touched_1', 'pass'],
      [2, 'bash_2', 'pass'],
    ]);
    const v = r.state.values;
    expect(v['impl.files']).toBe('src/b.ts');
    expect(v['impl.status']).toBe('pass');
    // Gate-only steps see the cumulative diff.
    expect(v['ok.status']).toBe('pass');
    expect(v['ok.gate.touched_0']).toBe('true');
    expect(v['ok.gate.touched_1']).toBe('true');
    expect(v['ok.check_result']).toBe('pass');
    expect(v['ok.attempt']).toBe('1');
    expect(v['ok.retries']).toBe('0');
    expect(v['quality.gate.untouched_0']).toBe('false');
    expect(v['quality.gate.untouched_0.error']).toContain('doc.md');
    expect(v['quality.gate.touched_1']).toBe('true');
    expect(v['quality.gate.compile']).toBe('true');
    expect(v['quality.check_result']).toBe('fail');
    expect(v['quality.status']).toBe('fatal');
    expect(v['quality.attempt']).toBe('1');
    expect(v['quality.retries']).toBe('0');
    expect(r.events('step.finished', 'quality')[0]).toMatchObject({ status: 'fatal' });
    expect(r.events('run.finished')[0]).toMatchObject({ status: 'fatal' });
    expect(r.state.message).toContain('gate untouched_0 failed');
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:1', '[gump] step:impl task:- attempt:2']);
  });
});
