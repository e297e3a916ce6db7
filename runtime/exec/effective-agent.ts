// Executor: the agent that actually runs a step's attempt (language.md §18.1): GUMP_AGENT_OVERRIDE
// replaces every agent but `pass`.

import { applyAgentOverride } from '../agents/registry.js';
import type { Services } from './services.js';

export function effectiveAgent(svc: Services, rendered: string): string {
  const name = rendered.trim();
  return name === 'pass' ? name : applyAgentOverride(name, svc.env);
}
