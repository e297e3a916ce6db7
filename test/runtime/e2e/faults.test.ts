// Faults end to end (language.md §9.4, §11): agent crash, hang past max_time, malformed output,
// a garbage stream from a real CLI, a missing CLI, a missing gate tool. Each ends in the documented
// status with a clear message, and the commits made before the fault stay on the run branch.

import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoProject, runLibrary } from './library-run.js';

const SIMPLE_PLAN = `  - match: decompose
    plan:
      - { name: first, description: "add src/one.js", files: ["src/one.js"] }
      - { name: second, description: "add src/two.js", files: ["src/two.js"] }
`;

/** A workflow of the project (`.gump/workflows/<name>.yaml`). */
function workflow(name: string, text: string): Record<string, string> {
  return { [`.gump/workflows/${name}.yaml`]: text };
}

/** A bin folder holding one executable shell script, first on PATH for the run. */
function fakeBin(name: string, script: string): string {
  const bin = join(mkdtempSync(join(tmpdir(), 'gump-fake-')), 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, name), `#!/bin/sh\n${script}`);
  chmodSync(join(bin, name), 0o755);
  return bin;
}

/** PATH with node (npm gates) and the system tools, and no agent CLI. */
const BARE_PATH = [dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':');

describe('faults end to end', () => {
  it('an agent crash with no attempt left ends the run fatal; the earlier task keeps its commit', async () => {
    const stub = `version: 1\nrules:\n${SIMPLE_PLAN}  - match: decompose/first/code\n    write: { "src/one.js": "module.exports = 1;\\n" }\n  - match: decompose/second/code\n    write: { "src/two.js": "module.exports = 2;\\n" }\n    exit_code: 139\n    stderr: "Segmentation fault (core dumped)\\n"\n`;
    const r = await runLibrary({ workflow: 'simple', files: demoProject({ '.gump/stub.yaml': stub }) });
    expect(r.code).toBe(1);
    expect(r.state.status).toBe('fatal');
    expect(r.state.message).toBe(
      'step decompose/second/code: all 1 attempt failed; last error: agent claude-opus failed (exit 139): Segmentation fault (core dumped)',
    );
    expect(r.events('attempt.finished', 'decompose/second/code')).toMatchObject([{ status: 'fail' }]);
    expect(r.state.steps['decompose/first/code']!.status).toBe('pass');
    expect(r.state.steps['decompose/second/code']!.status).toBe('fatal');
    expect(r.events('run.finished')).toMatchObject([{ status: 'fatal' }]);
    // The crashed attempt's files are committed as its snapshot; the first task's commit is intact.
    expect(r.commits).toEqual(['[gump] step:code task:first attempt:1', '[gump] step:code task:second attempt:1']);
    expect(r.file('src/one.js')).toBe('module.exports = 1;\n');
    expect(r.events('step.started', 'quality')).toEqual([]);
  });

  it('an agent hanging past max_time trips the guard: stopped, its changes reset, the retry passes', async () => {
    const wf =
      'name: hang\nsteps:\n  - name: impl\n    type: code\n    get: { prompt: "{spec}" }\n    run:\n      agent: claude-sonnet\n      guard: { max_time: 1s }\n    gate: [compile]\n    retry:\n      - exit: 2\n';
    const stub =
      'version: 1\nrules:\n  - match: impl\n    attempts:\n      - write: { "src/partial.js": "// half done\\n" }\n        turns: 4\n        delay: 20s\n      - write: { "src/done.js": "module.exports = 1;\\n" }\n';
    const started = Date.now();
    const r = await runLibrary({
      workflow: 'hang',
      files: demoProject({ ...workflow('hang', wf), '.gump/stub.yaml': stub }),
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.code, r.output).toBe(0);
    expect(r.events('guard.tripped', 'impl')).toMatchObject([
      { attempt: 1, message: 'guard max_time triggered: still running after 1s' },
    ]);
    expect(r.events('attempt.finished', 'impl').map((e) => e.status)).toEqual(['guard_failed', 'pass']);
    expect(r.output).toContain('guard max_time triggered');
    // Attempt 1 was reset: nothing of it is committed, its file is gone.
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:2']);
    expect(r.file('src/partial.js')).toBeUndefined();
    expect(r.file('src/done.js')).toBe('module.exports = 1;\n');
  });

  it('a malformed plan.json fails the planner attempt; with no retry the run is fatal with the parse error', async () => {
    const stub = 'version: 1\nrules:\n  - match: decompose\n    out: { "plan.json": "[{\\"name\\": \\"a\\", " }\n';
    const r = await runLibrary({ workflow: 'simple', files: demoProject({ '.gump/stub.yaml': stub }) });
    expect(r.code).toBe(1);
    expect(r.state.status).toBe('fatal');
    expect(r.state.message).toMatch(/^step decompose: all 1 attempt failed; last error: .*plan\.json/);
    expect(r.events('check.failed', 'decompose')).toHaveLength(1);
    expect(r.state.splits.decompose?.tasks ?? []).toEqual([]);
    expect(r.commits).toEqual([]);
  });

  it('a garbage stream from a real CLI (stub mode off) that changed nothing fails the attempt with a clear message', async () => {
    const bin = fakeBin(
      'claude',
      'echo "Welcome to the totally-not-JSON agent"\necho "{\\"type\\": \\"assistant\\", broken"\necho "%%%% garbage %%%%"\nexit 0\n',
    );
    const r = await runLibrary({
      workflow: 'freeform',
      stub: false,
      files: demoProject(),
      env: { PATH: `${bin}:${BARE_PATH}`, ANTHROPIC_API_KEY: 'sk-test' },
    });
    expect(r.code, r.output).toBe(1);
    expect(r.state.status).toBe('fatal');
    const failed = r.events('attempt.finished', 'execute');
    expect(failed).toMatchObject([
      {
        status: 'fail',
        error:
          'agent claude-opus ended without a final event and changed nothing: its output stream was not understood (raw stream under .gump/run/streams/)',
      },
    ]);
    expect(r.output).toContain("no final event in the agent's stream");
    expect(r.state.message).toContain(
      'step execute: all 1 attempt failed; last error: agent claude-opus ended without a final event',
    );
    // Every raw line is kept for diagnosis (agents.md §2.10).
    expect(readFileSync(join(r.worktree, '.gump', 'run', 'streams', 'execute.1.jsonl'), 'utf8')).toContain(
      '%%%% garbage %%%%',
    );
    expect(r.commits).toEqual([]);
  });

  it('a garbage stream with a non-zero exit is an agent failure quoting stderr; with changes and exit 0 it is judged by its diff', async () => {
    const crash = fakeBin('claude', 'echo "@@@ not json"\necho "fatal: cannot reach the model" >&2\nexit 3\n');
    const r = await runLibrary({
      workflow: 'freeform',
      stub: false,
      files: demoProject(),
      env: { PATH: `${crash}:${BARE_PATH}`, ANTHROPIC_API_KEY: 'sk-test' },
    });
    expect(r.code).toBe(1);
    expect(r.events('attempt.finished', 'execute')).toMatchObject([
      { status: 'fail', error: 'agent claude-opus failed (exit 3): fatal: cannot reach the model' },
    ]);
    const worked = fakeBin(
      'claude',
      'echo "@@@ not json"\nmkdir -p src && echo "module.exports = 2;" > src/b.js\nexit 0\n',
    );
    const ok = await runLibrary({
      workflow: 'freeform',
      stub: false,
      files: demoProject(),
      env: { PATH: `${worked}:${BARE_PATH}`, ANTHROPIC_API_KEY: 'sk-test' },
    });
    expect(ok.code, ok.output).toBe(0);
    expect(ok.commits).toEqual(['[gump] step:execute task:- attempt:1']);
    expect(ok.file('src/b.js')).toBe('module.exports = 2;\n');
    expect(ok.output).toContain("no final event in the agent's stream");
  });

  it('a missing agent CLI (stub mode off) is an attempt failure naming the CLI; retries fail the same way', async () => {
    const wf =
      'name: codex-run\nsteps:\n  - name: impl\n    type: code\n    get: { prompt: "{spec}" }\n    run:\n      agent: codex\n    gate: [compile]\n    retry:\n      - exit: 2\n';
    const r = await runLibrary({
      workflow: 'codex-run',
      stub: false,
      files: demoProject(workflow('codex-run', wf)),
      env: { PATH: BARE_PATH, OPENAI_API_KEY: 'sk-test' },
    });
    expect(r.code).toBe(1);
    const attempts = r.events('attempt.finished', 'impl');
    expect(attempts.map((e) => e.status)).toEqual(['fail', 'fail']);
    for (const a of attempts) expect(String(a.error)).toContain('agent CLI "codex" is not installed');
    expect(r.state.message).toContain('agent CLI "codex" is not installed');
    expect(r.commits).toEqual([]);
  });

  it('a gate tool missing from PATH fails the gate with the gump.toml hint', async () => {
    const stub = 'version: 1\nrules:\n  - match: execute\n    write: { "src/a.js": "module.exports = 1;\\n" }\n';
    const r = await runLibrary({
      workflow: 'freeform',
      files: demoProject({
        '.gump/stub.yaml': stub,
        'gump.toml': '[validation]\ncompile_cmd = "no-such-tool build"\n',
      }),
    });
    expect(r.code).toBe(1);
    expect(r.state.values['execute.gate.compile']).toBe('false');
    const error = String(r.events('attempt.finished', 'execute')[0]!.error);
    expect(error).toBe(
      'gate compile failed: compile command "no-such-tool build" (from gump.toml [validation] compile_cmd) cannot run: "no-such-tool" is not on PATH; install it or set compile_cmd in gump.toml [validation]',
    );
    // The agent's work is committed before the gates ran: nothing is lost.
    expect(r.commits).toEqual(['[gump] step:execute task:- attempt:1']);
    expect(r.file('src/a.js')).toBe('module.exports = 1;\n');
  });
});
