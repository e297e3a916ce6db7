// Crash and resume end to end: `kill -9` of `gump run` mid-attempt, then `gump run --resume`;
// a fatal run resumed. Passed steps are never redone and their commits stay as they were.

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLedger, type LedgerEvent } from '../../../runtime/state/ledger.js';
import { makeRepo } from '../scenario/harness.js';
import { demoProject, FAST_GATES, GUMP_BIN, gump, gitIn } from './library-run.js';
import { inspect } from '../scenario/harness.js';
import { runsDir } from '../../../src/local/runs.js';

const THREE = `name: three
steps:
  - name: first
    type: code
    get: { prompt: "Write src/one.js" }
    run:
      agent: claude-haiku
    gate: [compile]
  - name: second
    type: code
    get: { prompt: "Write src/two.js" }
    run:
      agent: claude-haiku
    gate: [compile]
  - name: quality
    gate: [compile, test]
`;

const SLOW_SECOND = `version: 1
rules:
  - match: first
    write: { "src/one.js": "module.exports = 1;\\n" }
  - match: second
    write: { "src/two.js": "module.exports = 2;\\n" }
    turns: 4
    delay: 2s
`;

function ledgerOf(repo: string, id: string): LedgerEvent[] {
  return readLedger(join(runsDir(repo), id, 'worktree', '.gump', 'run', 'ledger.ndjson'));
}

async function until(what: string, test: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Processes whose command line mentions `text` (the stub agents of one run). */
function processesMentioning(text: string): string[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes(text) && l.includes('__stub'));
}

describe('crash and resume', () => {
  it('kill -9 of gump run mid-attempt, then gump run --resume: the run completes, passed steps are not redone', async () => {
    const repo = makeRepo(
      demoProject({ ...FAST_GATES, '.gump/workflows/three.yaml': THREE, '.gump/stub.yaml': SLOW_SECOND }),
    );
    const child = spawn(process.execPath, [GUMP_BIN, 'run', 'three', '--spec', 'spec.md', '--stub'], {
      cwd: repo,
      detached: true,
      stdio: 'ignore',
    });
    let id = '';
    await until('the second step to start', () => {
      if (!existsSync(runsDir(repo))) return false;
      id = readdirSync(runsDir(repo))[0] ?? '';
      return id !== '' && ledgerOf(repo, id).some((e) => e.event === 'attempt.started' && e.step === 'second');
    });
    await new Promise((r) => setTimeout(r, 400)); // the stub is running its turns
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    const worktree = join(runsDir(repo), id, 'worktree');
    const branch = `gump/run-${id}`;
    const firstCommit = gitIn(repo, 'rev-parse', branch);
    expect(gitIn(repo, 'log', '-1', '--format=%s', firstCommit)).toBe('[gump] step:first task:- attempt:1');
    const before = JSON.parse(readFileSync(join(worktree, '.gump', 'run', 'state.json'), 'utf8')) as {
      status: string;
      steps: Record<string, { status: string }>;
    };
    expect(before.status).toBe('running');
    expect(before.steps.first!.status).toBe('pass');
    expect(before.steps.second!.status).toBe('running');
    // The stub agent runs in its own process group: it finishes its turns on its own.
    await until('the orphaned stub agent to exit', () => processesMentioning(worktree).length === 0);

    const resumed = await gump(repo, 'run', '--resume', id);
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`resuming run ${id}`);
    expect(resumed.stdout).toContain('Run completed: pass');
    const r = inspect(repo, worktree, id, resumed.code, resumed.stdout);
    expect(r.state.status).toBe('pass');
    // first: one attempt, skipped on resume; its commit is untouched, the base of everything after.
    expect(r.events('attempt.started', 'first')).toHaveLength(1);
    expect(r.events('step.skipped', 'first')).toHaveLength(1);
    expect(r.commits).toEqual(['[gump] step:first task:- attempt:1', '[gump] step:second task:- attempt:1']);
    expect(gitIn(repo, 'rev-parse', `${branch}~1`)).toBe(firstCommit);
    // second: the interrupted attempt is recorded, then run again as attempt 1 (not the agent's failure).
    expect(r.events('attempt.finished', 'second').map((e) => `${e.attempt} ${e.status}`)).toEqual([
      '1 interrupted',
      '1 pass',
    ]);
    expect(r.state.values['second.attempt']).toBe('1');
    expect(r.file('src/two.js')).toBe('module.exports = 2;\n');
    expect(r.events('run.finished')).toMatchObject([{ status: 'pass' }]);
  });

  it('gump run --resume after a fatal run restarts the failed task without redoing the passed steps', async () => {
    const stub = `version: 1
rules:
  - match: decompose
    plan:
      - { name: first, description: "add src/one.js", files: ["src/one.js"] }
      - { name: second, description: "add src/two.js", files: ["src/two.js"] }
  - match: decompose/first/code
    write: { "src/one.js": "module.exports = 1;\\n" }
  - match: decompose/second/code
    attempts:
      - write: { "src/two.js": "module.exports = (;\\n" }
      - replace: [ { file: src/two.js, find: "(;", with: "2;" } ]
`;
    const repo = makeRepo(demoProject({ ...FAST_GATES, '.gump/stub.yaml': stub }));
    const first = await gump(repo, 'run', 'simple', '--spec', 'spec.md', '--stub');
    expect(first.code, first.stdout + first.stderr).toBe(1);
    expect(first.stdout).toContain('Run completed: fatal');
    expect(first.stdout).toMatch(/gump run --resume \S+ continues without redoing passed steps/);
    const id = readdirSync(runsDir(repo))[0]!;
    const worktree = join(runsDir(repo), id, 'worktree');
    const branch = `gump/run-${id}`;
    const passedTask = gitIn(repo, 'rev-parse', `${branch}~1`);
    expect(gitIn(repo, 'log', '-1', '--format=%s', passedTask)).toBe('[gump] step:code task:first attempt:1');

    const resumed = await gump(repo, 'run', '--resume', id, '--isolate-steps');
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    const r = inspect(repo, worktree, id, resumed.code, resumed.stdout);
    expect(r.state.status).toBe('pass');
    expect(r.events('attempt.started', 'decompose')).toHaveLength(1);
    expect(r.events('attempt.started', 'decompose/first/code')).toHaveLength(1);
    // The failed step starts over: attempts count from 1 again (§9.5).
    expect(r.events('attempt.finished', 'decompose/second/code').map((e) => `${e.attempt} ${e.status}`)).toEqual([
      '1 fail',
      '1 pass',
    ]);
    expect(r.events('run.finished').map((e) => e.status)).toEqual(['fatal', 'pass']);
    expect(r.commits).toEqual([
      '[gump] step:code task:first attempt:1',
      '[gump] step:code task:second attempt:1',
      '[gump] step:code task:second attempt:1',
    ]);
    expect(gitIn(repo, 'rev-parse', `${branch}~2`)).toBe(passedTask);
    expect(r.file('src/two.js')).toBe('module.exports = 2;\n');
    expect(r.state.values['quality.gate.test']).toBe('true');
  });

  it('kill -9 during parallel branches, then resume: the branch worktrees are recreated and the run completes', async () => {
    const stub = `version: 1
rules:
  - match: decompose
    plan:
      - { name: add-min, description: "min", files: ["src/min.js"] }
      - { name: add-max, description: "max", files: ["src/max.js"] }
  - match: decompose/add-min/impl
    write: { "src/min.js": "module.exports = Math.min;\\n" }
  - match: decompose/add-max/impl
    write: { "src/max.js": "module.exports = Math.max;\\n" }
    turns: 3
    delay: 1500ms
`;
    const repo = makeRepo(demoProject({ ...FAST_GATES, '.gump/stub.yaml': stub }));
    const child = spawn(process.execPath, [GUMP_BIN, 'run', 'parallel-tasks', '--spec', 'spec.md', '--stub'], {
      cwd: repo,
      detached: true,
      stdio: 'ignore',
    });
    let id = '';
    await until('the add-min branch to pass', () => {
      if (!existsSync(runsDir(repo))) return false;
      id = readdirSync(runsDir(repo))[0] ?? '';
      return (
        id !== '' && ledgerOf(repo, id).some((e) => e.event === 'step.finished' && e.step === 'decompose/add-min/impl')
      );
    });
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    const worktree = join(runsDir(repo), id, 'worktree');
    await until('the orphaned stub agent to exit', () => processesMentioning(id).length === 0);

    const resumed = await gump(repo, 'run', '--resume', id);
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    const r = inspect(repo, worktree, id, resumed.code, resumed.stdout);
    expect(r.events('attempt.started', 'decompose/add-min/impl')).toHaveLength(1);
    expect(r.events('attempt.finished', 'decompose/add-max/impl').map((e) => `${e.attempt} ${e.status}`)).toEqual([
      '1 interrupted',
      '1 pass',
    ]);
    expect(r.commits).toEqual(['[gump] merge:decompose branches:add-min,add-max']);
    expect(r.file('src/min.js')).toBe('module.exports = Math.min;\n');
    expect(r.file('src/max.js')).toBe('module.exports = Math.max;\n');
  });
});
