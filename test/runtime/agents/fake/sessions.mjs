// Fake agent CLIs, part 2: session storage in each CLI's real layout under the relocated state
// dir (agents.md §4-§9, §12), resume rules with the real error texts, dummy credential files.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { homedir } from 'node:os';

const slug = (cwd) => cwd.replace(/\//g, '-');

function walkFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walkFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function writeJson(path, value) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value)}\n`);
}

/** Home directories per provider, from the relocation variables. */
export function homeOf(provider, env) {
  switch (provider) {
    case 'claude': return env.CLAUDE_CONFIG_DIR ?? join(homedir(), '.claude');
    case 'codex': return env.CODEX_HOME ?? join(homedir(), '.codex');
    case 'gemini': return join(env.GEMINI_CLI_HOME ?? homedir(), '.gemini');
    case 'qwen': return env.QWEN_HOME ?? join(homedir(), '.qwen');
    case 'opencode': return join(env.XDG_DATA_HOME ?? join(homedir(), '.local/share'), 'opencode');
    case 'cursor': return join(env.XDG_CONFIG_HOME ?? homedir(), '.cursor');
  }
}

export function writeCredentials(provider, home) {
  const files = {
    claude: ['.credentials.json'],
    codex: ['auth.json'],
    gemini: ['oauth_creds.json', 'google_accounts.json'],
    qwen: ['settings.json', 'oauth_creds.json'],
    opencode: ['auth.json', 'opencode.db'],
    cursor: [],
  }[provider];
  for (const f of files) writeJson(join(home, f), { secret: 'DUMMY-CREDENTIAL' });
}

/** Path of the transcript of session `id`, or undefined when resume must fail. */
function locate(provider, home, cwd, id) {
  switch (provider) {
    case 'claude':
      return walkFiles(join(home, 'projects')).find((f) => basename(f) === `${id}.jsonl`);
    case 'codex':
      return walkFiles(join(home, 'sessions')).find((f) => basename(f).endsWith(`-${id}.jsonl`));
    case 'gemini': {
      const map = existsSync(join(home, 'projects.json')) ? JSON.parse(readFileSync(join(home, 'projects.json'), 'utf8')) : {};
      const s = map[cwd];
      if (!s) return undefined;
      return walkFiles(join(home, 'tmp', s, 'chats')).find((f) => JSON.parse(readFileSync(f, 'utf8').split('\n')[0]).sessionId === id);
    }
    case 'qwen': {
      const f = join(home, 'projects', slug(cwd), 'chats', `${id}.jsonl`);
      return existsSync(f) ? f : undefined;
    }
    case 'cursor':
      return walkFiles(join(home, 'chats')).find((f) => f.endsWith(`/${id}/store.jsonl`));
  }
}

function create(provider, home, cwd, id) {
  switch (provider) {
    case 'claude': return join(home, 'projects', slug(cwd), `${id}.jsonl`);
    case 'codex': return join(home, 'sessions/2026/01/02', `rollout-2026-01-02T03-04-05-${id}.jsonl`);
    case 'gemini': {
      const mapFile = join(home, 'projects.json');
      const map = existsSync(mapFile) ? JSON.parse(readFileSync(mapFile, 'utf8')) : {};
      map[cwd] ??= basename(cwd).toLowerCase();
      writeJson(mapFile, map);
      const f = join(home, 'tmp', map[cwd], 'chats', `session-2026-01-02T03-04-${id.slice(0, 8)}.jsonl`);
      writeJson(f, { sessionId: id, projectHash: map[cwd] });
      return f;
    }
    case 'qwen': return join(home, 'projects', slug(cwd), 'chats', `${id}.jsonl`);
    case 'cursor': return join(home, 'chats', slug(cwd), id, 'store.jsonl');
  }
}

const RESUME_ERRORS = {
  claude: (id) => `No conversation found with session ID: ${id}`,
  codex: (id) => `Error: thread/resume failed: no rollout found for thread id ${id}`,
  gemini: () => 'Error resuming session: No previous sessions found for this project.',
  qwen: (id) => `No saved session found with ID ${id}`,
  cursor: (id) => `Error: chat ${id} not found`,
  opencode: () => 'Error: Session not found',
};

/** Appends the prompt to the session transcript; returns { history } or { error } for a failed resume. */
export function recordTurn(provider, env, cwd, { id, resume, prompt }) {
  const home = homeOf(provider, env);
  writeCredentials(provider, home);
  if (provider === 'opencode') return opencodeTurn(home, cwd, { id, resume, prompt });
  let file = resume ? locate(provider, home, cwd, id) : create(provider, home, cwd, id);
  if (!file) return { error: RESUME_ERRORS[provider](id) };
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify({ type: 'user', prompt })}\n`);
  const history = readFileSync(file, 'utf8').split('\n').filter((l) => l.includes('"prompt"')).length;
  return { history };
}

// OpenCode: a JSON store standing in for the SQLite database, with export / import.
function loadStore(home) {
  const f = join(home, 'store.json');
  return existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : { sessions: {} };
}

function opencodeTurn(home, cwd, { id, resume, prompt }) {
  const store = loadStore(home);
  if (resume && !store.sessions[id]) return { error: RESUME_ERRORS.opencode(id) };
  const s = (store.sessions[id] ??= { id, directory: cwd, messages: [] });
  s.messages.push({ role: 'user', prompt });
  writeJson(join(home, 'store.json'), store);
  return { history: s.messages.length };
}

export function opencodeExport(env, id) {
  const s = loadStore(homeOf('opencode', env)).sessions[id];
  if (!s) return { error: RESUME_ERRORS.opencode(id) };
  return { stdout: `${JSON.stringify({ info: { id: s.id, directory: s.directory }, messages: s.messages }, null, 2)}\n` };
}

export function opencodeImport(env, file) {
  const home = homeOf('opencode', env);
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const store = loadStore(home);
  store.sessions[data.info.id] = { id: data.info.id, directory: data.info.directory, messages: data.messages };
  writeJson(join(home, 'store.json'), store);
  writeCredentials('opencode', home);
  return { stdout: `Imported session: ${data.info.id}\n` };
}
