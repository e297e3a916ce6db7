// The live progress of `gump run` and CI jobs (issue 9): a line per attempt and agent with elapsed
// time, turns, tokens and cost; gates with their time; heartbeats at most every HEARTBEAT_MS when
// not on a terminal (CI logs), a redrawn status line on one. Clock and timer are injected.

import { describe, expect, it } from 'vitest';
import { createTrace, HEARTBEAT_MS } from '../../../runtime/run/trace.js';
import type { AgentProgress } from '../../../runtime/exec/services.js';
import { dollars, tokens } from '../../../runtime/run/summary-helpers.js';

function harness(live: boolean, columns = 100) {
  let t = 0;
  let out = '';
  const timers: { ms: number; next: number; fn: () => void; stopped: boolean }[] = [];
  const trace = createTrace((s) => (out += s), {
    live,
    columns,
    now: () => t,
    every: (ms, fn) => {
      const timer = { ms, next: t + ms, fn, stopped: false };
      timers.push(timer);
      return () => (timer.stopped = true);
    },
  });
  /** Advance the clock, firing the running timer whenever it would have fired. */
  const advance = (ms: number): void => {
    const end = t + ms;
    for (;;) {
      const timer = timers.find((x) => !x.stopped);
      if (!timer || timer.next > end) break;
      t = timer.next;
      timer.next += timer.ms;
      timer.fn();
    }
    t = end;
  };
  return { trace, advance, timers, out: () => out, clear: () => void (out = '') };
}

const usage = (
  phase: AgentProgress['phase'],
  turns: number,
  tokensIn: number,
  tokensOut: number,
  cost: number,
): AgentProgress => ({ phase, agent: 'claude-sonnet', turns, tokensIn, tokensOut, cost, estimated: false });

describe('progress, not on a terminal (CI logs, pipes)', () => {
  it("prints the agent's end with elapsed time, turns, tokens and cost, and each gate with its time", () => {
    const h = harness(false);
    h.trace.line('impl', 'running', '(claude-sonnet)  attempt 1');
    h.trace.agent('impl', usage('start', 0, 0, 0, 0));
    h.advance(3_000);
    h.trace.agent('impl', usage('update', 1, 1200, 300, 0.012));
    h.advance(2_500);
    h.trace.agent('impl', usage('end', 2, 15_400, 2_100, 0.0712));
    h.trace.gate('impl', 'test');
    h.advance(1_234);
    h.trace.gate('impl', 'test', { status: 'fail' });
    h.trace.gate('impl', 'lint');
    h.advance(300);
    h.trace.gate('impl', 'lint', { status: 'pass' });
    expect(h.out()).toBe(
      [
        '[impl]                       running  (claude-sonnet)  attempt 1',
        '[impl]                       agent    claude-sonnet  5.5s  2 turns  15.4k/2.1k tokens  $0.071',
        '[impl]                       gate     test ✗  1.2s',
        '[impl]                       gate     lint ✓  0.3s',
        '',
      ].join('\n'),
    );
    expect(h.out()).not.toContain('\x1b');
  });

  it('while an agent runs, a heartbeat at most every HEARTBEAT_MS — with usage as it streams, or without any event', () => {
    const h = harness(false);
    h.trace.agent('impl', usage('start', 0, 0, 0, 0));
    expect(h.timers.map((x) => x.ms)).toEqual([HEARTBEAT_MS]);
    // Events in quick succession print nothing until the heartbeat is due.
    h.advance(4_000);
    h.trace.agent('impl', usage('update', 1, 900, 100, 0.004));
    h.advance(4_000);
    h.trace.agent('impl', usage('update', 2, 2000, 200, 0.009));
    expect(h.out()).toBe('');
    // The timer: the agent is silent, the log is not.
    h.advance(2_000);
    expect(h.out()).toBe(
      '[impl]                       working  claude-sonnet  10.0s  2 turns  2.0k/200 tokens  $0.009\n',
    );
    h.clear();
    // The next heartbeat comes a full period later; an event right after it prints nothing.
    h.advance(9_000);
    expect(h.out()).toBe('');
    h.advance(1_000);
    h.trace.agent('impl', usage('update', 3, 3000, 300, 0.02));
    expect(h.out()).toBe(
      '[impl]                       working  claude-sonnet  20.0s  2 turns  2.0k/200 tokens  $0.009\n',
    );
    h.clear();
    // Usage streaming after a silence prints at once once HEARTBEAT_MS has passed since the last line.
    h.timers[0]!.next = Infinity;
    h.advance(10_000);
    h.trace.agent('impl', usage('update', 4, 4000, 400, 0.03));
    expect(h.out()).toBe(
      '[impl]                       working  claude-sonnet  30.0s  4 turns  4.0k/400 tokens  $0.030\n',
    );
    h.trace.agent('impl', usage('end', 3, 3000, 300, 0.02));
    expect(h.timers.every((x) => x.stopped)).toBe(true);
  });

  it('a long gate has a heartbeat too', () => {
    const h = harness(false);
    h.trace.gate('impl', 'test');
    h.advance(25_000);
    h.trace.gate('impl', 'test', { status: 'pass' });
    expect(h.out()).toBe(
      [
        '[impl]                       gate     test running 10.0s',
        '[impl]                       gate     test running 20.0s',
        '[impl]                       gate     test ✓  25.0s',
        '',
      ].join('\n'),
    );
  });
});

describe('progress on a terminal', () => {
  it('keeps a status line under the log, redrawn as usage streams and every second, cleared at the end', () => {
    const h = harness(true);
    h.trace.agent('impl', usage('start', 0, 0, 0, 0));
    expect(h.timers.map((x) => x.ms)).toEqual([1000]);
    expect(h.out()).toBe('\r\x1b[2K⋯ impl: claude-sonnet · 0.0s · 0 turns · 0/0 tokens · $0.00');
    h.clear();
    h.advance(1_000);
    expect(h.out()).toBe('\r\x1b[2K⋯ impl: claude-sonnet · 1.0s · 0 turns · 0/0 tokens · $0.00');
    h.clear();
    h.trace.agent('impl', usage('update', 1, 1500, 20, 0.5));
    expect(h.out()).toBe('\r\x1b[2K⋯ impl: claude-sonnet · 1.0s · 1 turn · 1.5k/20 tokens · $0.500');
    h.clear();
    // A log line clears the status line, prints, and puts the status line back under it.
    h.trace.warn('something');
    expect(h.out()).toBe(
      '\r\x1b[2Kwarning: something\n⋯ impl: claude-sonnet · 1.0s · 1 turn · 1.5k/20 tokens · $0.500',
    );
    h.clear();
    h.trace.agent('impl', usage('end', 1, 1500, 20, 0.5));
    expect(h.out()).toBe(
      '\r\x1b[2K[impl]                       agent    claude-sonnet  1.0s  1 turn  1.5k/20 tokens  $0.500\n⋯ impl: claude-sonnet · 1.0s · 1 turn · 1.5k/20 tokens · $0.500\r\x1b[2K',
    );
    expect(h.timers.every((x) => x.stopped)).toBe(true);
    // No heartbeat lines on a terminal.
    h.clear();
    h.trace.gate('impl', 'test');
    h.advance(30_000);
    expect(h.out()).not.toContain('running');
    h.trace.close();
    expect(h.out().endsWith('\r\x1b[2K')).toBe(true);
  });

  it('cuts the status line to the terminal width', () => {
    const h = harness(true, 60);
    h.trace.agent('decompose/a-very-long-task-name/implement', usage('start', 0, 0, 0, 0));
    const status = h.out().replace('\r\x1b[2K', '');
    expect(status).toHaveLength(59);
    expect(status.endsWith('…')).toBe(true);
  });
});

describe('numbers for people', () => {
  it('dollars: cents from $1, a tenth of a cent below, two significant digits under a cent', () => {
    expect([0, 0.00004, 0.0042, 0.0712, 0.4523, 1, 12.345].map(dollars)).toEqual([
      '$0.00',
      '<$0.0001',
      '$0.0042',
      '$0.071',
      '$0.452',
      '$1.00',
      '$12.35',
    ]);
  });
  it('tokens: 950, 12.4k, 3.1M', () => {
    expect([950, 12_400, 3_100_000].map(tokens)).toEqual(['950', '12.4k', '3.1M']);
  });
});
