// Codex adapter (agents.md §5, checked against 0.169.0): `codex exec --json`, every option before
// `resume`, `-m` repeated on resume, state in CODEX_HOME; turns, budget and timeout are emulated.
import { basename, join } from 'node:path';
import type { AgentAdapter, Invocation } from './types.js';
import { passAuthEnv } from './auth-env.js';
import {
  endpointKey,
  hostEnvOf,
  isUuid,
  listFiles,
  modelFor,
  promptNeedsStdin,
  type AdapterOptions,
} from './adapter-kit.js';
import { createCodexParser } from './codex-stream.js';

/** Name of the provider entry a custom endpoint becomes (`-c model_providers.gump=...`). */
export const CODEX_PROVIDER = 'gump';

/** A TOML basic string (the `-c` values are parsed as TOML). */
function tomlString(s: string): string {
  return JSON.stringify(s);
}

export function codexAdapter(opts: AdapterOptions = {}): AgentAdapter {
  return {
    provider: 'codex',
    bin: 'codex',
    resolveModel: (agent) => modelFor(agent, opts),
    buildInvocation(req): Invocation {
      const viaStdin = promptNeedsStdin(req.prompt) || req.prompt.startsWith('-');
      const args = ['exec', '--json', '-s', 'workspace-write', '-C', req.cwd, '--skip-git-repo-check'];
      // Resume does not keep the model: pass -m again (it must precede `resume` like -C and -s).
      const model = modelFor(req.agent, opts);
      if (model !== undefined) args.push('-m', model);
      args.push('-c', 'approval_policy=never');
      const env: Record<string, string> = { ...passAuthEnv('codex', hostEnvOf(req)), CODEX_HOME: req.stateDir };
      if (req.endpoint) {
        // OPENAI_BASE_URL is ignored by 0.169 (agents.md §16): a provider entry, before `resume`.
        // Without supports_websockets=false it first tries a WebSocket seven times.
        const key = endpointKey(req, ['CODEX_API_KEY', 'OPENAI_API_KEY']);
        const keyVar = key?.name ?? req.endpoint.apiKeyEnv ?? 'CODEX_API_KEY';
        if (key) env[key.name] = key.value;
        const entry = `{name=${tomlString(CODEX_PROVIDER)},base_url=${tomlString(req.endpoint.baseUrl)},env_key=${tomlString(keyVar)},wire_api="responses",supports_websockets=false}`;
        args.push('-c', `model_provider=${CODEX_PROVIDER}`, '-c', `model_providers.${CODEX_PROVIDER}=${entry}`);
      }
      if (req.resumeSessionId !== undefined) args.push('resume', req.resumeSessionId);
      args.push(viaStdin ? '-' : req.prompt);
      return {
        bin: 'codex',
        args,
        env,
        stdin: viaStdin ? { text: req.prompt } : 'ignore',
        emulated: ['maxTurns', 'budget', 'timeout'],
      };
    },
    createParser: (baseline) => createCodexParser(baseline),
    isResumableId: isUuid,
    async sessionArtifacts({ stateDir, sessionId }) {
      // sessions/YYYY/MM/DD/rollout-<ts>-<thread_id>.jsonl; resume by id needs only sessions/.
      const files = await listFiles(join(stateDir, 'sessions'));
      return files.filter((f) => basename(f).startsWith('rollout-') && basename(f).endsWith(`-${sessionId}.jsonl`));
    },
  };
}
