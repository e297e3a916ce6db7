// Shared protocol: how each agent CLI is installed in a CI job, at the versions pinned by
// agents.md ("Pin these versions in generated pipelines"). `gump.toml` may override a pin.

import type { CliProvider } from './models.js';

export interface AgentPackage {
  /** npm package, or null when the CLI is not on npm (cursor: official installer). */
  npm: string | null;
  version: string | null;
  /** Binary name on PATH. */
  bin: string;
}

export const AGENT_PACKAGES: Readonly<Record<CliProvider, AgentPackage>> = {
  claude: { npm: '@anthropic-ai/claude-code', version: '2.1.329', bin: 'claude' },
  codex: { npm: '@openai/codex', version: '0.169.0', bin: 'codex' },
  gemini: { npm: '@google/gemini-cli', version: '0.61.0', bin: 'gemini' },
  qwen: { npm: '@qwen-code/qwen-code', version: '0.24.4', bin: 'qwen' },
  opencode: { npm: 'opencode-ai', version: '1.18.33', bin: 'opencode' },
  cursor: { npm: null, version: null, bin: 'cursor-agent' },
};
