// OpenCode adapter (agents.md §8, checked against 1.18.33): `opencode run --format json --auto`,
// turn limit as agent steps in OPENCODE_CONFIG_CONTENT, state in XDG_DATA_HOME; sessions move
// between jobs with `opencode export` / `opencode import` (never the live SQLite database).
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AgentAdapter, Invocation } from './types.js';
import { childEnv, passAuthEnv } from './auth-env.js';
import { endpointKey, hostEnvOf, modelFor, type AdapterOptions } from './adapter-kit.js';
import { createOpencodeParser } from './opencode-stream.js';
import { isObj, obj } from './json.js';

/** Where sessionArtifacts puts the export, relative to the state dir. */
export const OPENCODE_EXPORT_DIR = 'gump-sessions';
const SESSION_ID = /^ses_[A-Za-z0-9]+$/;

function stateEnv(stateDir: string): Record<string, string> {
  return { XDG_DATA_HOME: stateDir, OPENCODE_DISABLE_AUTOUPDATE: '1' };
}

/** Name of the provider a custom endpoint becomes in OPENCODE_CONFIG_CONTENT (`--model gump/<id>`). */
export const OPENCODE_PROVIDER = 'gump';

/** The user's OPENCODE_CONFIG_CONTENT (an unparsable one is replaced). */
function userConfig(existing: string | undefined): Record<string, unknown> {
  try {
    const v: unknown = existing ? JSON.parse(existing) : {};
    if (isObj(v)) return v;
  } catch {
    // unparsable user config: replaced
  }
  return {};
}

/** Merge `agent.build.steps` into a config. */
function withSteps(cfg: Record<string, unknown>, steps: number): void {
  const agent = obj(cfg.agent);
  cfg.agent = { ...agent, build: { ...obj(agent.build), steps } };
}

/** The model id at a custom endpoint: the agent's model without its catalog prefix, else [agents.opencode] model. */
function endpointModel(model: string | undefined, fallback: string | undefined): string {
  if (model !== undefined) return model.includes('/') ? model.slice(model.indexOf('/') + 1) : model;
  return fallback ?? 'default';
}

function run(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'opencode',
      args,
      { env, maxBuffer: 512 * 1024 * 1024, timeout: 120_000 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`opencode ${args[0]} failed: ${String(stderr).trim() || err.message}`));
        else resolve(String(stdout));
      },
    );
    child.stdin?.end(); // §2.1: never leave stdin open
  });
}

export function opencodeAdapter(opts: AdapterOptions = {}): AgentAdapter {
  const adapter: AgentAdapter = {
    provider: 'opencode',
    bin: 'opencode',
    resolveModel: (agent) => modelFor(agent, opts),
    buildInvocation(req): Invocation {
      const host = hostEnvOf(req);
      const args = ['run', '--format', 'json', '--dir', req.cwd];
      let model = modelFor(req.agent, opts);
      const env: Record<string, string> = { ...passAuthEnv('opencode', host), ...stateEnv(req.stateDir) };
      const cfg = userConfig(host.OPENCODE_CONFIG_CONTENT);
      let custom = false;
      if (req.endpoint) {
        // agents.md §16: an OpenAI-compatible provider (bundled, nothing downloaded) at the base URL.
        const id = endpointModel(model, req.endpoint.model);
        const key = endpointKey(req, ['OPENAI_API_KEY', 'OPENCODE_API_KEY']);
        if (key) env[key.name] = key.value;
        const provider = obj(cfg.provider);
        cfg.provider = {
          ...provider,
          [OPENCODE_PROVIDER]: {
            npm: '@ai-sdk/openai-compatible',
            name: 'gump endpoint',
            options: { baseURL: req.endpoint.baseUrl, ...(key ? { apiKey: `{env:${key.name}}` } : {}) },
            models: { [id]: { name: id } },
          },
        };
        model = `${OPENCODE_PROVIDER}/${id}`;
        env.OPENCODE_DISABLE_MODELS_FETCH = '1';
        custom = true;
      }
      if (model !== undefined) args.push('--model', model);
      if (req.resumeSessionId !== undefined) args.push('--session', req.resumeSessionId);
      args.push('--auto');
      // One step more than the guard allows: the runtime's count trips first (> limit), and the
      // native limit stays a backstop (a native stop is not visible in the stream).
      if (req.maxTurns !== undefined) withSteps(cfg, req.maxTurns + 1);
      if (req.maxTurns !== undefined || custom) env.OPENCODE_CONFIG_CONTENT = JSON.stringify(cfg);
      // The prompt goes on stdin: an argv prompt containing spaces reaches the model wrapped in
      // literal double quotes (agents.md §16); stdin arrives unchanged.
      return { bin: 'opencode', args, env, stdin: { text: req.prompt }, emulated: ['maxTurns', 'budget', 'timeout'] };
    },
    createParser: createOpencodeParser,
    isResumableId: (id) => SESSION_ID.test(id),
    async sessionArtifacts({ stateDir, sessionId, hostEnv }) {
      // The export is the archive; the next job restores it and calls importSession.
      const outFile = join(stateDir, OPENCODE_EXPORT_DIR, `${sessionId}.json`);
      await adapter.exportSession!({ stateDir, sessionId, outFile, ...(hostEnv ? { hostEnv } : {}) });
      return [outFile];
    },
    async exportSession({ stateDir, sessionId, outFile, hostEnv }) {
      if (!SESSION_ID.test(sessionId)) throw new Error(`not an opencode session id: ${sessionId}`);
      const out = await run(['export', sessionId], childEnv(hostEnv ?? process.env, stateEnv(stateDir)));
      const start = out.indexOf('{'); // tolerate a banner line before the JSON
      if (start < 0) throw new Error(`opencode export printed no JSON for ${sessionId}`);
      await mkdir(dirname(outFile), { recursive: true });
      await writeFile(outFile, out.slice(start));
    },
    async importSession({ stateDir, file, hostEnv }) {
      await mkdir(stateDir, { recursive: true });
      await run(['import', file], childEnv(hostEnv ?? process.env, stateEnv(stateDir)));
    },
  };
  return adapter;
}
