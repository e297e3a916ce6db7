// Cursor Agent adapter (agents.md §9, UNCHECKED: not on npm): `cursor-agent -p --output-format
// stream-json --yolo --trust --workspace`, state relocated with XDG_CONFIG_HOME (unchecked).
import { join } from 'node:path';
import type { AgentAdapter, Invocation } from './types.js';
import { passAuthEnv } from './auth-env.js';
import { hostEnvOf, isUuid, listFiles, modelFor, type AdapterOptions } from './adapter-kit.js';
import { createCursorParser } from './cursor-stream.js';

/** Session stores reported by third parties, relative to the state dir (agents.md §12). */
const STORES = ['.cursor/chats', '.cursor/projects', 'Cursor/chats', 'cursor/chats'];

export function cursorAdapter(opts: AdapterOptions = {}): AgentAdapter {
  return {
    provider: 'cursor',
    bin: 'cursor-agent',
    resolveModel: (agent) => modelFor(agent, opts),
    buildInvocation(req): Invocation {
      const args = ['-p', '--output-format', 'stream-json', '--yolo', '--trust', '--workspace', req.cwd];
      const model = modelFor(req.agent, opts);
      if (model !== undefined) args.push('--model', model);
      if (req.resumeSessionId !== undefined) args.push('--resume', req.resumeSessionId);
      if (req.prompt.startsWith('-')) args.push('--');
      args.push(req.prompt);
      const env = { ...passAuthEnv('cursor', hostEnvOf(req)), XDG_CONFIG_HOME: req.stateDir };
      return { bin: 'cursor-agent', args, env, stdin: 'ignore', emulated: ['maxTurns', 'budget', 'timeout'] };
    },
    createParser: createCursorParser,
    isResumableId: isUuid,
    async sessionArtifacts({ stateDir }) {
      const out: string[] = [];
      for (const s of STORES) out.push(...(await listFiles(join(stateDir, s))));
      return out;
    },
  };
}
