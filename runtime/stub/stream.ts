// The stub's event stream (language.md §21), one JSON object per stdout line: `init` (session id),
// one `turn` per simulated turn (usage and cost deltas), a final `result` (authoritative totals).
// The writer (stub-process.ts) and the parser (createStubParser, for the runner) share this file.
import type { NormalizedEvent, RunMetrics, StreamParser, TokenCounts } from '../agents/types.js';
import { makeParser, raw, type ParseState } from '../agents/parse-base.js';
import { num, obj, optNum, parseJsonLine, str, type Json } from '../agents/json.js';
import type { StubResponse, StubTokens } from './types.js';

export interface TurnShare {
  tokens: StubTokens;
  /** Cost delta of this turn; absent when the script gives no cost. */
  cost?: number;
}

/** Usage and cost of a response spread evenly over its turns; the shares sum to the totals. */
export function spreadUsage(r: StubResponse): TurnShare[] {
  const n = r.turns;
  const split = (total: number, i: number) => Math.floor(total / n) + (i < total % n ? 1 : 0);
  const shares: TurnShare[] = [];
  for (let i = 0; i < n; i++) {
    const t = r.tokens;
    const share: TurnShare = {
      tokens: {
        in: split(t.in, i),
        out: split(t.out, i),
        cacheRead: split(t.cacheRead, i),
        cacheWrite: split(t.cacheWrite, i),
      },
    };
    if (r.cost !== undefined) share.cost = i === n - 1 ? r.cost - (r.cost * (n - 1)) / n : r.cost / n;
    shares.push(share);
  }
  return shares;
}

const wireTokens = (t: StubTokens) => ({ in: t.in, out: t.out, cache_read: t.cacheRead, cache_write: t.cacheWrite });

export function initLine(o: {
  sessionId: string;
  agent: string;
  stepPath: string;
  invocation: number;
  resumed: boolean;
}): string {
  return json({
    type: 'init',
    session_id: o.sessionId,
    agent: o.agent,
    step: o.stepPath,
    invocation: o.invocation,
    resumed: o.resumed,
  });
}

/** `elapsedMs`: time since the stub started (informational: shows the pacing in raw logs). */
export function turnLine(turn: number, of: number, share: TurnShare, elapsedMs: number): string {
  const cost = share.cost !== undefined ? { cost: share.cost } : {};
  return json({ type: 'turn', turn, of, tokens: wireTokens(share.tokens), ...cost, elapsed_ms: Math.round(elapsedMs) });
}

export function resultLine(o: { sessionId: string; response: StubResponse }): string {
  const r = o.response;
  return json({
    type: 'result',
    session_id: o.sessionId,
    is_error: r.exitCode !== 0,
    exit_code: r.exitCode,
    num_turns: r.turns,
    tokens: wireTokens(r.tokens),
    ...(r.cost !== undefined ? { cost: r.cost } : {}),
    ...(r.stdout !== undefined ? { result: r.stdout } : {}),
  });
}

function json(o: Json): string {
  return `${JSON.stringify(o)}\n`;
}

function tokensOf(v: unknown): TokenCounts {
  const t = obj(v);
  return { input: num(t.in), output: num(t.out), cacheRead: num(t.cache_read), cacheWrite: num(t.cache_write) };
}

function handle(o: Json, st: ParseState, line: string): NormalizedEvent[] {
  switch (o.type) {
    case 'init': {
      const id = str(o.session_id);
      if (id !== undefined) st.sessionId = id;
      return [id !== undefined ? { kind: 'init', sessionId: id } : { kind: 'init' }];
    }
    case 'turn': {
      const cost = optNum(o.cost);
      return [st.usage(tokensOf(o.tokens), cost !== undefined ? { turn: true, costUsd: cost } : { turn: true })];
    }
    case 'result': {
      st.final = true;
      st.finalError = o.is_error === true; // the runner words the error from the exit code and stderr
      const id = str(o.session_id);
      if (id !== undefined) st.sessionId = id;
      const turns = optNum(o.num_turns);
      if (turns !== undefined) st.reportedTurns = turns;
      if (o.tokens !== undefined) st.tokens = tokensOf(o.tokens); // totals are authoritative
      const cost = optNum(o.cost);
      if (cost !== undefined) st.reportedCost = cost;
      const text = str(o.result);
      if (text !== undefined) st.resultText = text;
      return [{ kind: 'result', metrics: withStubCost(st.snapshot()) }];
    }
    default:
      return raw(line);
  }
}

/** No scripted cost: estimated at the stub's price, 0 (language.md §21); the runner may re-price. */
function withStubCost(m: RunMetrics): RunMetrics {
  return m.costSource === 'reported' ? m : { ...m, costUsd: 0, costSource: 'estimated' };
}

/** Parser of the stub stream. Lines that are not JSON are the script's `stdout` text: `text` events. */
export function createStubParser(): StreamParser {
  const base = makeParser({ handle });
  return {
    push(line: string): NormalizedEvent[] {
      return base
        .push(line)
        .map((e) => (e.kind === 'raw' && parseJsonLine(e.line) === undefined ? { kind: 'text', text: e.line } : e));
    },
    partial: () => withStubCost(base.partial()),
    finish: (exitCode, timedOut) => withStubCost(base.finish(exitCode, timedOut)),
  };
}
