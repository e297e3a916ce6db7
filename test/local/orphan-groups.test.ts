// The next holder of a run stops the agent process groups a killed gump left running, but never a
// group that only reuses a recorded id: the record holds the leader's start time (Linux procfs).

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processStart, sameGroup } from '../../runtime/agents/process-start.js';
import { stopOrphanedAgents } from '../../src/local/lock.js';

const procfs = existsSync('/proc/self/stat');
const children: ChildProcess[] = [];

/** A detached `sleep` leading its own process group, as spawn.ts starts an agent CLI. */
function group(): number {
  const child = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
  children.push(child);
  return child.pid!;
}

function alive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A run folder with one record `agent-groups/<pgid>` holding `text`. */
function record(pgid: number, text: string): string {
  const run = mkdtempSync(join(tmpdir(), 'gump-orphans-'));
  mkdirSync(join(run, 'agent-groups'));
  writeFileSync(join(run, 'agent-groups', String(pgid)), text);
  return run;
}

afterEach(() => {
  for (const c of children.splice(0)) {
    try {
      process.kill(-c.pid!, 'SIGKILL');
    } catch {
      // already stopped
    }
  }
});

describe.skipIf(!procfs)('recorded agent process groups', () => {
  it("processStart reads a live process's start time; none for a process that is gone", () => {
    expect(processStart(process.pid)).toMatch(/^\d+$/);
    expect(processStart(2 ** 22 + 1)).toBeUndefined();
  });

  it('sameGroup: the recorded start time must match a live leader', () => {
    const pgid = group();
    const start = processStart(pgid)!;
    expect(sameGroup(pgid, start)).toBe(true);
    expect(sameGroup(pgid, String(Number(start) + 1))).toBe(false);
    expect(sameGroup(pgid, undefined)).toBe(true);
  });

  it('stops a recorded group whose leader has the recorded start time', async () => {
    const pgid = group();
    const exited = new Promise<NodeJS.Signals | null>((r) => children[0]!.once('exit', (_code, sig) => r(sig)));
    const out: string[] = [];
    // The sleep is this process's child: it stays a zombie, its group "alive", until the event loop reaps it.
    stopOrphanedAgents(record(pgid, `${pgid} ${processStart(pgid)}\n`), (s) => out.push(s));
    expect(await exited).toBe('SIGTERM');
    expect(out).toEqual([`stopped agent process group ${pgid}, left running by an interrupted gump\n`]);
  });

  it('leaves alone a group that reuses the recorded id (another start time), and forgets the record', async () => {
    const pgid = group();
    const run = record(pgid, `${pgid} ${Number(processStart(pgid)) - 1}\n`);
    const out: string[] = [];
    stopOrphanedAgents(run, (s) => out.push(s));
    await new Promise((r) => setTimeout(r, 100));
    expect(children[0]!.signalCode).toBeNull();
    expect(alive(pgid)).toBe(true);
    expect(out).toEqual([]);
    expect(existsSync(join(run, 'agent-groups', String(pgid)))).toBe(false);
  });
});
