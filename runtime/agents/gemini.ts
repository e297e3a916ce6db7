// Gemini CLI adapter (agents.md §6, checked against 0.61.0): `gemini -p ... --output-format
// stream-json --yolo --skip-trust`, turn limit via a system settings file, state in GEMINI_CLI_HOME.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AgentAdapter, Invocation } from './types.js';
import { passAuthEnv } from './auth-env.js';
import {
  endpointKey,
  hostEnvOf,
  isUuid,
  listFiles,
  modelFor,
  promptNeedsStdin,
  STDIN_PROMPT_NOTE,
  type AdapterOptions,
} from './adapter-kit.js';
import { createGeminiParser } from './gemini-stream.js';
import { isObj } from './json.js';

/**
 * The user settings file under the state dir (`$GEMINI_CLI_HOME/.gemini/settings.json`), rewritten
 * before every run. `model.maxSessionTurns` takes effect only there (agents.md §16: not via
 * GEMINI_CLI_SYSTEM_SETTINGS_PATH nor the workspace settings); a custom endpoint needs the auth type
 * there too (the base URL alone selects "gateway" auth, which headless mode rejects with exit 41).
 */
export const GEMINI_SETTINGS_FILE = join('.gemini', 'settings.json');

export function geminiAdapter(opts: AdapterOptions = {}): AgentAdapter {
  return {
    provider: 'gemini',
    bin: 'gemini',
    resolveModel: (agent) => modelFor(agent, opts),
    buildInvocation(req): Invocation {
      const viaStdin = promptNeedsStdin(req.prompt);
      // `--prompt=<text>` keeps a leading '-' from being read as an option.
      const args = viaStdin
        ? ['-p', STDIN_PROMPT_NOTE]
        : req.prompt.startsWith('-')
          ? [`--prompt=${req.prompt}`]
          : ['-p', req.prompt];
      args.push('--output-format', 'stream-json', '--yolo', '--skip-trust');
      const model = modelFor(req.agent, opts);
      if (model !== undefined) args.push('-m', model);
      if (req.resumeSessionId !== undefined) args.push('--resume', req.resumeSessionId);
      else if (req.newSessionId !== undefined) args.push('--session-id', req.newSessionId);
      const env: Record<string, string> = { ...passAuthEnv('gemini', hostEnvOf(req)), GEMINI_CLI_HOME: req.stateDir };
      const settings: Record<string, unknown> = {};
      // No flag: model.maxSessionTurns; reaching it ends with FatalTurnLimitedError (exit 53).
      if (req.maxTurns !== undefined) settings.model = { maxSessionTurns: req.maxTurns };
      if (req.endpoint) {
        env.GOOGLE_GEMINI_BASE_URL = req.endpoint.baseUrl;
        const key = endpointKey(req, ['GEMINI_API_KEY']);
        if (key) env.GEMINI_API_KEY = key.value;
        settings.security = { auth: { selectedType: 'gemini-api-key' } };
      }
      const path = join(req.stateDir, GEMINI_SETTINGS_FILE);
      return {
        bin: 'gemini',
        args,
        env,
        stdin: viaStdin ? { text: req.prompt } : 'ignore',
        emulated: ['budget', 'timeout'],
        files: [{ path, content: `${JSON.stringify(settings, null, 2)}\n` }],
      };
    },
    createParser: createGeminiParser,
    isResumableId: isUuid,
    async sessionArtifacts({ stateDir, cwd }) {
      // .gemini/projects.json maps the absolute cwd to the project slug; chats live in tmp/<slug>/.
      const home = join(stateDir, '.gemini');
      const projects = join(home, 'projects.json');
      let slug: string | undefined;
      try {
        const map: unknown = JSON.parse(await readFile(projects, 'utf8'));
        const v = isObj(map) ? (isObj(map.projects) ? map.projects[cwd] : map[cwd]) : undefined;
        if (typeof v === 'string') slug = v;
      } catch {
        return listFiles(join(home, 'tmp'));
      }
      const chats = await listFiles(slug !== undefined ? join(home, 'tmp', slug) : join(home, 'tmp'));
      return chats.length > 0 ? [projects, ...chats] : [];
    },
  };
}
