// The live progress of a run (design.md "trace"): `[path]  what  detail`, aligned, one line per
// event — attempts, each agent's end with elapsed time, turns, tokens and cost, each gate with its
// time, failures with an output excerpt indented below. Not on a terminal (CI logs, pipes) it is
// plain text and, while an agent or gate runs, a heartbeat line at most every `heartbeatMs`; on a
// terminal (`live`) a status line under the log is redrawn instead. The clock and timers are
// injected, so the output is deterministic in tests.

import type { AgentProgress, Trace } from '../exec/services.js';
import { dollars, duration, tokens } from './summary-helpers.js';

/** Prefix of a detail's continuation lines. */
export const CONTINUATION = '    │ ';

/** Longest silence in a non-terminal log while something runs. */
export const HEARTBEAT_MS = 10_000;

export function traceLine(step: string, what: string, detail: string | undefined, width = 28): string {
  const [first, ...more] = (detail ?? '').split('\n');
  const row = `${`[${step}]`.padEnd(width)} ${what.padEnd(8)} ${first}`.trimEnd();
  return `${[row, ...more.map((l) => `${CONTINUATION}${l}`.trimEnd())].join('\n')}\n`;
}

export interface TraceOptions {
  /** A terminal: a redrawn status line instead of heartbeat lines. */
  live?: boolean;
  /** Terminal width for the status line. */
  columns?: number;
  now?: () => number;
  heartbeatMs?: number;
  /** Starts a repeating timer; returns its stop function (tests drive `tick` themselves). */
  every?: (ms: number, fn: () => void) => () => void;
  width?: number;
}

export interface ProgressTrace extends Trace {
  agent: NonNullable<Trace['agent']>;
  gate: NonNullable<Trace['gate']>;
  /** What the timer does: heartbeats (plain) or a status redraw (live). */
  tick(): void;
  /** Stops the timer and clears the status line. */
  close(): void;
}

interface Busy {
  step: string;
  kind: 'agent' | 'gate';
  name: string;
  start: number;
  /** Last time a line about it was written (heartbeats). */
  last: number;
  usage?: AgentProgress;
}

export function createTrace(write: (s: string) => void, opts: TraceOptions = {}): ProgressTrace {
  const now = opts.now ?? Date.now;
  const heartbeatMs = opts.heartbeatMs ?? HEARTBEAT_MS;
  const every = opts.every ?? realTimer;
  const width = opts.width ?? 28;
  const busy = new Map<string, Busy>();
  let stopTimer: (() => void) | undefined;
  let status = '';

  const out = (text: string): void => {
    if (!opts.live || status === '') return write(text);
    write(`\r\x1b[2K${text}`);
    write(status);
  };
  const redraw = (): void => {
    if (!opts.live) return;
    const next = statusLine([...busy.values()], now(), opts.columns ?? 80);
    if (next === status) return;
    write(`\r\x1b[2K${next}`);
    status = next;
  };
  const started = (key: string, b: Omit<Busy, 'start' | 'last'>): void => {
    busy.set(key, { ...b, start: now(), last: now() });
    stopTimer ??= every(opts.live ? 1000 : Math.max(1000, heartbeatMs), () => trace.tick());
    redraw();
  };
  const ended = (key: string): Busy | undefined => {
    const b = busy.get(key);
    busy.delete(key);
    if (busy.size === 0 && stopTimer) {
      stopTimer();
      stopTimer = undefined;
    }
    return b;
  };
  const heartbeat = (b: Busy): void => {
    b.last = now();
    const detail =
      b.kind === 'agent'
        ? agentDetail(b.name, now() - b.start, b.usage)
        : `${b.name} running ${duration(now() - b.start)}`;
    out(traceLine(b.step, b.kind === 'agent' ? 'working' : 'gate', detail, width));
  };

  const trace: ProgressTrace = {
    line(step, what, detail) {
      out(traceLine(step, what, detail, width));
    },
    warn(message) {
      out(`warning: ${message}\n`);
    },
    agent(step, p) {
      if (p.phase === 'start') return started(`agent ${step}`, { step, kind: 'agent', name: p.agent, usage: p });
      if (p.phase === 'end') {
        const b = ended(`agent ${step}`);
        out(traceLine(step, 'agent', agentDetail(p.agent, b ? now() - b.start : 0, p), width));
        return redraw();
      }
      const b = busy.get(`agent ${step}`);
      if (!b) return;
      b.usage = p;
      if (opts.live) redraw();
      else if (now() - b.last >= heartbeatMs) heartbeat(b);
    },
    gate(step, name, result) {
      const key = `gate ${step}`;
      if (!result) return started(key, { step, kind: 'gate', name });
      const b = ended(key);
      out(
        traceLine(
          step,
          'gate',
          `${name} ${result.status === 'fail' ? '✗' : result.status === 'skipped' ? '–' : '✓'}  ${duration(b ? now() - b.start : 0)}`,
          width,
        ),
      );
      redraw();
    },
    tick() {
      if (opts.live) return redraw();
      for (const b of busy.values()) if (now() - b.last >= heartbeatMs) heartbeat(b);
    },
    close() {
      stopTimer?.();
      stopTimer = undefined;
      busy.clear();
      if (opts.live && status !== '') write('\r\x1b[2K');
      status = '';
    },
  };
  return trace;
}

/** `claude-sonnet  12.0s  3 turns  12.4k/2.3k tokens  $0.042` */
export function agentDetail(agent: string, elapsedMs: number, u: AgentProgress | undefined): string {
  const parts = [agent, duration(elapsedMs)];
  if (u)
    parts.push(
      `${u.turns} turn${u.turns === 1 ? '' : 's'}`,
      `${tokens(u.tokensIn)}/${tokens(u.tokensOut)} tokens`,
      `${u.estimated ? '~' : ''}${dollars(u.cost)}`,
    );
  return parts.join('  ');
}

/** `⋯ impl: claude-sonnet 12.0s · 3 turns · … | review: gate test 3.0s`, cut to the terminal width. */
function statusLine(busy: Busy[], at: number, columns: number): string {
  if (busy.length === 0) return '';
  const text = `⋯ ${busy
    .map(
      (b) =>
        `${b.step}: ${
          b.kind === 'agent'
            ? agentDetail(b.name, at - b.start, b.usage)
                .split('  ')
                .join(' · ')
            : `gate ${b.name} ${duration(at - b.start)}`
        }`,
    )
    .join(' | ')}`;
  const max = Math.max(10, columns - 1);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function realTimer(ms: number, fn: () => void): () => void {
  const t = setInterval(fn, ms);
  t.unref();
  return () => clearInterval(t);
}

export const silentTrace: Trace = { line: () => undefined, warn: () => undefined };
