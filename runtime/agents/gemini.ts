// Gemini CLI adapter (agents.md §6, checked against 0.61.0): `gemini -p ... --output-format
// stream-json --yolo --skip-trust`, turn limit via a system settings file, state in GEMINI_CLI_HOME.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AgentAdapter, Invocation } from './types.js';
import { passAuthEnv } from './auth-env.js';
import { hostEnvOf, isUuid, listFiles, modelFor, promptNeedsStdin, STDIN_PROMPT_NOTE, type AdapterOptions } from './adapter-kit.js';
import { createGeminiParser } from './gemini-stream.js';
import { isObj } from './json.js';

/** Written by the runner; named by GEMINI_CLI_SYSTEM_SETTINGS_PATH, outside the worktree. */
export const GEMINI_SETTINGS_FILE = 'gump-gemini-settings.json';

export function geminiAdapter(opts: AdapterOptions = {}): AgentAdapter {
  return {
    provider: 'gemini',
    bin: 'gemini',
    resolveModel: (agent) => modelFor(agent, opts),
    buildInvocation(req): Invocation {
      const viaStdin = promptNeedsStdin(req.prompt);
      // `--prompt=<text>` keeps a leading '-' from being read as an option.
      const args = viaStdin ? ['-p', STDIN_PROMPT_NOTE] : req.prompt.startsWith('-') ? [`--prompt=${req.prompt}`] : ['-p', req.prompt];
      args.push('--output-format', 'stream-json', '--yolo', '--skip-trust');
      const model = modelFor(req.agent, opts);
      if (model !== undefined) args.push('-m', model);
      if (req.resumeSessionId !== undefined) args.push('--resume', req.resumeSessionId);
      else if (req.newSessionId !== undefined) args.push('--session-id', req.newSessionId);
      const env: Record<string, string> = { ...passAuthEnv('gemini', hostEnvOf(req)), GEMINI_CLI_HOME: req.stateDir };
      const inv: Invocation = { bin: 'gemini', args, env, stdin: viaStdin ? { text: req.prompt } : 'ignore', emulated: ['budget', 'timeout'] };
      if (req.maxTurns !== undefined) {
        // No flag: model.maxSessionTurns in a settings file; reaching it ends with FatalTurnLimitedError.
        const path = join(req.stateDir, GEMINI_SETTINGS_FILE);
        env.GEMINI_CLI_SYSTEM_SETTINGS_PATH = path;
        inv.files = [{ path, content: `${JSON.stringify({ model: { maxSessionTurns: req.maxTurns } }, null, 2)}\n` }];
      }
      return inv;
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
