// Harness of the real-CLI tests: the pinned CLIs installed by scripts/install-agent-clis.sh in a
// cached prefix, a git repository per test, a runtime-owned state dir, and a host environment that
// reaches nothing but the scripted model server (every other host goes to a dead proxy).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AGENT_PACKAGES } from '../../protocol/agent-packages.js';
import { adapterFor } from '../../runtime/agents/registry.js';
import { startAgent, type RunResult } from '../../runtime/agents/spawn.js';
import type { AgentRunRequest, Provider, SessionTotals } from '../../runtime/agents/types.js';
import { ModelServer, type Script } from './model-server.js';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const CLI_PREFIX = process.env.AGENT_CLIS_PREFIX
  ? resolve(process.env.AGENT_CLIS_PREFIX)
  : join(REPO_ROOT, '.cache', 'agent-clis');
export const CLI_BIN = join(CLI_PREFIX, 'node_modules', '.bin');

export type RealProvider = Exclude<Provider, 'cursor'>;
export const REAL_PROVIDERS: RealProvider[] = ['claude', 'codex', 'gemini', 'qwen', 'opencode'];

/** The installed version of a CLI in the prefix, or undefined when absent. */
export function installedVersion(p: RealProvider): string | undefined {
  const pkg = AGENT_PACKAGES[p].npm!;
  try {
    return (
      JSON.parse(readFileSync(join(CLI_PREFIX, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }
    ).version;
  } catch {
    return undefined;
  }
}

/** Why the real-CLI tests of `p` cannot run (undefined: they can). */
export function skipReason(p: RealProvider): string | undefined {
  if (!existsSync(CLI_PREFIX))
    return `agent CLIs not installed: run scripts/install-agent-clis.sh (prefix ${CLI_PREFIX})`;
  const v = installedVersion(p);
  if (v === undefined) return `${p} not installed in ${CLI_PREFIX}: run scripts/install-agent-clis.sh`;
  if (v !== AGENT_PACKAGES[p].version)
    return `${p} ${v} in ${CLI_PREFIX} is not the pin ${AGENT_PACKAGES[p].version}: run scripts/install-agent-clis.sh`;
  return undefined;
}

/** Agent name per CLI for these tests (a model id the server accepts, no router call). */
export const AGENT: Record<RealProvider, string> = {
  claude: 'claude-sonnet',
  codex: 'codex-gpt-5.5',
  gemini: 'gemini-gemini-2.5-flash',
  qwen: 'qwen-coder',
  opencode: 'opencode-scripted',
};

/** Base URL each CLI expects for the server (agents.md §16). */
export function baseUrlFor(p: RealProvider, server: ModelServer): string {
  return p === 'claude' || p === 'gemini' ? server.url : `${server.url}/v1`;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e',
    },
  });
}

export interface Sandbox {
  root: string;
  repo: string;
  home: string;
  stateDir: string;
  hostEnv: Record<string, string | undefined>;
}

/** A temp dir with a git repo (one commit), a home, a state dir and an offline host environment. */
export function sandbox(p: RealProvider, extraEnv: Record<string, string> = {}): Sandbox {
  const root = mkdtempSync(join(tmpdir(), `gump-real-${p}-`));
  const repo = join(root, 'repo');
  const home = join(root, 'home');
  mkdirSync(repo, { recursive: true });
  mkdirSync(home, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'README.md'), '# sample\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'init');
  const dead = 'http://127.0.0.1:9';
  const hostEnv: Record<string, string | undefined> = {
    PATH: `${CLI_BIN}:${process.env.PATH ?? ''}`,
    HOME: home,
    LANG: 'C.UTF-8',
    TERM: 'dumb',
    NO_COLOR: '1',
    CI: '1',
    // Nothing but the model server: every other host goes to a dead proxy.
    HTTP_PROXY: dead,
    HTTPS_PROXY: dead,
    http_proxy: dead,
    https_proxy: dead,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
    ANTHROPIC_API_KEY: 'sk-ant-test',
    CODEX_API_KEY: 'sk-test',
    OPENAI_API_KEY: 'sk-test',
    GEMINI_API_KEY: 'test-key',
    CLAUDE_CODE_MAX_RETRIES: '0',
    DISABLE_AUTOUPDATER: '1',
    OPENCODE_DISABLE_AUTOUPDATE: '1',
    OPENCODE_DISABLE_MODELS_FETCH: '1',
    OPENCODE_DISABLE_LSP_DOWNLOAD: '1',
    GEMINI_TELEMETRY_ENABLED: 'false',
    ...extraEnv,
  };
  return { root, repo, home, stateDir: join(root, 'state', p), hostEnv };
}

export async function withServer<T>(script: Script, f: (s: ModelServer) => Promise<T>): Promise<T> {
  const server = await new ModelServer(script).start();
  try {
    return await f(server);
  } finally {
    await server.stop();
  }
}

export interface RunOptions {
  prompt: string;
  maxTurns?: number;
  timeoutMs?: number;
  resumeSessionId?: string;
  newSessionId?: string;
  sessionTotals?: SessionTotals;
  graceMs?: number;
  rawLogFile?: string;
  bin?: string;
}

/** Runs the production adapter (buildInvocation, runner, parser) of `p` against the server. */
export async function runReal(
  p: RealProvider,
  sb: Sandbox,
  server: ModelServer,
  o: RunOptions,
): Promise<RunResult & { pid?: number }> {
  const adapter = adapterFor(AGENT[p])!;
  const req: AgentRunRequest = {
    agent: AGENT[p],
    prompt: o.prompt,
    cwd: sb.repo,
    stateDir: sb.stateDir,
    hostEnv: sb.hostEnv,
    endpoint: { baseUrl: baseUrlFor(p, server), model: 'scripted-model' },
    timeoutMs: o.timeoutMs ?? 90_000,
    ...(o.maxTurns !== undefined ? { maxTurns: o.maxTurns } : {}),
    ...(o.resumeSessionId !== undefined ? { resumeSessionId: o.resumeSessionId } : {}),
    ...(o.newSessionId !== undefined ? { newSessionId: o.newSessionId } : {}),
    ...(o.sessionTotals !== undefined ? { sessionTotals: o.sessionTotals } : {}),
  };
  const run = startAgent({
    adapter,
    request: req,
    rawLogFile: o.rawLogFile ?? join(sb.root, 'streams', `${p}-${Date.now()}.jsonl`),
    graceMs: o.graceMs ?? 2_000,
  });
  const pid = run.pid;
  const r = await run.done;
  return pid === undefined ? r : { ...r, pid };
}
