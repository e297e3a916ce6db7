// The agent runner: spawns an adapter's invocation (detached, no shell, stdin closed or fed),
// enforces the wall-clock timeout (SIGTERM to the group, SIGKILL after a grace), captures raw
// stdout lines with timestamps, feeds the parser, reports live events and returns RunMetrics.
import { spawn, type ChildProcess } from 'node:child_process';
import { processStart } from './process-start.js';
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AgentAdapter, AgentRunRequest, NormalizedEvent, RunMetrics } from './types.js';
import { childEnv } from './auth-env.js';
import { hostEnvOf } from './adapter-kit.js';
import { priceMetrics, type CostOptions } from './cost.js';
import { LineSplitter, signalGroup, TailBuffer } from './child-io.js';

export const DEFAULT_GRACE_MS = 5_000;

/**
 * After a fatal error event (codex turn.failed, opencode error), how long the CLI may take to exit
 * on its own before it is stopped: opencode 1.18.33 lingers 20 s or more after a non-retryable API
 * error before exiting (observed against a scripted model server).
 */
export const FATAL_EXIT_GRACE_MS = 5_000;

export interface RunAgentOptions {
  adapter: AgentAdapter;
  request: AgentRunRequest;
  /** JSONL file receiving every stdout line as {"t": ISO time, "line": text} (agents.md §2.10). */
  rawLogFile?: string;
  /**
   * A folder where the running CLI's process group is recorded (a file named by its id, removed
   * when it ends), so a later process can stop it if this one is killed (src/local/lock.ts).
   */
  groupDir?: string;
  /** Delay between SIGTERM and SIGKILL (default 5 s). */
  graceMs?: number;
  /** How long a CLI may linger after a fatal error event (default FATAL_EXIT_GRACE_MS). */
  fatalExitGraceMs?: number;
  cost?: CostOptions;
  /** Live callback per normalized event, with cumulative metrics (cost priced); may call run.abort. */
  onEvent?: (ev: NormalizedEvent, live: RunMetrics, run: AgentRun) => void;
  now?: () => Date;
}

export interface RunResult extends RunMetrics {
  stderrTail: string;
  /** Reason given to abort() (e.g. a guard trip). */
  aborted?: string;
  /** The process could not be started (missing CLI, missing cwd...). */
  failure?: string;
}

export interface AgentRun {
  readonly pid: number | undefined;
  abort(reason: string): void;
  readonly done: Promise<RunResult>;
}

export function runAgent(o: RunAgentOptions): Promise<RunResult> {
  return startAgent(o).done;
}

export function startAgent(o: RunAgentOptions): AgentRun {
  const { adapter, request: req } = o;
  const now = o.now ?? (() => new Date());
  const started = Date.now();
  const parser = adapter.createParser(req.resumeSessionId !== undefined ? req.sessionTotals : undefined);
  const stderr = new TailBuffer(16 * 1024);
  const grace = o.graceMs ?? DEFAULT_GRACE_MS;
  let child: ChildProcess | undefined;
  let rawLog: WriteStream | undefined;
  let timedOut = false;
  let aborted: string | undefined;
  let exited = false;
  let settled = false;
  const timers: NodeJS.Timeout[] = [];
  let resolveDone!: (r: RunResult) => void;
  const done = new Promise<RunResult>((r) => (resolveDone = r));

  const live = (): RunMetrics =>
    priceMetrics({ ...parser.partial(), durationMs: Date.now() - started }, req.agent, o.cost);

  const run: AgentRun = {
    get pid() {
      return child?.pid;
    },
    abort(reason: string) {
      if (settled || aborted !== undefined || timedOut) return;
      aborted = reason;
      terminate();
    },
    done,
  };

  function terminate(): void {
    if (!child || exited) return;
    signalGroup(child, 'SIGTERM');
    timers.push(setTimeout(() => child && signalGroup(child, 'SIGKILL'), grace));
  }

  let fatalSeen = false;
  function onLine(line: string): void {
    rawLog?.write(`${JSON.stringify({ t: now().toISOString(), line })}\n`);
    const evs = parser.push(line);
    if (!fatalSeen && evs.some((e) => e.kind === 'error')) {
      fatalSeen = true;
      timers.push(setTimeout(() => !settled && !exited && terminate(), o.fatalExitGraceMs ?? FATAL_EXIT_GRACE_MS));
    }
    if (!o.onEvent || evs.length === 0) return;
    const snapshot = live();
    for (const ev of evs) {
      try {
        o.onEvent(ev, snapshot, run);
      } catch {
        // a failing observer must not break the stream
      }
    }
  }

  async function settle(exitCode: number | null, failure?: string): Promise<void> {
    if (settled) return;
    settled = true;
    for (const t of timers) clearTimeout(t);
    const m: RunMetrics = { ...parser.finish(exitCode, timedOut), durationMs: Date.now() - started };
    if (failure !== undefined) m.errorMessage = failure;
    if (timedOut) m.errorMessage = `agent timed out after ${req.timeoutMs} ms`;
    if (aborted !== undefined) m.errorMessage = `agent stopped: ${aborted}`;
    if (failure !== undefined || timedOut || aborted !== undefined) m.isError = true;
    const tail = stderr.toString();
    // qwen 0.24 ends a --max-session-turns stop with exit 53 and only a stderr line, no result event
    // ("Reached max session turns for this session"): still the CLI's own turn limit.
    if (
      m.isError &&
      m.limitHit === undefined &&
      !timedOut &&
      aborted === undefined &&
      /reached max(imum)? session turns/i.test(tail)
    )
      m.limitHit = 'maxTurns';
    if (m.isError && m.errorMessage === undefined) {
      const last = tail.trim().split('\n').pop()?.trim();
      m.errorMessage = `agent exited with code ${exitCode}${last ? `: ${last}` : ''}`;
    }
    if (rawLog) await new Promise<void>((r) => rawLog!.end(r));
    const result: RunResult = { ...priceMetrics(m, req.agent, o.cost), stderrTail: tail };
    if (aborted !== undefined) result.aborted = aborted;
    if (failure !== undefined) result.failure = failure;
    resolveDone(result);
  }

  const inv = adapter.buildInvocation(req);
  try {
    mkdirSync(req.stateDir, { recursive: true });
    for (const f of inv.files ?? []) {
      mkdirSync(dirname(f.path), { recursive: true });
      writeFileSync(f.path, f.content);
    }
    if (o.rawLogFile) {
      mkdirSync(dirname(o.rawLogFile), { recursive: true });
      rawLog = createWriteStream(o.rawLogFile, { flags: 'a' });
      rawLog.on('error', () => {}); // a full disk must not crash the runner; the run goes on
    }
    if (!existsSync(req.cwd)) throw new Error(`working directory ${req.cwd} does not exist`);
  } catch (e) {
    void settle(null, `cannot start agent CLI "${inv.bin}": ${(e as Error).message}`);
    return run;
  }

  const feedStdin = inv.stdin !== 'ignore';
  try {
    child = spawn(inv.bin, inv.args, {
      cwd: req.cwd,
      env: childEnv(hostEnvOf(req), inv.env),
      detached: true, // own process group: the timeout signals every tool subprocess too
      shell: false,
      stdio: [feedStdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    // synchronous refusals, e.g. a NUL byte in an argument
    void settle(null, `cannot start agent CLI "${inv.bin}": ${(e as Error).message}`);
    return run;
  }
  child.on('error', (err: NodeJS.ErrnoException) => {
    if (child?.pid !== undefined) return; // started: 'close' reports the outcome
    const msg =
      err.code === 'ENOENT'
        ? `agent CLI "${inv.bin}" is not installed (not found on PATH)`
        : `cannot start agent CLI "${inv.bin}": ${err.code ?? err.message}`;
    void settle(null, msg);
  });
  if (feedStdin && child.stdin) {
    child.stdin.on('error', () => {}); // EPIPE when the CLI exits without reading
    child.stdin.end((inv.stdin as { text: string }).text);
  }
  const lines = new LineSplitter(onLine);
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (c: string) => lines.push(c));
  child.stdout?.on('end', () => lines.end());
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (c: string) => stderr.push(c));
  child.on('exit', () => {
    exited = true;
    // Leftover tool subprocesses of the group would hold the pipes open: kill them now.
    if (child) signalGroup(child, 'SIGKILL');
  });
  const groupFile =
    o.groupDir !== undefined && child.pid !== undefined ? join(o.groupDir, String(child.pid)) : undefined;
  if (groupFile) {
    try {
      mkdirSync(o.groupDir!, { recursive: true });
      // The leader's start time too: the next holder leaves a group that merely reuses the id alone.
      const start = processStart(child.pid!);
      writeFileSync(groupFile, start === undefined ? `${child.pid}\n` : `${child.pid} ${start}\n`);
    } catch {
      // best effort: without the record only a manual kill stops a CLI orphaned by a kill -9
    }
  }
  child.on('close', (code) => {
    if (groupFile) rmSync(groupFile, { force: true });
    lines.end();
    void settle(code);
  });
  if (req.timeoutMs !== undefined && req.timeoutMs > 0) {
    timers.push(
      setTimeout(() => {
        if (settled || exited) return;
        timedOut = true;
        terminate();
      }, req.timeoutMs),
    );
  }
  return run;
}
