// The stub agent through the real runner (runtime/agents/spawn.ts): real file effects, `.gump/out/`
// files, paced turn events with usage and cost summing to the script, exit status and stderr,
// timeout and abort mid-turns, session ids and resume (language.md §21, §11).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runAgent, startAgent, type RunAgentOptions } from '../../../runtime/agents/spawn.js';
import type { AgentRunRequest, NormalizedEvent } from '../../../runtime/agents/types.js';
import { stubRequest, type StubRunRequest } from '../../../runtime/stub/adapter.js';
import { bundleSmallStub, bundleStubEntry, makeStubSandbox, type StubSandbox } from './helpers.js';

let bundleDir: string;
let smallDir: string;
let smallInputs: string[];
let entry: string;
let sb: StubSandbox;

// Every test runs twice: with the runtime bundle's `__stub` (which reads the script file), and with
// dist/gump-stub.cjs beside it (the adapter then passes the validated script in the argument).
beforeAll(async () => {
  bundleDir = mkdtempSync(join(tmpdir(), 'gump-stub-bundle-'));
  smallDir = mkdtempSync(join(tmpdir(), 'gump-stub-small-'));
  await bundleStubEntry(bundleDir);
  await bundleStubEntry(smallDir);
  smallInputs = await bundleSmallStub(smallDir);
});
afterAll(() => {
  rmSync(bundleDir, { recursive: true, force: true });
  rmSync(smallDir, { recursive: true, force: true });
});
beforeEach(() => {
  sb = makeStubSandbox(entry);
});
afterEach(() => sb.cleanup());

function request(stepPath: string, extra: Partial<StubRunRequest> = {}): StubRunRequest {
  return {
    agent: 'stub',
    prompt: 'do it',
    cwd: sb.cwd,
    stateDir: join(sb.root, 'state'),
    timeoutMs: 10_000,
    stepPath,
    ...extra,
  };
}

function run(req: AgentRunRequest, extra: Partial<RunAgentOptions> = {}) {
  const events: Array<{ ev: NormalizedEvent; at: number; turns: number; cost: number; tokensIn: number }> = [];
  const p = runAgent({
    adapter: sb.adapter(),
    request: req,
    graceMs: 500,
    onEvent: (ev, live) =>
      events.push({
        ev,
        at: Date.now(),
        turns: live.numTurns ?? 0,
        cost: live.costUsd ?? -1,
        tokensIn: live.tokens.input,
      }),
    ...extra,
  });
  return { p, events };
}

const read = (rel: string) => readFileSync(join(sb.cwd, rel), 'utf8');

describe.each(['runtime bundle', 'small stub bundle'])('through the %s', (mode) => {
  beforeAll(() => {
    entry = join(mode === 'runtime bundle' ? bundleDir : smallDir, 'stub-main.mjs');
  });

  it('starts the expected entry; the small bundle holds no YAML parser', () => {
    const inv = sb.adapter().buildInvocation(request('any') as AgentRunRequest);
    sb.setScript('version: 1\nrules: []\n');
    const withScript = sb.adapter().buildInvocation(request('any') as AgentRunRequest);
    expect(inv.args[0]).toBe(entry); // no script file yet: the runtime bundle reads (and reports) it
    expect(withScript.args[0]).toBe(mode === 'runtime bundle' ? entry : join(smallDir, 'gump-stub.cjs'));
    expect(JSON.parse(withScript.args[2]!).script !== undefined).toBe(mode !== 'runtime bundle');
    expect(smallInputs.filter((f) => f.includes('node_modules/yaml'))).toEqual([]);
  });

  describe('a full stub run', () => {
    it('changes files, writes outputs, streams turns whose usage and cost sum to the script', async () => {
      sb.file('src/a.ts', 'let x = true; if (true) {}\n');
      sb.file('src/legacy.ts', 'old\n');
      sb.file('log.txt', 'one\n');
      sb.setScript(`version: 1
rules:
  - match: "decompose/*/impl"
    write: { "src/auth/login.ts": "export const login = () => true;\\n" }
    append: { "log.txt": "two\\n", "new/notes.md": "n\\n" }
    replace: [ { file: src/a.ts, find: "true", with: "false" } ]
    delete: [ src/legacy.ts ]
    plan: [ { name: t1, files: ["src/**"] } ]
    validate: { pass: false, comments: "missing error handling" }
    artifact: "report text"
    out: { "extra.txt": "raw" }
    stdout: "all done"
    turns: 4
    tokens: { in: 12001, out: 800, cache_read: 10, cache_write: 3 }
    cost: 0.03
`);
      const { p, events } = run(request('decompose/t1/impl'));
      const r = await p;
      expect(r).toMatchObject({
        isError: false,
        exitCode: 0,
        timedOut: false,
        numTurns: 4,
        sessionId: 'stub-decompose/t1/impl-1',
        tokens: { input: 12001, output: 800, cacheRead: 10, cacheWrite: 3 },
        costSource: 'reported',
        resultText: 'all done',
      });
      expect(r.costUsd).toBeCloseTo(0.03, 12);
      expect(r.compat).toBeUndefined();
      expect(read('src/auth/login.ts')).toBe('export const login = () => true;\n');
      expect(read('log.txt')).toBe('one\ntwo\n');
      expect(read('new/notes.md')).toBe('n\n');
      expect(read('src/a.ts')).toBe('let x = false; if (false) {}\n');
      expect(existsSync(join(sb.cwd, 'src/legacy.ts'))).toBe(false);
      expect(JSON.parse(read('.gump/out/plan.json'))).toEqual([{ name: 't1', files: ['src/**'] }]);
      expect(JSON.parse(read('.gump/out/validate.json'))).toEqual({ pass: false, comments: 'missing error handling' });
      expect(read('.gump/out/artifact.txt')).toBe('report text');
      expect(read('.gump/out/extra.txt')).toBe('raw');

      const kinds = events.map((e) => e.ev.kind);
      expect(kinds).toEqual(['init', 'usage', 'usage', 'usage', 'usage', 'text', 'result']);
      expect(events[0]!.ev).toEqual({ kind: 'init', sessionId: 'stub-decompose/t1/impl-1' });
      const usage = events.filter((e) => e.ev.kind === 'usage');
      expect(usage.every((e) => e.ev.kind === 'usage' && e.ev.turn === true)).toBe(true);
      expect(usage.map((e) => e.turns)).toEqual([1, 2, 3, 4]); // live counts for max_turns
      expect(usage.map((e) => e.tokensIn)).toEqual([3001, 6001, 9001, 12001]); // live tokens for max_tokens
      expect(usage.map((e) => e.cost)).toEqual([0.0075, 0.015, 0.0225, 0.03].map((c) => expect.closeTo(c, 12))); // live cost for max_budget
      expect(events[5]!.ev).toEqual({ kind: 'text', text: 'all done' });
    });

    it('without a scripted cost: estimated at the stub price, 0; without a rule: one turn, no changes', async () => {
      sb.setScript('version: 1\nrules:\n  - match: impl\n    tokens: { in: 1000000, out: 1000000 }\n');
      const r = await run(request('impl')).p;
      expect(r).toMatchObject({
        isError: false,
        costSource: 'estimated',
        costUsd: 0,
        tokens: { input: 1_000_000, output: 1_000_000 },
      });
      const d = await run(request('other')).p;
      expect(d).toMatchObject({
        isError: false,
        exitCode: 0,
        numTurns: 1,
        costSource: 'estimated',
        costUsd: 0,
        sessionId: 'stub-other-1',
      });
      expect(existsSync(join(sb.cwd, '.gump'))).toBe(false);
    });

    it('stub mode keeps the workflow agent for rules while pricing as the stub (stubRequest)', async () => {
      sb.setScript(`version: 1
rules:
  - match: impl
    agent: claude-sonnet
    write: { by.txt: sonnet }
    tokens: { in: 1000000 }
  - match: impl
    write: { by.txt: other }
`);
      const base: AgentRunRequest = {
        agent: 'claude-sonnet',
        prompt: 'p',
        cwd: sb.cwd,
        stateDir: join(sb.root, 'state'),
        timeoutMs: 10_000,
      };
      const r = await run(stubRequest(base, 'impl')).p;
      expect(read('by.txt')).toBe('sonnet');
      expect(r).toMatchObject({ costSource: 'estimated', costUsd: 0 });
      await run(stubRequest({ ...base, agent: 'claude-haiku' }, 'impl')).p;
      expect(read('by.txt')).toBe('other');
      expect(stubRequest({ ...base, agent: 'stub-cheap' }, 'impl')).toMatchObject({
        agent: 'stub-cheap',
        effectiveAgent: 'stub-cheap',
      });
    });

    it('a non-zero exit_code fails with the stderr text; outputs are still written', async () => {
      sb.setScript(
        'version: 1\nrules:\n  - match: impl\n    exit_code: 4\n    stderr: "warming up\\nboom: quota exhausted\\n"\n    artifact: partial\n',
      );
      const r = await run(request('impl')).p;
      expect(r).toMatchObject({
        isError: true,
        exitCode: 4,
        errorMessage: 'agent exited with code 4: boom: quota exhausted',
        numTurns: 1,
      });
      expect(r.stderrTail).toBe('warming up\nboom: quota exhausted\n');
      expect(read('.gump/out/artifact.txt')).toBe('partial');
    });

    it('a replace whose text is absent exits 3 with a message', async () => {
      sb.file('a.txt', 'hello\n');
      sb.setScript(
        'version: 1\nrules:\n  - match: impl\n    write: { b.txt: "B" }\n    replace: [ { file: a.txt, find: "bye", with: "x" } ]\n',
      );
      const r = await run(request('impl')).p;
      expect(r).toMatchObject({ isError: true, exitCode: 3, numTurns: 0, sessionId: 'stub-impl-1' });
      expect(r.errorMessage).toBe('agent exited with code 3: gump stub: replace: "bye" not found in "a.txt"');
      expect(read('b.txt')).toBe('B'); // earlier operations happened: the runtime resets the worktree
    });

    it('refuses paths that leave the working directory (exit 2), symlinks included', async () => {
      const outside = join(sb.root, 'outside');
      mkdirSync(outside);
      symlinkSync(outside, join(sb.cwd, 'link'));
      sb.setScript('version: 1\nrules:\n  - match: impl\n    write: { "link/pwned.txt": "x" }\n');
      const r = await run(request('impl')).p;
      expect(r).toMatchObject({ isError: true, exitCode: 2 });
      expect(r.errorMessage).toContain('write: path "link/pwned.txt" escapes the working directory through a symlink');
      expect(existsSync(join(outside, 'pwned.txt'))).toBe(false);

      sb.setScript('version: 1\nrules:\n  - match: impl\n    write: { "../pwned.txt": "x" }\n');
      const e = await run(request('impl')).p;
      expect(e).toMatchObject({ isError: true, exitCode: 2 });
      expect(e.errorMessage).toContain(
        `${sb.script}:4: rules[0].write["../pwned.txt"]: path "../pwned.txt" escapes the working directory`,
      );
      expect(existsSync(join(sb.root, 'pwned.txt'))).toBe(false);
    });

    it('a script broken after the pre-run check fails the invocation with the script error (exit 2)', async () => {
      sb.setScript('version: 1\nrules:\n  - match: impl\n    turns: lots\n');
      const r = await run(request('impl')).p;
      expect(r).toMatchObject({ isError: true, exitCode: 2 });
      expect(r.errorMessage).toBe(
        `agent exited with code 2: gump stub: ${sb.script}:4: rules[0].turns: must be an integer, got the string "lots"`,
      );
    });
  });

  describe('pacing, timeout and abort', () => {
    it('spreads the delay over the turns', async () => {
      sb.setScript('version: 1\nrules:\n  - match: impl\n    turns: 3\n    delay: 300ms\n');
      const rawLogFile = join(sb.root, 'raw.jsonl');
      const r = await run(request('impl'), { rawLogFile }).p;
      expect(r).toMatchObject({ isError: false, numTurns: 3 });
      expect(r.durationMs).toBeGreaterThanOrEqual(300); // measured by the runner
      const lines = readFileSync(rawLogFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse((JSON.parse(l) as { line: string }).line) as { type: string; elapsed_ms?: number });
      expect(lines.map((l) => l.type)).toEqual(['init', 'turn', 'turn', 'turn', 'result']);
      const at = lines.filter((l) => l.type === 'turn').map((l) => l.elapsed_ms!); // as the stub paced them
      expect(at[0]).toBeGreaterThanOrEqual(95);
      expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(95);
      expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(95);
    });

    it('the runner timeout stops the stub mid-turns: files already changed, no outputs', async () => {
      sb.setScript(
        'version: 1\nrules:\n  - match: impl\n    write: { a.txt: "A" }\n    plan: []\n    turns: 20\n    delay: 4s\n',
      );
      const t0 = Date.now();
      const { p } = run(request('impl', { timeoutMs: 1500 }));
      const r = await p;
      expect(Date.now() - t0).toBeLessThan(3500);
      expect(r).toMatchObject({
        timedOut: true,
        isError: true,
        errorMessage: 'agent timed out after 1500 ms',
        sessionId: 'stub-impl-1',
      });
      expect(r.numTurns).toBeGreaterThanOrEqual(1);
      expect(r.numTurns).toBeLessThan(20);
      expect(read('a.txt')).toBe('A');
      expect(existsSync(join(sb.cwd, '.gump/out/plan.json'))).toBe(false);
    });

    it('abort() from a live turn event (a guard trip) stops it; partial metrics are kept', async () => {
      sb.setScript(
        'version: 1\nrules:\n  - match: impl\n    write: { a.txt: "A" }\n    turns: 10\n    delay: 2s\n    tokens: { in: 1000 }\n    cost: 1\n',
      );
      const h = startAgent({
        adapter: sb.adapter(),
        request: request('impl'),
        graceMs: 500,
        onEvent: (ev, live, self) => {
          if (ev.kind === 'usage' && (live.numTurns ?? 0) > 2) self.abort('guard max_turns');
        },
      });
      const r = await h.done;
      expect(r).toMatchObject({ isError: true, aborted: 'guard max_turns', compat: true, costSource: 'reported' }); // no result event
      const turns = r.numTurns!;
      expect(turns).toBeGreaterThanOrEqual(3); // a line already in the pipe may still be counted
      expect(turns).toBeLessThan(10);
      expect(r.tokens.input).toBe(100 * turns);
      expect(r.costUsd).toBeCloseTo(0.1 * turns, 12);
      expect(read('a.txt')).toBe('A');
    });
  });

  describe('sessions and invocation counting', () => {
    it('numbers invocations per step path, walks the attempts list and reuses the last entry', async () => {
      sb.setScript(`version: 1
rules:
  - match: "**/impl"
    attempts:
      - { write: { n.txt: "1" }, exit_code: 1 }
      - { write: { n.txt: "2" } }
`);
      const seen: Array<[string | undefined, string, number | null]> = [];
      for (let i = 0; i < 3; i++) {
        const r = await run(request('d/t1/impl')).p;
        seen.push([r.sessionId, read('n.txt'), r.exitCode]);
      }
      const other = await run(request('d/t2/impl')).p;
      expect(seen).toEqual([
        ['stub-d/t1/impl-1', '1', 1],
        ['stub-d/t1/impl-2', '2', 0],
        ['stub-d/t1/impl-3', '2', 0],
      ]);
      expect(other.sessionId).toBe('stub-d/t2/impl-1');
      expect(read('n.txt')).toBe('1');
      expect([...sb.counts]).toEqual([
        ['d/t1/impl', 3],
        ['d/t2/impl', 1],
      ]);
    });

    it('resuming echoes the given session id (the invocation number still picks the entry)', async () => {
      sb.setScript('version: 1\nrules:\n  - match: fix\n    attempts: [ { stdout: first }, { stdout: second } ]\n');
      const a = await run(request('fix', { resumeSessionId: 'stub-red-1' })).p;
      const b = await run(request('fix', { resumeSessionId: a.sessionId! })).p;
      expect([a.sessionId, a.resultText]).toEqual(['stub-red-1', 'first']);
      expect([b.sessionId, b.resultText]).toEqual(['stub-red-1', 'second']);
    });
  });
});
