// The real-CLI cases, one suite per CLI (each in its own test file, so vitest runs the five CLIs in
// parallel). Every case runs the pinned binary through the production adapter (buildInvocation,
// runner, parser) against the scripted model server; the `gump run` case goes through the whole
// product: compiler, runtime, gates, commits, ledger and the approval job boundary.

import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT_PACKAGES } from '../../protocol/agent-packages.js';
import { PROVIDER_INFO } from '../../protocol/models.js';
import { adapterFor } from '../../runtime/agents/registry.js';
import type { SessionTotals } from '../../runtime/agents/types.js';
import { readLedger } from '../../runtime/state/ledger.js';
import { runsDir } from '../../src/local/runs.js';
import { startAgent } from '../../runtime/agents/spawn.js';
import {
  AGENT,
  baseUrlFor,
  git,
  installedVersion,
  REPO_ROOT,
  runReal,
  sandbox,
  skipReason,
  withServer,
  type RealProvider,
} from './harness.js';
import { writeThenFinish, type RecordedRequest, type Script } from './model-server.js';

const GUMP_BIN = join(REPO_ROOT, 'bin', 'gump.mjs');

/** Does any user prompt of this request contain `text`? */
const saw = (r: RecordedRequest, text: string) => r.userTexts.some((t) => t.includes(text));

export function realSuite(p: RealProvider): void {
  const why = skipReason(p);
  const title = `${p} ${installedVersion(p) ?? AGENT_PACKAGES[p].version} (real CLI, scripted model server)`;
  if (why) {
    describe.skip(`${title} — skipped: ${why}`, () => {
      it('needs the pinned CLIs', () => undefined);
    });
    return;
  }

  // Each case has its own sandbox, server and port: they run concurrently (the CLIs mostly wait).
  describe.concurrent(title, () => {
    it('changes a file with its own tool, then resumes the session after a job boundary (archive → fresh state dir → restore, totals via JSON): the server gets the earlier conversation; usage = served, no double counting', async () => {
      const sb = sandbox(p);
      const first = writeThenFinish({ path: join(sb.repo, 'hello.txt'), content: 'hello\n' });
      // The resumed run only answers: opencode 1.18.33, resumed after `opencode import`, hangs
      // silently on a write over an existing file (see the README of test/agents-real).
      const script: Script = (req, srv) =>
        !req.side && saw(req, 'BRAVO')
          ? { text: `Done. Prompts seen: ${req.userTexts.join(' | ')}`, usage: { input: 130, output: 12 } }
          : first(req, srv);
      await withServer(script, async (server) => {
        const adapter = adapterFor(AGENT[p])!;
        // Job 1: the CLI writes the file with its own tool.
        const r1 = await runReal(p, sb, server, {
          prompt: 'First prompt ALPHA: create hello.txt containing hello',
          newSessionId: randomUUID(),
        });
        expect(r1.errorMessage).toBeUndefined();
        expect(r1).toMatchObject({ isError: false, exitCode: 0, timedOut: false });
        expect(readFileSync(join(sb.repo, 'hello.txt'), 'utf8')).toBe('hello\n');
        const tool = server.main()[0]!.reply;
        expect(tool && 'write' in tool).toBe(true);
        expect(r1.sessionId).toBeTruthy();
        expect(r1.resultText ?? '').toContain('Done.');
        const served1 = server.servedTotals();
        expect(r1.tokens.input + r1.tokens.cacheRead).toBe(served1.input + served1.cacheRead);
        expect(r1.tokens.output).toBe(served1.output);
        expect(r1.numTurns).toBe(p === 'codex' ? 1 : server.main().length); // codex counts tool steps (agents.md §5)
        // Job 1 ends: archive the session (never credentials), keep the run state as JSON.
        const archive = join(sb.root, 'archive');
        const files = await adapter.sessionArtifacts({
          stateDir: sb.stateDir,
          cwd: sb.repo,
          sessionId: r1.sessionId!,
          hostEnv: sb.hostEnv,
        });
        expect(files.length).toBeGreaterThan(0);
        for (const f of files) {
          expect(['.credentials.json', 'auth.json', 'oauth_creds.json', 'google_accounts.json']).not.toContain(
            f.split('/').pop(),
          );
          const to = join(archive, relative(sb.stateDir, f));
          mkdirSync(dirname(to), { recursive: true });
          cpSync(f, to);
        }
        const state = JSON.stringify({ sessionId: r1.sessionId, totals: r1.sessionTotals ?? null });
        // Job 2: a fresh state dir restored from the archive, same absolute worktree path. opencode
        // 1.18.33 is the exception, an open finding: resumed after `opencode import` into a fresh data
        // dir it sends the earlier conversation, receives the reply and then hangs without output
        // until killed; its resume is checked in the same data dir (the export above still ran).
        if (p !== 'opencode') {
          rmSync(sb.stateDir, { recursive: true, force: true });
          mkdirSync(sb.stateDir, { recursive: true });
          cpSync(archive, sb.stateDir, { recursive: true });
        }
        const saved = JSON.parse(state) as { sessionId: string; totals: SessionTotals | null };
        const before = server.requests.length;
        const r2 = await runReal(p, sb, server, {
          prompt: 'Second prompt BRAVO',
          resumeSessionId: saved.sessionId,
          ...(saved.totals ? { sessionTotals: saved.totals } : {}),
          rawLogFile: join(sb.root, 'r2.jsonl'),
        });
        expect(
          r2.errorMessage,
          `${r2.stderrTail}\n${existsSync(join(sb.root, 'r2.jsonl')) ? readFileSync(join(sb.root, 'r2.jsonl'), 'utf8').slice(0, 3000) : ''}\n${JSON.stringify(server.requests.slice(before).map((q) => [q.n, q.side, q.afterTool, q.userTexts]))}`,
        ).toBeUndefined();
        expect(r2.isError).toBe(false);
        expect(r2.sessionId).toBe(r1.sessionId);
        const later = server.requests.slice(before).filter((r) => !r.side);
        expect(later.length).toBeGreaterThan(0);
        expect(saw(later[0]!, 'ALPHA')).toBe(true); // the earlier conversation came back
        expect(saw(later[0]!, 'BRAVO')).toBe(true);
        const served2 = server.servedTotals((r) => !r.side && r.n > before);
        expect(r2.tokens.input + r2.tokens.cacheRead).toBe(served2.input + served2.cacheRead);
        expect(r2.tokens.output).toBe(served2.output);
        // claude reports cost: 220 in / 35 out cost 0.00079 (list price 2 and 10 USD per million for the
        // model it resolves); the resumed run is billed its own usage, not the session's cumulative figure.
        if (p === 'claude') {
          expect(r1.costUsd).toBeCloseTo((served1.input * 2 + served1.output * 10) / 1e6, 9);
          expect(r2.costUsd).toBeCloseTo((served2.input * 2 + served2.output * 10) / 1e6, 9);
          expect(r2.sessionTotals!.costUsd).toBeCloseTo(r1.costUsd! + r2.costUsd!, 9);
        }
      });
    }, 180_000);

    it("max_turns: a model that never stops is stopped at the turn limit (the CLI's own limit, or the runtime's count from the live stream)", async () => {
      const sb = sandbox(p);
      let n = 0;
      const endless: Script = (req) =>
        req.side
          ? { text: 'side', usage: { input: 0, output: 0 } }
          : { write: { path: join(sb.repo, `f${++n}.txt`), content: `${n}\n` }, usage: { input: 10, output: 5 } };
      await withServer(endless, async (server) => {
        const adapter = adapterFor(AGENT[p])!;
        const request = {
          agent: AGENT[p],
          prompt: 'Loop forever',
          cwd: sb.repo,
          stateDir: sb.stateDir,
          hostEnv: sb.hostEnv,
          endpoint: { baseUrl: baseUrlFor(p, server), model: 'scripted-model' },
          maxTurns: 2,
          newSessionId: randomUUID(),
          timeoutMs: 90_000,
        };
        if (adapter.buildInvocation(request).emulated.includes('maxTurns')) {
          // codex and opencode have no turn flag: the executor counts turn events live and stops the
          // agent past the limit (runtime/exec/agent-call.ts); the same rule over the real stream:
          let turns = 0;
          const run = startAgent({
            adapter,
            request,
            graceMs: 1_000,
            onEvent: (ev, _live, h) => {
              if (ev.kind === 'usage' && ev.turn && ++turns > 2) h.abort('guard max_turns');
            },
          });
          const r = await run.done;
          expect(r.aborted).toBe('guard max_turns');
          expect(r.isError).toBe(true);
          expect(r.errorMessage).toBe('agent stopped: guard max_turns');
          expect(r.numTurns).toBeGreaterThanOrEqual(3);
        } else {
          const r = await runReal(p, sb, server, {
            prompt: 'Loop forever',
            maxTurns: 2,
            newSessionId: randomUUID(),
            timeoutMs: 90_000,
          });
          expect(r.limitHit).toBe('maxTurns');
          expect(r.isError).toBe(true);
        }
        expect(server.main().length).toBeLessThanOrEqual(5);
      });
    }, 150_000);

    it('wall-clock timeout: the process group is killed, partial metrics kept', async () => {
      const sb = sandbox(p);
      const slow: Script = (req) =>
        req.side
          ? { text: 'side', usage: { input: 0, output: 0 } }
          : req.afterTool
            ? { text: 'never finishes', usage: { input: 7, output: 3 }, delayMs: 60_000 }
            : { write: { path: join(sb.repo, 'a.txt'), content: 'a\n' }, usage: { input: 11, output: 4 } };
      await withServer(slow, async (server) => {
        const t0 = Date.now();
        const r = await runReal(p, sb, server, {
          prompt: 'Create a.txt',
          newSessionId: randomUUID(),
          timeoutMs: p === 'claude' || p === 'codex' ? 8_000 : 25_000,
          graceMs: 1_000,
        });
        expect(Date.now() - t0).toBeLessThan(45_000);
        expect(r.timedOut).toBe(true);
        expect(r.isError).toBe(true);
        expect(r.errorMessage).toMatch(/timed out after/);
        if (server.main().some((q) => q.afterTool)) {
          expect(existsSync(join(sb.repo, 'a.txt'))).toBe(true); // the tool ran before the stall
          if (p === 'claude' || p === 'qwen') expect(r.tokens.input + r.tokens.output).toBeGreaterThan(0); // per-call usage seen before the kill
        }
        // the whole process group is gone (a zombie may need a moment to be reaped)
        for (let i = 0; i < 40 && r.pid !== undefined && alive(r.pid); i++)
          await new Promise((res) => setTimeout(res, 50));
        expect(r.pid === undefined || !alive(r.pid)).toBe(true);
      });
    });

    it('server error: a clear error, not a success', async () => {
      const sb = sandbox(p);
      // Not retryable: 400, or 401 for opencode, whose retries of a 500 take about 70 s (5 retries with
      // backoff) and which treated a 400 after a successful title request as retryable once.
      const status = p === 'opencode' ? 401 : 400;
      const failing: Script = (req) =>
        req.side
          ? { text: 'side', usage: { input: 0, output: 0 } }
          : { error: { status, message: 'scripted failure: model overloaded XYZZY' } };
      await withServer(failing, async (server) => {
        const log = join(sb.root, 'error.jsonl');
        const r = await runReal(p, sb, server, {
          prompt: 'Anything',
          newSessionId: randomUUID(),
          timeoutMs: p === 'opencode' ? 45_000 : 80_000,
          rawLogFile: log,
        });
        expect(r.isError).toBe(true);
        const why = `${r.errorMessage}\n${r.stderrTail.slice(-800)}\n${JSON.stringify(server.requests.map((q) => [q.n, q.side]))}`;
        if (p === 'opencode') {
          // opencode 1.18.33 sometimes gives up at once with the server's message, sometimes retries
          // the same non-retryable status with backoff for over a minute (seen with 400 and 401):
          // then the attempt ends on the wall-clock limit. Either way the attempt fails clearly.
          expect(r.errorMessage ?? '', why).toMatch(/XYZZY|timed out after 45000 ms/);
        } else {
          expect(r.timedOut, why).toBe(false);
          expect(`${r.errorMessage ?? ''}\n${r.stderrTail}`, why).toMatch(/XYZZY|400|invalid/i);
        }
        expect(server.requests.length).toBeGreaterThan(0);
      });
    }, 120_000);

    it('missing CLI: a clear error naming the binary', async () => {
      const sb = sandbox(p, { PATH: '/usr/bin:/bin' });
      await withServer(
        () => ({ text: 'x' }),
        async (server) => {
          const r = await runReal(p, sb, server, { prompt: 'Anything' });
          expect(r.isError).toBe(true);
          expect(r.failure).toBe(`agent CLI "${AGENT_PACKAGES[p].bin}" is not installed (not found on PATH)`);
        },
      );
    });

    it('gump run: the CLI edits through gump, gated and committed; a retry resumes the session in a fresh process after an approval boundary; ledger = served; context file written and the original restored', async () => {
      const sb = sandbox(p);
      const contextFile = PROVIDER_INFO[p].contextFile!;
      let writes = 0;
      const script: Script = (req) => {
        if (req.side) return { text: 'side', usage: { input: 0, output: 0 } };
        if (req.afterTool) return { text: 'Done.', usage: { input: 120, output: 15 } };
        writes++;
        // attempt 1 writes a draft (the gate fails), attempt 2 the file itself: new files both times
        return {
          write: { path: join(worktreeOf(sb.repo), writes === 1 ? 'draft.txt' : 'hello.txt'), content: 'hello\n' },
          usage: { input: 100, output: 20 },
        };
      };
      await withServer(script, async (server) => {
        writeFileSync(join(sb.repo, contextFile), 'USER ORIGINAL CONTEXT\n');
        mkdirSync(join(sb.repo, '.gump', 'workflows'), { recursive: true });
        writeFileSync(join(sb.repo, 'spec.md'), '# hello\n');
        writeFileSync(
          join(sb.repo, '.gump', 'workflows', 'hello.yaml'),
          `name: hello
steps:
  - name: impl
    type: code
    get: { prompt: "Create hello.txt whose only line is hello" }
    run:
      agent: ${AGENT[p]}
      hitl: after_gate
    gate: [{ bash: "grep -qx hello hello.txt" }]
    retry:
      - exit: 2
`,
        );
        writeFileSync(
          join(sb.repo, 'gump.toml'),
          `[agents.${p}]\nbase_url = "${baseUrlFor(p, server)}"\nmodel = "scripted-model"\n`,
        );
        git(sb.repo, 'add', '-A');
        git(sb.repo, 'commit', '-q', '-m', 'workflow');
        const env = { ...sb.hostEnv, GUMP_RUNS_DIR: join(sb.root, 'runs') } as Record<string, string>;
        const run1 = await gumpCli(sb.repo, env, 'run', 'hello', '--spec', 'spec.md');
        expect(run1.code, run1.stdout + run1.stderr).toBe(3); // attempt 1 failed its gate; paused before attempt 2
        const wt = worktreeOf(sb.repo, env);
        expect(readFileSync(join(wt, contextFile), 'utf8')).toBe('USER ORIGINAL CONTEXT\n');
        const firstRuns = server.main().length;
        const approve1 = await gumpCli(sb.repo, env, 'approve');
        expect(approve1.code, approve1.stdout + approve1.stderr).toBe(3); // attempt 2 passed; paused after the gate
        const approve2 = await gumpCli(sb.repo, env, 'approve');
        expect(approve2.code, approve2.stdout + approve2.stderr).toBe(0);
        // committed on the run branch, the user's context file untouched there
        const branch = git(wt, 'rev-parse', '--abbrev-ref', 'HEAD').trim();
        expect(git(sb.repo, 'show', `${branch}:hello.txt`)).toBe('hello\n');
        expect(git(sb.repo, 'show', `${branch}:${contextFile}`)).toBe('USER ORIGINAL CONTEXT\n');
        expect(readFileSync(join(wt, contextFile), 'utf8')).toBe('USER ORIGINAL CONTEXT\n');
        // the attempt-2 agent got the earlier conversation (resumed session) and gump's context
        const second = server.main().slice(firstRuns);
        expect(second.length).toBeGreaterThan(0);
        expect(JSON.stringify(second[0]!.body)).toContain('draft.txt'); // attempt 1's tool call came back
        expect(JSON.stringify(server.main()[0]!.body)).toContain('[GUMP:step:impl]');
        expect(JSON.stringify(server.main()[0]!.body)).toContain('# gump step: impl'); // the CLI read gump's ${contextFile}
        // ledger: one agent.finished per attempt, each billed what the server served for it
        const ledger = readLedger(join(wt, '.gump', 'run', 'ledger.ndjson'));
        const finished = ledger.filter((e) => e.event === 'agent.finished') as unknown as {
          attempt: number;
          session: string;
          tokensIn: number;
          tokensOut: number;
          cacheRead: number;
          cost: number;
          turns: number;
        }[];
        expect(finished.map((e) => e.attempt)).toEqual([1, 2]);
        expect(finished[1]!.session).toBe(finished[0]!.session);
        for (const e of finished) {
          expect(e.tokensIn + e.cacheRead).toBe(220);
          expect(e.tokensOut).toBe(35);
        }
        expect(finished[1]!.cost).toBeCloseTo(finished[0]!.cost, 5); // the ledger rounds costs
        const state = JSON.parse(readFileSync(join(wt, '.gump', 'run', 'state.json'), 'utf8')) as {
          spend: { cost: number; tokensIn: number };
        };
        expect(state.spend.cost).toBeCloseTo(finished[0]!.cost * 2, 5);
      });
    }, 300_000);

    if (p === 'claude') {
      it('three attempts resuming one claude session: the ledger bills each its own run, and a root max_budget just above the true total does not trip', async () => {
        const sb = sandbox(p);
        let writes = 0;
        const script: Script = (req) => {
          if (req.side) return { text: 'side', usage: { input: 0, output: 0 } };
          if (req.afterTool) return { text: 'Done.', usage: { input: 120, output: 15 } };
          writes++;
          return {
            write: { path: join(worktreeOf(sb.repo), `draft${writes}.txt`), content: `${writes}\n` },
            usage: { input: 100, output: 20 },
          };
        };
        await withServer(script, async (server) => {
          mkdirSync(join(sb.repo, '.gump', 'workflows'), { recursive: true });
          writeFileSync(join(sb.repo, 'spec.md'), '# three\n');
          // One run of this server's script costs claude's reported 0.00079; three: 0.00237. Billing the
          // cumulative total_cost_usd (the old defect) would count 0.00474 and trip the 0.0025 budget.
          writeFileSync(
            join(sb.repo, '.gump', 'workflows', 'three.yaml'),
            `name: three
max_budget: 0.0025
steps:
  - name: impl
    type: code
    get: { prompt: "Write the next draft" }
    run:
      agent: ${AGENT[p]}
    gate: [{ bash: "test -f draft3.txt" }]
    retry:
      - exit: 3
`,
          );
          writeFileSync(join(sb.repo, 'gump.toml'), `[agents.claude]\nbase_url = "${baseUrlFor(p, server)}"\n`);
          git(sb.repo, 'add', '-A');
          git(sb.repo, 'commit', '-q', '-m', 'workflow');
          const env = { ...sb.hostEnv, GUMP_RUNS_DIR: join(sb.root, 'runs') } as Record<string, string>;
          const run = await gumpCli(sb.repo, env, 'run', 'three', '--spec', 'spec.md');
          expect(run.code, run.stdout + run.stderr).toBe(0);
          const wt = worktreeOf(sb.repo, env);
          const finished = readLedger(join(wt, '.gump', 'run', 'ledger.ndjson')).filter(
            (e) => e.event === 'agent.finished',
          ) as unknown as {
            attempt: number;
            session: string;
            cost: number;
            tokensIn: number;
            tokensOut: number;
            turns: number;
          }[];
          expect(finished.map((e) => e.attempt)).toEqual([1, 2, 3]);
          expect(new Set(finished.map((e) => e.session)).size).toBe(1); // one session, resumed twice
          for (const e of finished) expect(e).toMatchObject({ cost: 0.00079, tokensIn: 220, tokensOut: 35, turns: 2 });
          expect(server.main()).toHaveLength(6);
          const state = JSON.parse(readFileSync(join(wt, '.gump', 'run', 'state.json'), 'utf8')) as {
            spend: { cost: number };
            sessionTotals: Record<string, { costUsd: number }>;
          };
          expect(state.spend.cost).toBeCloseTo(0.00237, 8);
          expect(Object.values(state.sessionTotals)[0]!.costUsd).toBeCloseTo(0.00237, 8);
        });
      }, 180_000);

      it('the built-in freeform workflow runs end to end without --stub against the endpoint of gump.toml', async () => {
        const sb = sandbox(p);
        await withServer(writeThenFinish({ path: '', content: '' }), async (server) => {
          server.script = (req, srv) =>
            writeThenFinish({ path: join(worktreeOf(sb.repo), 'GREETING.md'), content: '# Hello\n' })(req, srv);
          writeFileSync(join(sb.repo, 'spec.md'), '# Add GREETING.md saying Hello\n');
          writeFileSync(
            join(sb.repo, 'gump.toml'),
            `[validation]\ncompile_cmd = "test -f GREETING.md"\n\n[agents.claude]\nbase_url = "${baseUrlFor(p, server)}"\n`,
          );
          git(sb.repo, 'add', '-A');
          git(sb.repo, 'commit', '-q', '-m', 'spec');
          const env = { ...sb.hostEnv, GUMP_RUNS_DIR: join(sb.root, 'runs') } as Record<string, string>;
          const run = await gumpCli(sb.repo, env, 'run', 'freeform', '--spec', 'spec.md');
          expect(run.code, run.stdout + run.stderr).toBe(0);
          const apply = await gumpCli(sb.repo, env, 'apply');
          expect(apply.code, apply.stdout + apply.stderr).toBe(0);
          expect(readFileSync(join(sb.repo, 'GREETING.md'), 'utf8')).toBe('# Hello\n');
          expect(git(sb.repo, 'status', '--porcelain')).toBe(''); // run worktrees are not in the user's tree
          expect(server.main()[0]!.model).toMatch(/opus/);
        });
      }, 120_000);
    }
  });
}

/** The single run worktree of a sandbox repo (GUMP_RUNS_DIR under the sandbox). */
function worktreeOf(repo: string, env?: Record<string, string>): string {
  const root = env ? runsDir(repo, env) : runsDir(repo, { GUMP_RUNS_DIR: join(dirname(repo), 'runs') });
  const ids = existsSync(root) ? readdirSync(root).sort() : [];
  return join(root, ids[ids.length - 1] ?? 'none', 'worktree');
}

function gumpCli(
  cwd: string,
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const identity = {
      GIT_AUTHOR_NAME: 'gump test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'gump test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    };
    execFile(
      process.execPath,
      [GUMP_BIN, ...args],
      { cwd, env: { ...identity, ...env }, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024, timeout: 240_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 2) : 0, stdout, stderr });
      },
    );
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
