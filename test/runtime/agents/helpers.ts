// Test helpers for the agent adapters: a temp sandbox with fake CLIs (shims named like the real
// ones, first on PATH), a worktree, a call log and a scenario file (agents.md §15).
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, existsSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AgentRunRequest, HostEnv } from '../../../runtime/agents/types.js';

export const FAKE_AGENT = fileURLToPath(new URL('./fake/agent.mjs', import.meta.url));
export const CLI_NAMES = ['claude', 'codex', 'gemini', 'qwen', 'opencode', 'cursor-agent'];

export interface FakeCall {
  provider: string;
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  envKeys: string[];
  stdinBytes: number;
}

export interface Sandbox {
  root: string;
  bin: string;
  cwd: string;
  log: string;
  scenario: string;
  hostEnv: HostEnv;
  stateDir(name: string): string;
  setScenario(s: unknown): void;
  calls(): FakeCall[];
  request(agent: string, extra?: Partial<AgentRunRequest>): AgentRunRequest;
  cleanup(): void;
}

export const SECRETS = {
  ANTHROPIC_API_KEY: 'sk-ant-test',
  OPENAI_API_KEY: 'sk-openai-test',
  GEMINI_API_KEY: 'gemini-test',
  CURSOR_API_KEY: 'cursor-test',
  GITHUB_TOKEN: 'ghs-must-not-leak',
};

export function makeSandbox(): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'gump-agents-'));
  const bin = join(root, 'bin');
  const cwd = join(root, 'work', 'app');
  mkdirSync(bin, { recursive: true });
  mkdirSync(cwd, { recursive: true });
  for (const name of CLI_NAMES) {
    const shim = join(bin, name);
    writeFileSync(shim, `#!/usr/bin/env node\nimport(${JSON.stringify(pathToFileURL(FAKE_AGENT).href)});\n`);
    chmodSync(shim, 0o755);
  }
  const log = join(root, 'calls.jsonl');
  const scenario = join(root, 'scenario.json');
  const hostEnv: HostEnv = {
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    HOME: join(root, 'home'),
    FAKE_AGENT_LOG: log,
    FAKE_AGENT_SCENARIO: scenario,
    ...SECRETS,
  };
  return {
    root,
    bin,
    cwd,
    log,
    scenario,
    hostEnv,
    stateDir: (name) => join(root, 'state', name),
    setScenario: (s) => writeFileSync(scenario, JSON.stringify(s)),
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as FakeCall)
        : [],
    request: (agent, extra = {}) => ({
      agent,
      prompt: 'Implement the feature',
      cwd,
      stateDir: join(root, 'state', agent.split('-')[0]!),
      hostEnv,
      isRoot: false,
      timeoutMs: 10_000,
      ...extra,
    }),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
