// The runner against fake CLIs named like the real ones (agents.md §15): exact argv and env per
// adapter as the CLI sees it, raw capture, live events and abort, timeout of the whole process
// group, compat mode, stdin prompts, CLI-side limits and a missing CLI.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adapterFor } from '../../../runtime/agents/registry.js';
import { runAgent, startAgent } from '../../../runtime/agents/spawn.js';
import type { NormalizedEvent } from '../../../runtime/agents/types.js';
import { makeSandbox, type Sandbox } from './helpers.js';

let sb: Sandbox;
beforeEach(() => {
  sb = makeSandbox();
});
afterEach(() => sb.cleanup());

/** Running (a zombie left for a non-reaping PID 1 counts as dead). */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
};

/** Whether `pid` is gone within `ms`: a SIGKILLed process dies asynchronously, a few ms after the signal. */
const diesWithin = async (pid: number, ms: number) => {
  const end = Date.now() + ms;
  while (alive(pid)) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
};

const CASES: Array<[agent: string, passed: string[], idShape: RegExp]> = [
  ['claude-sonnet', ['ANTHROPIC_API_KEY'], /^[0-9a-f-]{36}$/],
  ['codex-gpt54', ['OPENAI_API_KEY'], /^[0-9a-f-]{36}$/],
  ['gemini-pro', ['GEMINI_API_KEY'], /^[0-9a-f-]{36}$/],
  ['qwen-coder', ['OPENAI_API_KEY'], /^[0-9a-f-]{36}$/],
  ['opencode-sonnet', ['ANTHROPIC_API_KEY', 'OPENAI_API_KEY', 'GEMINI_API_KEY'], /^ses_/],
  ['cursor-sonnet', ['CURSOR_API_KEY'], /^[0-9a-f-]{36}$/],
];
const ALL_SECRETS = ['ANTHROPIC_API_KEY', 'OPENAI_API_KEY', 'GEMINI_API_KEY', 'CURSOR_API_KEY', 'GITHUB_TOKEN'];

describe('each adapter against its fake CLI', () => {
  it.each(CASES)(
    '%s: accepted argv, only its own secrets, parsed result, raw capture',
    async (agent, passed, idShape) => {
      sb.setScenario({
        default: { files: { 'src/out.txt': 'hello\n' }, tokens: { in: 400, out: 60, cacheRead: 100 } },
      });
      const adapter = adapterFor(agent)!;
      const req = sb.request(agent, { maxTurns: 20 });
      const rawLogFile = join(sb.root, 'raw', `${agent}.jsonl`);
      const events: NormalizedEvent[] = [];
      const r = await runAgent({ adapter, request: req, rawLogFile, onEvent: (e) => events.push(e) });
      expect(r.failure).toBeUndefined();
      expect(r).toMatchObject({ isError: false, exitCode: 0, timedOut: false, resultText: 'history=1' });
      expect(r.sessionId).toMatch(idShape);
      expect(r.tokens.output).toBe(60);
      expect(r.costSource).toMatch(/reported|estimated/);
      expect(readFileSync(join(sb.cwd, 'src/out.txt'), 'utf8')).toBe('hello\n');
      const [call] = sb.calls();
      expect(call!.argv).toEqual(adapter.buildInvocation(req).args);
      expect(call!.cwd).toBe(sb.cwd);
      for (const k of ALL_SECRETS) expect(call!.envKeys.includes(k), k).toBe(passed.includes(k));
      expect(call!.envKeys).toContain('PATH');
      const raw = readFileSync(rawLogFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { t: string; line: string });
      expect(raw.length).toBeGreaterThan(2);
      expect(raw[0]!.t).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(events.some((e) => e.kind === 'init')).toBe(true);
    },
  );

  it('relocates state for every CLI and marks a root claude as sandboxed', async () => {
    await runAgent({ adapter: adapterFor('claude')!, request: sb.request('claude', { isRoot: true }) });
    await runAgent({ adapter: adapterFor('codex')!, request: sb.request('codex') });
    const [claude, codex] = sb.calls();
    expect(claude!.env).toMatchObject({ CLAUDE_CONFIG_DIR: sb.stateDir('claude'), IS_SANDBOX: '1' });
    expect(codex!.env).toEqual({ CODEX_HOME: sb.stateDir('codex') });
  });
});

describe('limits', () => {
  it('timeout: SIGTERM to the group, SIGKILL after the grace, partial metrics kept', async () => {
    const pidFile = join(sb.root, 'child.pid');
    sb.setScenario({ default: { sleepMs: 30_000, ignoreTerm: true, spawnChild: pidFile } });
    const t0 = Date.now();
    // The timeout leaves the fake time to start (pid file, init event) even on a loaded machine.
    const run = startAgent({
      adapter: adapterFor('claude')!,
      request: sb.request('claude', { timeoutMs: 1200 }),
      graceMs: 300,
    });
    const r = await run.done;
    const elapsed = Date.now() - t0;
    expect(r).toMatchObject({
      timedOut: true,
      isError: true,
      exitCode: null,
      errorMessage: 'agent timed out after 1200 ms',
    });
    expect(r.sessionId).toMatch(/^[0-9a-f-]{36}$/); // from the init event seen before the kill
    expect(elapsed).toBeGreaterThanOrEqual(1200 + 300); // SIGTERM is ignored: only the SIGKILL ends it
    expect(elapsed).toBeLessThan(1200 + 300 + 3000);
    const child = Number(readFileSync(pidFile, 'utf8'));
    expect(await diesWithin(child, 1000)).toBe(true);
    expect(alive(run.pid!)).toBe(false);
  });

  it('a CLI that lingers after a fatal error event is stopped after a short grace (opencode 1.18.33 waits 20 s+)', async () => {
    sb.setScenario({
      default: {
        sleepMs: 30_000,
        headEvents: [JSON.stringify({ type: 'turn.failed', error: { message: 'boom: model unavailable' } })],
      },
    });
    const t0 = Date.now();
    const r = await startAgent({
      adapter: adapterFor('codex-gpt54')!,
      request: sb.request('codex-gpt54'),
      fatalExitGraceMs: 300,
      graceMs: 500,
    }).done;
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r).toMatchObject({ isError: true, timedOut: false, errorMessage: 'boom: model unavailable' });
  });

  it('abort() from a live event stops the agent (guard trip)', async () => {
    sb.setScenario({ default: { sleepMs: 30_000 } });
    const t0 = Date.now();
    const run = startAgent({
      adapter: adapterFor('codex-gpt54')!,
      request: sb.request('codex-gpt54'),
      onEvent: (e, _live, self) => e.kind === 'init' && self.abort('guard max_tokens triggered: 250000 > 200000'),
    });
    const r = await run.done;
    expect(Date.now() - t0).toBeLessThan(10_000); // the fake would sleep 30 s
    expect(r).toMatchObject({
      isError: true,
      aborted: 'guard max_tokens triggered: 250000 > 200000',
      sessionId: expect.any(String),
    });
  });

  it('live snapshots carry tokens and priced cost for budget guards', async () => {
    sb.setScenario({ default: { tokens: { in: 1_000_000, out: 0 } } });
    const costs: number[] = [];
    const r = await runAgent({
      adapter: adapterFor('codex-gpt54')!,
      request: sb.request('codex-gpt54'),
      onEvent: (e, live) => e.kind === 'usage' && costs.push(live.costUsd ?? -1),
    });
    expect(costs.at(-1)).toBeCloseTo(2.5); // gpt-5.4 input price per million tokens
    expect(r).toMatchObject({ costSource: 'estimated' });
  });

  it('CLI-side turn limits surface as limitHit (claude flag, gemini settings file)', async () => {
    sb.setScenario({ default: { files: { a: '1', b: '2' } } }); // 3 turns
    const c = await runAgent({ adapter: adapterFor('claude')!, request: sb.request('claude', { maxTurns: 1 }) });
    expect(c).toMatchObject({ isError: true, limitHit: 'maxTurns' });
    const g = await runAgent({ adapter: adapterFor('gemini')!, request: sb.request('gemini', { maxTurns: 1 }) });
    expect(g).toMatchObject({ isError: true, limitHit: 'maxTurns', exitCode: 53 });
    expect(existsSync(join(sb.stateDir('gemini'), '.gemini', 'settings.json'))).toBe(true);
  });
});

describe('failures and compat mode', () => {
  it('reports a missing CLI clearly', async () => {
    const req = sb.request('codex', { hostEnv: { PATH: join(sb.root, 'nowhere') } });
    const r = await runAgent({ adapter: adapterFor('codex')!, request: req });
    expect(r).toMatchObject({
      isError: true,
      exitCode: null,
      failure: 'agent CLI "codex" is not installed (not found on PATH)',
    });
    const c = await runAgent({ adapter: adapterFor('cursor')!, request: { ...req, agent: 'cursor' } });
    expect(c.failure).toBe('agent CLI "cursor-agent" is not installed (not found on PATH)');
  });

  it('reports an argument the OS refuses (NUL byte) as a start failure', async () => {
    const r = await runAgent({ adapter: adapterFor('codex')!, request: sb.request('codex', { prompt: 'a\u0000b' }) });
    expect(r).toMatchObject({ isError: true, exitCode: null });
    expect(r.failure).toMatch(/^cannot start agent CLI "codex"/);
  });

  it('without a final event judges by the exit code', async () => {
    sb.setScenario({
      calls: [{ omitResult: true }, { omitResult: true, exitCode: 3, stderr: 'boom: network down\n' }],
    });
    const ok = await runAgent({ adapter: adapterFor('claude')!, request: sb.request('claude') });
    expect(ok).toMatchObject({ isError: false, compat: true, tokens: { input: 100, output: 20 } });
    const bad = await runAgent({ adapter: adapterFor('claude')!, request: sb.request('claude') });
    expect(bad).toMatchObject({
      isError: true,
      compat: true,
      exitCode: 3,
      errorMessage: 'agent exited with code 3: boom: network down',
    });
    expect(bad.stderrTail).toContain('boom');
  });

  it('tolerates garbage lines in a real stream', async () => {
    sb.setScenario({ default: { garbage: true, events: ['{"type":"mystery","x":1}'] } });
    const rawLogFile = join(sb.root, 'raw.jsonl');
    const r = await runAgent({ adapter: adapterFor('qwen')!, request: sb.request('qwen'), rawLogFile });
    expect(r).toMatchObject({ isError: false, resultText: 'history=1' });
    const raw = readFileSync(rawLogFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { line: string }).line);
    expect(raw).toEqual(expect.arrayContaining(['this is not json {{{', '{"type":"assis', '{"type":"mystery","x":1}']));
  });

  it('passes a prompt over 128 KiB on stdin (claude, codex, gemini)', async () => {
    const prompt = `${'x'.repeat(140 * 1024)} [GUMP:step:big]`;
    sb.setScenario({ steps: { big: { resultText: 'big ok' } } });
    for (const agent of ['claude', 'codex', 'gemini']) {
      const r = await runAgent({ adapter: adapterFor(agent)!, request: sb.request(agent, { prompt }) });
      expect(r, agent).toMatchObject({ isError: false, resultText: 'big ok' });
    }
    for (const call of sb.calls()) {
      expect(call.stdinBytes).toBeGreaterThan(140 * 1024);
      expect(call.argv.every((a) => a.length < 1000)).toBe(true);
    }
  });

  it('writes invocation files before the spawn', async () => {
    await runAgent({ adapter: adapterFor('gemini')!, request: sb.request('gemini', { maxTurns: 9 }) });
    expect(JSON.parse(readFileSync(join(sb.stateDir('gemini'), '.gemini', 'settings.json'), 'utf8'))).toEqual({
      model: { maxSessionTurns: 9 },
    });
  });
});
