// Claude Code adapter (agents.md §4, checked against 2.1.329): `claude -p --output-format
// stream-json --verbose`, native turn and budget limits, state in CLAUDE_CONFIG_DIR.
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentAdapter, Invocation } from './types.js';
import { passAuthEnv } from './auth-env.js';
import {
  endpointKey,
  hostEnvOf,
  isRootOf,
  isUuid,
  listFiles,
  modelFor,
  promptNeedsStdin,
  type AdapterOptions,
} from './adapter-kit.js';
import { createClaudeLikeParser } from './claude-stream.js';

export const CLAUDE_ALLOWED_TOOLS = 'Bash,Read,Write,Edit,Glob,Grep';

export function claudeAdapter(opts: AdapterOptions = {}): AgentAdapter {
  return {
    provider: 'claude',
    bin: 'claude',
    resolveModel: (agent) => modelFor(agent, opts),
    buildInvocation(req): Invocation {
      // `--allowedTools` is variadic: the prompt must directly follow `-p`. A prompt that would be
      // read as an option (leading '-') or exceeds one argv element goes through stdin instead.
      const viaStdin = promptNeedsStdin(req.prompt) || req.prompt.startsWith('-');
      const args = viaStdin ? ['-p'] : ['-p', req.prompt];
      args.push('--output-format', 'stream-json', '--verbose');
      const model = modelFor(req.agent, opts);
      if (model !== undefined) args.push('--model', model);
      if (req.maxTurns !== undefined) args.push('--max-turns', String(req.maxTurns));
      if (req.maxBudgetUsd !== undefined) args.push('--max-budget-usd', String(req.maxBudgetUsd));
      args.push('--permission-mode', 'acceptEdits', '--allowedTools', CLAUDE_ALLOWED_TOOLS);
      if (req.resumeSessionId !== undefined) args.push('--resume', req.resumeSessionId);
      else if (req.newSessionId !== undefined) args.push('--session-id', req.newSessionId);
      const env: Record<string, string> = { ...passAuthEnv('claude', hostEnvOf(req)), CLAUDE_CONFIG_DIR: req.stateDir };
      if (req.endpoint) {
        // A gateway of the user's (agents.md §16): base URL by env; nothing else leaves the machine.
        env.ANTHROPIC_BASE_URL = req.endpoint.baseUrl;
        env.CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC = '1';
        const key = endpointKey(req, ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN']);
        if (key && req.endpoint.apiKeyEnv !== undefined) env.ANTHROPIC_API_KEY = key.value;
      }
      if (isRootOf(req)) env.IS_SANDBOX = '1'; // §2.8: permission bypass checks refuse uid 0 otherwise
      return { bin: 'claude', args, env, stdin: viaStdin ? { text: req.prompt } : 'ignore', emulated: ['timeout'] };
    },
    createParser: (baseline) =>
      createClaudeLikeParser({ inputIncludesCache: false, cumulative: { cost: true, usage: false } }, baseline),
    isResumableId: isUuid,
    async sessionArtifacts({ stateDir, sessionId }) {
      // projects/<cwd slug>/<id>.jsonl (+ projects/<slug>/<id>/ for subagent transcripts); any cwd resumes.
      const projects = join(stateDir, 'projects');
      const slugs = await readdir(projects).catch(() => [] as string[]);
      const out: string[] = [];
      for (const slug of slugs.sort()) {
        const file = join(projects, slug, `${sessionId}.jsonl`);
        if (existsSync(file)) out.push(file);
        out.push(...(await listFiles(join(projects, slug, sessionId))));
      }
      return out;
    },
  };
}
