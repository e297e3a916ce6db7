// One process at a time per local run: `gump run`, `run --resume`, `approve` and `reject` hold
// `<runs>/<id>/lock` (the holder's pid) while they work on a run; a second one is refused. A lock
// whose holder is gone (kill -9) is taken over, and the agent CLI process groups that holder left
// running (recorded by runtime/agents/spawn.ts under `.gump/run/**/agent-groups/`) are stopped.

import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { sameGroup } from '../../runtime/agents/process-start.js';
import { LocalRunError, runsDir } from './runs.js';

function lockPath(repo: string, id: string): string {
  return join(runsDir(repo), id, 'lock');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** True while a live process holds the run's lock. */
export function runIsLive(repo: string, id: string): boolean {
  const pid = holder(lockPath(repo, id));
  return pid !== undefined && pid !== process.pid && alive(pid);
}

/**
 * Takes the run's lock for this process (released when it exits) and stops agent CLIs a killed
 * holder left behind; LocalRunError when another live process holds it.
 */
export function lockRun(repo: string, id: string, write: (s: string) => void): void {
  const path = lockPath(repo, id);
  for (let tries = 0; ; tries++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || tries > 0) throw e;
      const pid = holder(path);
      if (pid === process.pid) return;
      if (pid !== undefined && alive(pid))
        throw new LocalRunError(
          `run ${id} is in use by another gump process (pid ${pid}); wait for it to end, or stop it first`,
        );
      rmSync(path, { force: true });
    }
  }
  process.on('exit', () => {
    if (holder(path) === process.pid) rmSync(path, { force: true });
  });
  stopOrphanedAgents(join(runsDir(repo), id, 'worktree', '.gump', 'run'), write);
}

/** Stops every recorded agent process group still alive (SIGTERM, then SIGKILL), forgetting the records. */
export function stopOrphanedAgents(runDir: string, write: (s: string) => void): void {
  for (const dir of groupDirs(runDir, 0)) {
    for (const name of readdirSync(dir)) {
      const pid = Number(name);
      if (Number.isInteger(pid) && pid > 1 && groupAlive(pid) && sameGroup(pid, recordedStart(join(dir, name)))) {
        signal(-pid, 'SIGTERM');
        const until = Date.now() + 2000;
        while (groupAlive(pid) && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
        if (groupAlive(pid)) signal(-pid, 'SIGKILL');
        write(`stopped agent process group ${pid}, left running by an interrupted gump\n`);
      }
      rmSync(join(dir, name), { force: true });
    }
  }
}

/** The start time recorded with a group (`<pgid> <start>`); none in records without it. */
function recordedStart(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim().split(' ')[1];
  } catch {
    return undefined;
  }
}

function signal(target: number, sig: NodeJS.Signals): void {
  try {
    process.kill(target, sig);
  } catch {
    // gone meanwhile
  }
}

function groupDirs(dir: string, depth: number): string[] {
  if (depth > 6 || !existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      continue;
    }
    if (!isDir) continue;
    if (name === 'agent-groups') out.push(p);
    else if (name !== 'streams' && name !== 'out') out.push(...groupDirs(p, depth + 1));
  }
  return out;
}
