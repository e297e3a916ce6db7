// Helpers shared by the six adapters: request defaults, model resolution with [models] overrides,
// id shapes, argv size limits and credential-free file listing for session archives.
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveModel as resolveAlias } from '../../protocol/models.js';
import type { AgentRunRequest } from './types.js';

export type AliasTable = Readonly<Record<string, Readonly<Record<string, string | null>>>>;

export interface AdapterOptions {
  /** §18.2 alias table merged with gump.toml [models] (default: the built-in table). */
  aliases?: AliasTable;
}

export function modelFor(agent: string, opts: AdapterOptions): string | undefined {
  return resolveAlias(agent, opts.aliases);
}

export function hostEnvOf(req: AgentRunRequest): Record<string, string | undefined> {
  return req.hostEnv ?? process.env;
}

export function isRootOf(req: AgentRunRequest): boolean {
  return req.isRoot ?? (typeof process.getuid === 'function' && process.getuid() === 0);
}

/** Linux caps one argv element at 128 KiB (MAX_ARG_STRLEN, NUL included). */
export const ARGV_PROMPT_LIMIT = 128 * 1024 - 1;

/** Prompt argument when the prompt travels on stdin to a CLI that appends stdin to it (gemini, qwen). */
export const STDIN_PROMPT_NOTE = 'Your task is given below.';

export function promptNeedsStdin(prompt: string): boolean {
  return Buffer.byteLength(prompt, 'utf8') > ARGV_PROMPT_LIMIT;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** Session id → claude/qwen project slug: the absolute cwd with '/' turned into '-'. */
export function cwdSlug(cwd: string): string {
  return cwd.replace(/[/\\]/g, '-');
}

/**
 * File names that hold credentials or live databases (agents.md §2.6): never part of a session
 * archive, never carried between jobs (run/boundary.ts).
 */
export const CREDENTIAL_FILES: ReadonlySet<string> = new Set([
  '.credentials.json',
  'auth.json',
  'oauth_creds.json',
  'google_accounts.json',
  'settings.json',
  'opencode.db',
  'opencode.db-wal',
  'opencode.db-shm',
]);

/** Regular files under `dir` (recursive, symlinks skipped), credential files excluded; [] if absent. */
export async function listFiles(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else if (e.isFile() && !CREDENTIAL_FILES.has(e.name)) out.push(p);
  }
  return out;
}

/**
 * The endpoint key for a custom endpoint: `[agents.<p>] api_key_env` names the host variable, else
 * the first of the provider's usual variables that is set. Returns the variable name and its value.
 */
export function endpointKey(
  req: AgentRunRequest,
  usual: readonly string[],
): { name: string; value: string } | undefined {
  const host = hostEnvOf(req);
  const names = req.endpoint?.apiKeyEnv !== undefined ? [req.endpoint.apiKeyEnv] : usual;
  for (const name of names) {
    const value = host[name];
    if (value !== undefined && value !== '') return { name, value };
  }
  return undefined;
}
