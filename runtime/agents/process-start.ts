// A process's start time, to tell a recorded process group from a later one that reuses its id:
// Linux's `/proc/<pid>/stat` field 22 (clock ticks since boot). Undefined where there is no procfs
// (macOS) or the process is gone.

import { readFileSync } from 'node:fs';

export function processStart(pid: number): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so fields count from the last `)`.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19];
}

/**
 * Whether the recorded group `pgid` (started at `start`, when known) may be signalled: not when its
 * leader is alive with another start time (the id was reused). A group whose leader is gone keeps
 * its id while any member lives (POSIX), so it is still the recorded one.
 */
export function sameGroup(pgid: number, start: string | undefined): boolean {
  if (start === undefined) return true;
  const now = processStart(pgid);
  return now === undefined || now === start;
}
