// CI targets, shared: the CI secrets each agent CLI reads (agents.md §3), handed only to the step
// that runs the runtime in jobs that may start that CLI. The runtime passes each CLI only its own.

import type { CliProvider } from '../../protocol/models.js';

export const AGENT_SECRETS: Readonly<Record<CliProvider, readonly string[]>> = {
  claude: ['ANTHROPIC_API_KEY', 'CLAUDE_CODE_OAUTH_TOKEN'],
  codex: ['OPENAI_API_KEY', 'CODEX_API_KEY'],
  gemini: ['GEMINI_API_KEY'],
  qwen: ['OPENAI_API_KEY', 'DASHSCOPE_API_KEY'],
  opencode: ['ANTHROPIC_API_KEY', 'OPENAI_API_KEY', 'OPENROUTER_API_KEY'],
  cursor: ['CURSOR_API_KEY'],
};

/** Every secret name, sorted and unique. */
export const ALL_AGENT_SECRETS: readonly string[] = [...new Set(Object.values(AGENT_SECRETS).flat())].sort();

export function secretsFor(agents: readonly CliProvider[]): string[] {
  return [...new Set(agents.flatMap((a) => AGENT_SECRETS[a]))].sort();
}
