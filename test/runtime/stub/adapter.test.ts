// The stub adapter and its stream parser without a child process: the invocation it builds, the
// session-id rules, the parser's tolerance, the usage split, and the __stub argument checks.
import { describe, expect, it } from 'vitest';
import { createStubAdapter, isStubSessionId, stubSessionId } from '../../../runtime/stub/adapter.js';
import { parseStubArgs, stubCommand } from '../../../runtime/stub/entry.js';
import { createStubParser, spreadUsage } from '../../../runtime/stub/stream.js';
import { defaultResponse } from '../../../runtime/stub/types.js';

const calls: string[] = [];
const adapter = createStubAdapter({
  runtimeEntry: '/opt/gump/gump-runtime.mjs',
  scriptPath: '/repo/.gump/stub.yaml',
  invocationCounter: (p) => {
    calls.push(p);
    return calls.filter((c) => c === p).length;
  },
});
const base = { agent: 'claude-haiku', prompt: 'p', cwd: '/repo/wt', stateDir: '/run/agents/stub' };

describe('createStubAdapter', () => {
  it('builds `node <runtime> __stub <json>` with the step path, effective agent and session id', () => {
    const inv = adapter.buildInvocation({ ...base, stepPath: 'decompose/t1/impl' } as typeof base);
    expect(inv.bin).toBe(process.execPath);
    expect(inv.args.slice(0, 2)).toEqual(['/opt/gump/gump-runtime.mjs', '__stub']);
    expect(JSON.parse(inv.args[2]!)).toEqual({
      cwd: '/repo/wt',
      scriptPath: '/repo/.gump/stub.yaml',
      stepPath: 'decompose/t1/impl',
      agent: 'claude-haiku',
      invocation: 1,
      sessionId: 'stub-decompose/t1/impl-1',
      outDir: '/repo/wt/.gump/out',
    });
    expect(inv).toMatchObject({
      stdin: 'ignore',
      emulated: ['maxTurns', 'budget', 'timeout'],
      env: { NODE_OPTIONS: '' },
    });
    const again = JSON.parse(
      adapter.buildInvocation({
        ...base,
        agent: 'stub',
        stepPath: 'decompose/t1/impl',
        effectiveAgent: 'stub-x',
        resumeSessionId: 'stub-red-2',
        outDir: '/o',
      } as typeof base).args[2]!,
    );
    expect(again).toMatchObject({
      invocation: 2,
      agent: 'stub-x',
      sessionId: 'stub-decompose/t1/impl-2',
      resumeId: 'stub-red-2',
      outDir: '/o',
    });
  });

  it('requires the step path', () => {
    expect(() => adapter.buildInvocation(base)).toThrow('stub adapter: the request carries no stepPath');
  });

  it('simulated sessions: stub- ids resume, nothing to archive', async () => {
    expect(adapter.provider).toBe('stub');
    expect(stubSessionId('a/b', 3)).toBe('stub-a/b-3');
    expect([
      isStubSessionId('stub-a-1'),
      adapter.isResumableId('stub-a-1'),
      adapter.isResumableId('0b7c0c1e-1111-4222-8333-944455556666'),
    ]).toEqual([true, true, false]);
    expect(await adapter.sessionArtifacts({ stateDir: '/s', cwd: '/c', sessionId: 'stub-a-1' })).toEqual([]);
    expect(adapter.resolveModel('claude-opus')).toBeUndefined();
  });
});

describe('createStubParser', () => {
  it('counts turns and usage live, takes the result totals, tolerates garbage', () => {
    const p = createStubParser();
    expect(p.push('{"type":"init","session_id":"stub-x-1"}')).toEqual([{ kind: 'init', sessionId: 'stub-x-1' }]);
    expect(p.push('{"type":"turn","turn":1,"of":2,"tokens":{"in":5,"out":1},"cost":0.5}')).toEqual([
      { kind: 'usage', tokens: { input: 5, output: 1, cacheRead: 0, cacheWrite: 0 }, turn: true, costUsd: 0.5 },
    ]);
    expect(p.push('plain text')).toEqual([{ kind: 'text', text: 'plain text' }]);
    expect(p.push('{"type":"mystery"}')).toEqual([{ kind: 'raw', line: '{"type":"mystery"}' }]);
    expect(p.push('{"type":"turn","tok')).toEqual([{ kind: 'text', text: '{"type":"turn","tok' }]);
    expect(p.partial()).toMatchObject({ numTurns: 1, costUsd: 0.5, costSource: 'reported', tokens: { input: 5 } });
    p.push(
      '{"type":"result","session_id":"stub-x-1","is_error":true,"exit_code":5,"num_turns":2,"tokens":{"in":10,"out":2},"cost":1}',
    );
    expect(p.finish(5, false)).toMatchObject({
      isError: true,
      exitCode: 5,
      numTurns: 2,
      costUsd: 1,
      tokens: { input: 10, output: 2 },
    });
  });

  it('no scripted cost: estimated 0; no result event: judged by the exit code', () => {
    const p = createStubParser();
    p.push('{"type":"turn","turn":1,"of":1,"tokens":{"in":5}}');
    expect(p.partial()).toMatchObject({ costSource: 'estimated', costUsd: 0 });
    expect(p.finish(0, false)).toMatchObject({ isError: false, compat: true, costSource: 'estimated', costUsd: 0 });
  });
});

describe('spreadUsage', () => {
  it('splits tokens and cost evenly; shares sum to the totals', () => {
    const shares = spreadUsage({
      ...defaultResponse(),
      turns: 3,
      tokens: { in: 10, out: 2, cacheRead: 0, cacheWrite: 3 },
      cost: 0.1,
    });
    expect(shares.map((s) => s.tokens.in)).toEqual([4, 3, 3]);
    expect(shares.map((s) => s.tokens.out)).toEqual([1, 1, 0]);
    expect(shares.map((s) => s.tokens.cacheWrite)).toEqual([1, 1, 1]);
    expect(shares.reduce((a, s) => a + s.cost!, 0)).toBeCloseTo(0.1, 12);
    expect(spreadUsage(defaultResponse())).toEqual([{ tokens: { in: 0, out: 0, cacheRead: 0, cacheWrite: 0 } }]);
  });
});

describe('__stub arguments', () => {
  const ok = {
    cwd: '/w',
    scriptPath: '/s.yaml',
    stepPath: 'a',
    agent: 'stub',
    invocation: 1,
    sessionId: 'stub-a-1',
    outDir: '/w/.gump/out',
  };
  it('validates the JSON argument', () => {
    expect(parseStubArgs(JSON.stringify(ok))).toEqual(ok);
    expect(parseStubArgs(JSON.stringify({ ...ok, resumeId: 'stub-b-1' }))).toEqual({ ...ok, resumeId: 'stub-b-1' });
    expect(parseStubArgs(undefined)).toBe('expected one JSON argument');
    expect(parseStubArgs('[]')).toBe('expected a JSON object argument');
    expect(parseStubArgs(JSON.stringify({ ...ok, stepPath: '' }))).toBe('"stepPath" must be a non-empty string');
    expect(parseStubArgs(JSON.stringify({ ...ok, invocation: 0 }))).toBe('"invocation" must be an integer ≥ 1');
  });

  it('exits 2 on a malformed argument', async () => {
    const write = process.stderr.write;
    let err = '';
    process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
    try {
      expect(await stubCommand(['{'])).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(err).toBe('gump __stub: expected one JSON argument\n');
  });
});
