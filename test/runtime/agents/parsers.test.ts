// Stream parsers on provider-native streams (streams/*.jsonl, shaped after agents.md §4-§9):
// session id, turns, tokens incl. cache, cost, final result or error, noise, truncation, garbage.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adapterFor } from '../../../runtime/agents/registry.js';
import type { NormalizedEvent, StreamParser } from '../../../runtime/agents/types.js';

const lines = (name: string) => readFileSync(new URL(`./streams/${name}.jsonl`, import.meta.url), 'utf8').split('\n');
const parserOf = (agent: string) => adapterFor(agent)!.createParser();
function feed(p: StreamParser, ls: string[]): NormalizedEvent[] {
  return ls.flatMap((l) => p.push(l));
}
const usageSum = (evs: NormalizedEvent[]) =>
  evs.reduce(
    (a, e) =>
      e.kind === 'usage'
        ? {
            input: a.input + (e.tokens.input ?? 0),
            output: a.output + (e.tokens.output ?? 0),
            turns: a.turns + (e.turn ? 1 : 0),
          }
        : a,
    { input: 0, output: 0, turns: 0 },
  );

describe('claude', () => {
  it('parses a successful stream: reported cost, final usage, deduplicated live usage', () => {
    const p = parserOf('claude');
    const evs = feed(p, lines('claude-success'));
    expect(evs[0]).toEqual({
      kind: 'init',
      sessionId: '0d7c2e8a-1111-4a2b-9c3d-000000000001',
      model: 'claude-opus-5-5',
    });
    expect(evs.filter((e) => e.kind === 'retry')).toHaveLength(1);
    expect(evs.filter((e) => e.kind === 'raw')).toHaveLength(2); // unknown system subtype, rate_limit_event
    expect(evs.filter((e) => e.kind === 'tool').map((e) => e.kind === 'tool' && [e.phase, e.name, e.ok])).toEqual([
      ['start', 'Edit', undefined],
      ['end', 'Edit', true],
    ]);
    expect(usageSum(evs)).toEqual({ input: 13, output: 47, turns: 2 });
    const m = p.finish(0, false);
    expect(m).toMatchObject({
      sessionId: '0d7c2e8a-1111-4a2b-9c3d-000000000001',
      isError: false,
      exitCode: 0,
      numTurns: 2,
      resultText: 'Done.',
      tokens: { input: 13, output: 47, cacheRead: 100, cacheWrite: 100, reasoning: 12 },
      costUsd: 0.0421,
      costSource: 'reported',
      perModel: { 'claude-opus-5-5': { input: 13, output: 47, costUsd: 0.0421 } },
    });
    expect(m.compat).toBeUndefined();
  });
  it('flags a CLI-side turn limit and an API error that never reached the API', () => {
    const t = parserOf('claude');
    feed(t, lines('claude-max-turns'));
    expect(t.finish(0, false)).toMatchObject({ isError: true, limitHit: 'maxTurns', numTurns: 1 });
    const a = parserOf('claude');
    const evs = feed(a, lines('claude-api-error'));
    expect(evs.some((e) => e.kind === 'warning')).toBe(true);
    expect(a.finish(1, false)).toMatchObject({
      isError: true,
      errorMessage: 'API Error: 500 Internal server error',
      numTurns: 1,
    });
  });
  it('keeps the metrics of a stream truncated mid-line (kill path)', () => {
    const ls = lines('claude-success').slice(0, 8);
    const last = ls.pop()!;
    const p = parserOf('claude');
    feed(p, [...ls, last.slice(0, 40)]);
    expect(p.partial()).toMatchObject({
      sessionId: '0d7c2e8a-1111-4a2b-9c3d-000000000001',
      isError: false,
      tokens: { input: 10, output: 40, cacheWrite: 100 },
      numTurns: 1,
    });
    expect(p.finish(null, true)).toMatchObject({ isError: true, timedOut: true, compat: true, costSource: 'unknown' });
  });
});

describe('codex', () => {
  it('counts command and file steps, splits cached input, treats reconnects as retries', () => {
    const p = parserOf('codex');
    const evs = feed(p, lines('codex-success'));
    expect(evs.filter((e) => e.kind === 'retry')).toEqual([{ kind: 'retry', message: 'Reconnecting... 2/5' }]);
    expect(evs.filter((e) => e.kind === 'tool' && e.phase === 'end').map((e) => e.kind === 'tool' && e.ok)).toEqual([
      true,
      true,
      false,
    ]);
    expect(p.finish(0, false)).toMatchObject({
      sessionId: '0199a213-81c0-7800-8aa1-bbab2a035a53',
      isError: false,
      numTurns: 3,
      resultText: 'All set.',
      tokens: { input: 200, output: 300, cacheRead: 1000, cacheWrite: 0, reasoning: 120 },
      costSource: 'unknown',
    });
  });
  it('fails on turn.failed; without turn.completed falls back to the exit code', () => {
    const p = parserOf('codex');
    feed(p, lines('codex-failed'));
    expect(p.finish(1, false)).toMatchObject({ isError: true, errorMessage: 'unexpected status 401 Unauthorized' });
    const q = parserOf('codex');
    feed(q, lines('codex-success').slice(0, 5));
    expect(q.finish(0, false)).toMatchObject({ isError: false, compat: true, numTurns: 1 });
  });
});

describe('gemini', () => {
  it('concatenates deltas, counts model calls as turns, reads stats', () => {
    const p = parserOf('gemini');
    const evs = feed(p, lines('gemini-success'));
    expect(evs.filter((e) => e.kind === 'warning')).toHaveLength(1);
    expect(p.finish(0, false)).toMatchObject({
      sessionId: '5f0c8f8e-2222-4b1a-8c7d-000000000001',
      model: 'auto',
      isError: false,
      numTurns: 2,
      resultText: 'Finished.',
      tokens: { input: 1000, output: 200, cacheRead: 300, cacheWrite: 0 },
      perModel: { 'gemini-2.5-pro': { input: 1000, output: 200 } },
    });
  });
  it('maps FatalTurnLimitedError / exit 53 to a turn-limit stop', () => {
    const p = parserOf('gemini');
    feed(p, lines('gemini-turn-limit'));
    expect(p.finish(53, false)).toMatchObject({
      isError: true,
      limitHit: 'maxTurns',
      errorMessage: 'Reached max session turns for this session.',
    });
  });
});

describe('qwen', () => {
  it('reads the error result and removes cached tokens from input', () => {
    const p = parserOf('qwen');
    const evs = feed(p, lines('qwen-error'));
    expect(evs.filter((e) => e.kind === 'raw')).toHaveLength(1); // stream_event
    expect(p.finish(1, false)).toMatchObject({
      isError: true,
      errorMessage: '401 Incorrect API key provided',
      numTurns: 1,
      tokens: { input: 300, output: 20, cacheRead: 200 },
    });
  });
});

describe('opencode', () => {
  it('sums step_finish tokens and cost; success needs reason "stop" and exit 0', () => {
    const p = parserOf('opencode');
    const evs = feed(p, lines('opencode-success'));
    expect(evs[0]).toEqual({ kind: 'init', sessionId: 'ses_3a1b2c' });
    const m = p.finish(0, false);
    expect(m).toMatchObject({
      isError: false,
      numTurns: 2,
      resultText: 'Done here.',
      costSource: 'reported',
      tokens: { input: 140, output: 70, cacheRead: 2100, cacheWrite: 20, reasoning: 10 },
    });
    expect(m.costUsd).toBeCloseTo(0.015);
    const q = parserOf('opencode');
    feed(q, lines('opencode-success'));
    expect(q.finish(1, false).isError).toBe(true);
  });
  it('parses the error event; a step without tokens still counts; zero cost is not reported', () => {
    const p = parserOf('opencode');
    feed(p, lines('opencode-error'));
    expect(p.finish(0, false)).toMatchObject({
      isError: true,
      errorMessage: 'Connection refused',
      numTurns: 1,
      costSource: 'unknown',
    });
  });
});

describe('cursor', () => {
  it('dispatches on type and subtype, reads camelCase usage', () => {
    const p = parserOf('cursor');
    const evs = feed(p, lines('cursor-success'));
    expect(
      evs.filter((e) => e.kind === 'tool').map((e) => e.kind === 'tool' && `${e.phase}:${e.name}:${e.ok}`),
    ).toEqual(['start:edit:undefined', 'end:edit:true']);
    expect(p.finish(0, false)).toMatchObject({
      isError: false,
      numTurns: 2,
      resultText: 'Editing\nDone.',
      tokens: { input: 900, output: 80, cacheRead: 4000, cacheWrite: 300 },
    });
  });
});

describe('every parser is total', () => {
  const agents = ['claude', 'codex', 'gemini', 'qwen', 'opencode', 'cursor'];
  const nasty = [
    '',
    '   ',
    'not json',
    '{',
    '[1,2]',
    'null',
    '{"type":null}',
    '{"type":"result","usage":"x","modelUsage":[1]}',
    '{"type":"assistant","message":null}',
    '{"type":"item.completed","item":7}',
    '{"type":"step_finish","part":{"tokens":{"input":-5,"cache":null}}}',
    '{"type":"tool_call","subtype":"completed","tool_call":null}',
    '{"type":"message","role":"assistant","content":{}}',
    '\u0000\uffff',
  ];
  it.each(agents)('%s never throws on garbage and judges by exit code', (agent) => {
    const p = parserOf(agent);
    expect(() => feed(p, nasty)).not.toThrow();
    expect(() => p.partial()).not.toThrow();
    expect(p.finish(2, false).isError).toBe(true);
  });
  it.each(agents)('%s survives arbitrary JSON objects and strings', (agent) => {
    const typed = fc.record(
      {
        type: fc.constantFrom(
          'system',
          'assistant',
          'user',
          'result',
          'item.completed',
          'turn.completed',
          'init',
          'message',
          'tool_use',
          'tool_result',
          'step_finish',
          'text',
          'error',
          'tool_call',
        ),
        subtype: fc.string(),
        part: fc.jsonValue(),
        item: fc.jsonValue(),
        message: fc.jsonValue(),
        usage: fc.jsonValue(),
        stats: fc.jsonValue(),
        tool_call: fc.jsonValue(),
        error: fc.jsonValue(),
      },
      { requiredKeys: ['type'] },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            typed.map((o) => JSON.stringify(o)),
          ),
        ),
        (ls) => {
          const p = parserOf(agent);
          feed(p, ls);
          const m = p.finish(0, false);
          return Number.isFinite(m.tokens.input + m.tokens.output + m.tokens.cacheRead + m.tokens.cacheWrite);
        },
      ),
      { numRuns: 150, seed: 42 },
    );
  });
});
