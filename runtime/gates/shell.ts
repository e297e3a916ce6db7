// Shell gate runner (language.md §8.3): `sh -c <command>` in a detached process group, stdin
// ignored, time limit enforced on the whole group (SIGTERM, SIGKILL after a grace), stdout and
// stderr captured (each capped, tail kept). Never throws: a spawn failure is reported in stderr.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { signalGroup, TailBuffer } from '../agents/child-io.js';

export interface ShellResult {
  /** Exit status; null when the process was killed by a signal or could not start. */
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface ShellOptions {
  cwd: string;
  /** The complete environment of the command. */
  env: Record<string, string>;
  timeoutMs: number;
  /** Delay between SIGTERM and SIGKILL on timeout (default 5 s). */
  graceMs?: number;
  /** Cap of each captured stream, in characters (default 4 MB, tail kept). */
  maxOutputChars?: number;
}

const DEFAULT_GRACE_MS = 5_000;
const DEFAULT_MAX_OUTPUT = 4 * 1024 * 1024;
/** setTimeout's largest delay; longer limits would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** After the shell exits, how long leftover background processes may keep the pipes open. */
const DRAIN_MS = 500;

export function runShell(command: string, opts: ShellOptions): Promise<ShellResult> {
  const max = opts.maxOutputChars ?? DEFAULT_MAX_OUTPUT;
  const stdout = new TailBuffer(max);
  const stderr = new TailBuffer(max);
  if (!existsSync(opts.cwd)) {
    return Promise.resolve({
      code: null,
      stdout: '',
      stderr: `cannot run the command: working directory ${opts.cwd} does not exist`,
      timedOut: false,
    });
  }
  return new Promise((resolve) => {
    const timers: NodeJS.Timeout[] = [];
    let settled = false;
    const later = (ms: number, f: () => void): void => {
      if (!settled) timers.push(setTimeout(f, Math.min(ms, MAX_TIMER_MS)));
    };
    let timedOut = false;
    let code: number | null = null;
    const finish = (): void => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      child.stdout?.destroy();
      child.stderr?.destroy();
      resolve({ code, stdout: stdout.toString(), stderr: stderr.toString(), timedOut });
    };
    const child = spawn('/bin/sh', ['-c', command], {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => stdout.push(chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
    child.on('error', (err) => {
      stderr.push(`${stderr.toString() === '' ? '' : '\n'}cannot run sh -c: ${err.message}`);
      code = null;
      finish();
    });
    child.on('exit', (status) => {
      code = status;
      // Normally 'close' follows at once; a background process still holding the pipes must not
      // keep the gate waiting.
      later(DRAIN_MS, finish);
    });
    child.on('close', finish);
    later(opts.timeoutMs, () => {
      timedOut = true;
      signalGroup(child, 'SIGTERM');
      later(opts.graceMs ?? DEFAULT_GRACE_MS, () => {
        signalGroup(child, 'SIGKILL');
        later(DRAIN_MS, finish);
      });
    });
  });
}
