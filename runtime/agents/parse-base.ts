// Shared machinery of the stream parsers: line → JSON → provider handler, with the metrics
// accumulated so far. Providers supply `handle` (one event) and optionally `settle` (end of run).
import type { NormalizedEvent, RunMetrics, SessionTotals, StreamParser, TokenCounts } from './types.js';
import { parseJsonLine, type Json } from './json.js';

export function zeroTokens(): TokenCounts {
  return { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
}

/** Mutable accumulator a provider handler writes into. */
export class ParseState {
  sessionId?: string;
  model?: string;
  tokens: TokenCounts = zeroTokens();
  /** Cost reported by the stream (sum over events, or the final total). */
  reportedCost?: number;
  /** Turns counted from the stream (`usage` events with `turn: true`). */
  turns = 0;
  /** Turn count stated by the final event, when the CLI reports one. */
  reportedTurns?: number;
  resultText?: string;
  errorMessage?: string;
  final = false;
  finalError = false;
  limitHit?: RunMetrics['limitHit'];
  perModel?: RunMetrics['perModel'];
  /** Cumulative session counters seen in this run (agents.md §16), reported for the next baseline. */
  sessionTotals?: SessionTotals;

  addTokens(t: Partial<TokenCounts>): void {
    const k = this.tokens;
    k.input += t.input ?? 0;
    k.output += t.output ?? 0;
    k.cacheRead += t.cacheRead ?? 0;
    k.cacheWrite += t.cacheWrite ?? 0;
    if (t.reasoning) k.reasoning = (k.reasoning ?? 0) + t.reasoning;
  }

  /** Record a usage delta and return the matching normalized event. */
  usage(t: Partial<TokenCounts>, o: { turn?: boolean; costUsd?: number } = {}): NormalizedEvent {
    this.addTokens(t);
    if (o.turn) this.turns++;
    if (o.costUsd !== undefined) this.reportedCost = (this.reportedCost ?? 0) + o.costUsd;
    const ev: NormalizedEvent = { kind: 'usage', tokens: t };
    if (o.turn) ev.turn = true;
    if (o.costUsd !== undefined) ev.costUsd = o.costUsd;
    return ev;
  }

  fail(message: string | undefined): void {
    if (message && this.errorMessage === undefined) this.errorMessage = message;
  }

  snapshot(): RunMetrics {
    const m: RunMetrics = {
      isError: this.final ? this.finalError : this.errorMessage !== undefined,
      exitCode: null,
      timedOut: false,
      durationMs: 0,
      tokens: { ...this.tokens },
      numTurns: this.reportedTurns ?? this.turns,
      costSource: this.reportedCost !== undefined ? 'reported' : 'unknown',
    };
    if (this.reportedCost !== undefined) m.costUsd = this.reportedCost;
    if (this.sessionId !== undefined) m.sessionId = this.sessionId;
    if (this.model !== undefined) m.model = this.model;
    if (this.resultText !== undefined) m.resultText = this.resultText;
    if (this.errorMessage !== undefined) m.errorMessage = this.errorMessage;
    if (this.limitHit !== undefined) m.limitHit = this.limitHit;
    if (this.perModel !== undefined) m.perModel = structuredClone(this.perModel);
    if (this.sessionTotals !== undefined) m.sessionTotals = structuredClone(this.sessionTotals);
    return m;
  }
}

export interface ProviderStream {
  /** Normalize one JSON event; may throw (caught: the line becomes raw). */
  handle(o: Json, st: ParseState, line: string): NormalizedEvent[];
  /** Adjust the final metrics (success rules of CLIs without a final event). */
  settle?(st: ParseState, m: RunMetrics, exitCode: number | null, timedOut: boolean): void;
}

export function makeParser(p: ProviderStream): StreamParser {
  const st = new ParseState();
  return {
    push(line: string): NormalizedEvent[] {
      const clean = line.replace(/\r$/, '');
      if (clean.trim() === '') return [];
      const o = parseJsonLine(clean);
      if (!o) return [{ kind: 'raw', line: clean }];
      try {
        return p.handle(o, st, clean);
      } catch {
        return [{ kind: 'raw', line: clean }];
      }
    },
    partial: () => st.snapshot(),
    finish(exitCode: number | null, timedOut: boolean): RunMetrics {
      const m = st.snapshot();
      m.exitCode = exitCode;
      m.timedOut = timedOut;
      if (st.final) {
        m.isError = st.finalError || timedOut;
      } else {
        m.compat = true; // agents.md §2.11: no final event, judge by exit code
        m.isError = timedOut || exitCode !== 0;
      }
      try {
        p.settle?.(st, m, exitCode, timedOut);
      } catch {
        // a settle bug must not lose the metrics
      }
      return m;
    },
  };
}

export function raw(line: string): NormalizedEvent[] {
  return [{ kind: 'raw', line }];
}

// Cumulative counters (agents.md §16): claude `total_cost_usd`/`modelUsage`, codex
// `turn.completed.usage` and qwen `result.usage` count the whole resumed session. A run is billed
// the growth over the figures recorded when the session was last used. A figure below its baseline
// means the baseline is not this session's history (e.g. a session started afresh): bill it whole.

export function deltaOf(cur: number, base: number | undefined): number {
  if (base === undefined || cur < base) return cur;
  return cur - base;
}

export function tokenDelta(cur: TokenCounts, base: TokenCounts | undefined): TokenCounts {
  if (!base) return { ...cur };
  const shrank =
    cur.input < base.input ||
    cur.output < base.output ||
    cur.cacheRead < base.cacheRead ||
    cur.cacheWrite < base.cacheWrite;
  if (shrank) return { ...cur };
  const d: TokenCounts = {
    input: cur.input - base.input,
    output: cur.output - base.output,
    cacheRead: cur.cacheRead - base.cacheRead,
    cacheWrite: cur.cacheWrite - base.cacheWrite,
  };
  if (cur.reasoning !== undefined) d.reasoning = deltaOf(cur.reasoning, base.reasoning ?? 0);
  return d;
}

export function perModelDelta(
  cur: NonNullable<RunMetrics['perModel']>,
  base: SessionTotals['perModel'],
): NonNullable<RunMetrics['perModel']> {
  const out: NonNullable<RunMetrics['perModel']> = {};
  for (const [model, v] of Object.entries(cur)) {
    const b = base?.[model];
    const e: { input: number; output: number; costUsd?: number } = {
      input: deltaOf(v.input, b?.input),
      output: deltaOf(v.output, b?.output),
    };
    if (v.costUsd !== undefined) e.costUsd = deltaOf(v.costUsd, b?.costUsd);
    out[model] = e;
  }
  return out;
}
