// Qwen Code adapter (agents.md §7, checked against 0.24.4): positional prompt first (array
// options swallow later words), `--max-session-turns`, state in QWEN_HOME.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentAdapter, Invocation } from './types.js';
import { passAuthEnv } from './auth-env.js';
import {
  cwdSlug,
  endpointKey,
  hostEnvOf,
  isUuid,
  modelFor,
  promptNeedsStdin,
  STDIN_PROMPT_NOTE,
  type AdapterOptions,
} from './adapter-kit.js';
import { createClaudeLikeParser } from './claude-stream.js';

export function qwenAdapter(opts: AdapterOptions = {}): AgentAdapter {
  return {
    provider: 'qwen',
    bin: 'qwen',
    resolveModel: (agent) => modelFor(agent, opts),
    buildInvocation(req): Invocation {
      const host = hostEnvOf(req);
      const viaStdin = promptNeedsStdin(req.prompt);
      // qwen appends stdin to the prompt; `--prompt=` (deprecated -p) protects a leading '-'.
      const args = viaStdin
        ? [STDIN_PROMPT_NOTE]
        : req.prompt.startsWith('-')
          ? [`--prompt=${req.prompt}`]
          : [req.prompt];
      args.push('--output-format', 'stream-json', '--yolo');
      if (host.OPENAI_API_KEY || req.endpoint) args.push('--auth-type', 'openai');
      const model = modelFor(req.agent, opts);
      if (model !== undefined) args.push('-m', model);
      if (req.maxTurns !== undefined) args.push('--max-session-turns', String(req.maxTurns));
      if (req.resumeSessionId !== undefined) args.push('--resume', req.resumeSessionId);
      else if (req.newSessionId !== undefined) args.push('--session-id', req.newSessionId);
      const env: Record<string, string> = {
        ...passAuthEnv('qwen', host),
        QWEN_HOME: req.stateDir,
        QWEN_CODE_SUPPRESS_YOLO_WARNING: '1',
      };
      if (req.endpoint) {
        // An OpenAI-compatible endpoint (Chat Completions), agents.md §16.
        env.OPENAI_BASE_URL = req.endpoint.baseUrl;
        const key = endpointKey(req, ['OPENAI_API_KEY', 'DASHSCOPE_API_KEY']);
        if (key) env.OPENAI_API_KEY = key.value;
        if (req.endpoint.model !== undefined) env.OPENAI_MODEL = req.endpoint.model;
      }
      return {
        bin: 'qwen',
        args,
        env,
        stdin: viaStdin ? { text: req.prompt } : 'ignore',
        emulated: ['budget', 'timeout'],
      };
    },
    createParser: (baseline) =>
      createClaudeLikeParser({ inputIncludesCache: true, cumulative: { cost: false, usage: true } }, baseline),
    isResumableId: isUuid,
    async sessionArtifacts({ stateDir, cwd, sessionId }) {
      // projects/<cwd slug>/chats/<id>.jsonl; resumable only from the same absolute cwd.
      const file = join(stateDir, 'projects', cwdSlug(cwd), 'chats', `${sessionId}.jsonl`);
      return existsSync(file) ? [file] : [];
    },
  };
}
