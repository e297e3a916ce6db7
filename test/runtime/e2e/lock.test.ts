// One process per local run (issue 9, defect 3): a second `gump run --resume` (or approve) of a
// run in use is refused; after `kill -9` of gump, the agent CLI it left running is stopped by the
// next command that takes the run.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo } from '../scenario/harness.js';
import { demoProject, FAST_GATES, GUMP_BIN, gump, SIMPLE_WORKFLOW, stubWritingA } from './library-run.js';
import { runsDir } from '../../../src/local/runs.js';
import { processStart } from '../../../runtime/agents/process-start.js';

const stub = (delay: string): string => stubWritingA(1, 'turns: 4', `delay: ${delay}`);

async function until(what: string, test: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a lock on a run', () => {
  it('refuses a second process on a run in use; after kill -9 the resume stops the orphaned agent and completes', async () => {
    const repo = makeRepo(
      demoProject({ ...FAST_GATES, '.gump/workflows/simple.yaml': SIMPLE_WORKFLOW, '.gump/stub.yaml': stub('60s') }),
    );
    const child = spawn(process.execPath, [GUMP_BIN, 'run', 'simple', '--spec', 'spec.md', '--stub'], {
      cwd: repo,
      detached: true,
      stdio: 'ignore',
    });
    let id = '';
    let groups = '';
    await until('the agent to start', () => {
      if (!existsSync(runsDir(repo))) return false;
      id = readdirSync(runsDir(repo))[0] ?? '';
      groups = join(runsDir(repo), id, 'worktree', '.gump', 'run', 'agent-groups');
      return id !== '' && existsSync(groups) && readdirSync(groups).length > 0;
    });
    const pgid = Number(readdirSync(groups)[0]);
    expect(groupAlive(pgid)).toBe(true);
    // The record holds the leader's start time where procfs gives it (a reused id is left alone).
    if (existsSync('/proc/self/stat'))
      expect(readFileSync(join(groups, String(pgid)), 'utf8')).toBe(`${pgid} ${processStart(pgid)}\n`);
    const holder = Number(readFileSync(join(runsDir(repo), id, 'lock'), 'utf8'));

    const second = await gump(repo, 'run', '--resume', id);
    expect(second.code).toBe(2);
    expect(second.stderr).toBe(
      `gump run: run ${id} is in use by another gump process (pid ${holder}); wait for it to end, or stop it first\n`,
    );
    const approve = await gump(repo, 'approve', id);
    expect(approve.code).toBe(2);
    expect(approve.stderr).toContain(`run ${id} is in use by another gump process`);

    const exited = new Promise((r) => child.once('exit', r));
    process.kill(child.pid!, 'SIGKILL');
    await exited;
    // kill -9 of gump alone: its agent CLI, in a process group of its own, runs on.
    expect(groupAlive(pgid)).toBe(true);
    const report = JSON.parse((await gump(repo, 'report', id, '--format', 'json')).stdout) as {
      steps: { attempts: { status: string }[] }[];
    };
    expect(report.steps[0]!.attempts.map((a) => a.status)).toEqual(['interrupted']);

    writeFileSync(join(repo, '.gump', 'stub.yaml'), stub('10ms'));
    const resumed = await gump(repo, 'run', '--resume', id);
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`stopped agent process group ${pgid}, left running by an interrupted gump`);
    expect(groupAlive(pgid)).toBe(false);
    expect(existsSync(join(runsDir(repo), id, 'lock'))).toBe(false);
  });
});
