// Adapter lookup by agent name (language.md §18.1): the provider is the text before the first '-'.
// `pass` and `stub` have no CLI adapter (handled by the runtime itself): the registry returns undefined.
import { CLI_PROVIDERS, splitAgentName } from '../../protocol/models.js';
import type { AgentAdapter, HostEnv, Provider } from './types.js';
import type { AdapterOptions } from './adapter-kit.js';
import { claudeAdapter } from './claude.js';
import { codexAdapter } from './codex.js';
import { geminiAdapter } from './gemini.js';
import { qwenAdapter } from './qwen.js';
import { opencodeAdapter } from './opencode.js';
import { cursorAdapter } from './cursor.js';

const FACTORIES: Record<Provider, (o: AdapterOptions) => AgentAdapter> = {
  claude: claudeAdapter,
  codex: codexAdapter,
  gemini: geminiAdapter,
  qwen: qwenAdapter,
  opencode: opencodeAdapter,
  cursor: cursorAdapter,
};

/** The CLI provider of an agent name, or undefined (pass, stub, unknown). */
export function cliProviderOf(agent: string): Provider | undefined {
  const { provider } = splitAgentName(agent);
  return (CLI_PROVIDERS as readonly string[]).includes(provider) ? (provider as Provider) : undefined;
}

/** The adapter for an agent name; undefined for `pass`, `stub`, `stub-<label>` and unknown names. */
export function adapterFor(agent: string, opts: AdapterOptions = {}): AgentAdapter | undefined {
  const provider = cliProviderOf(agent);
  return provider === undefined ? undefined : FACTORIES[provider](opts);
}

/** Run-wide override (GUMP_AGENT_OVERRIDE, §18.1): replaces every agent except `pass`. */
export function applyAgentOverride(agent: string, env: HostEnv = process.env): string {
  const override = env.GUMP_AGENT_OVERRIDE?.trim();
  return agent === 'pass' || !override ? agent : override;
}

/** Sessions are shared only within a provider (§10): can `sessionId` of `fromAgent` resume under `agent`? */
export function canResume(agent: string, fromAgent: string, sessionId: string, opts: AdapterOptions = {}): boolean {
  const a = adapterFor(agent, opts);
  return a !== undefined && cliProviderOf(fromAgent) === a.provider && a.isResumableId(sessionId);
}
