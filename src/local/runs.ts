// Local runs (gump run and friends): where runs live (`<user cache dir>/gump/runs/<repo key>/<id>/
// worktree`, outside the user's working tree and outside `.git/`), how they are found, and the
// repository facts they need.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gitEnv } from '../../protocol/git-env.js';
import { runPaths } from '../../runtime/run/layout.js';
import { loadState, type RunState } from '../../runtime/state/run-state.js';

export class LocalRunError extends Error {}

export function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: gitEnv(process.env),
    }).trim();
  } catch (e) {
    const err = e as { stderr?: string };
    throw new LocalRunError(`git ${args.join(' ')} failed: ${(err.stderr ?? String(e)).trim().split('\n')[0]}`);
  }
}

export function repoRoot(cwd: string): string {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']);
  } catch {
    throw new LocalRunError(`${cwd} is not inside a git repository: gump run works on a branch of your repository`);
  }
}

/** The commit a run starts from (HEAD); a clear error in a repository without commits. */
export function headCommit(repo: string): string {
  try {
    return git(repo, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  } catch {
    throw new LocalRunError(
      'this repository has no commit yet: a run branches from your current commit; commit your project first (git add -A && git commit)',
    );
  }
}

/**
 * The user's cache directory: `$XDG_CACHE_HOME` or `~/.cache` (Linux and others),
 * `~/Library/Caches` (macOS), `%LOCALAPPDATA%` (Windows).
 */
export function userCacheDir(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches');
  return env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
}

/**
 * Where the runs of this repository live: `<cache>/gump/runs/<repo name>-<hash of the git common
 * dir>` (`$GUMP_RUNS_DIR/<repo key>` when set). Never inside `.git/`: agent CLIs treat files there
 * as protected (claude 2.1.329 refuses every edit as "a sensitive file", ARCHITECTURE.md), and never
 * inside the working tree, so the user's `git status` does not see them. Keyed by the common dir,
 * so every worktree of one repository shares its runs.
 */
export function runsDir(repo: string, env: Record<string, string | undefined> = process.env): string {
  const common0 = git(repo, ['rev-parse', '--git-common-dir']);
  const common = isAbsolute(common0) ? common0 : resolve(repo, common0);
  let real = common;
  try {
    real = realpathSync(common);
  } catch {
    // keep the path git gave
  }
  const top = basename(real) === '.git' ? basename(dirname(real)) : basename(real).replace(/\.git$/, '');
  const key = `${top.replace(/[^A-Za-z0-9._-]/g, '_') || 'repo'}-${createHash('sha256').update(real).digest('hex').slice(0, 12)}`;
  const root =
    env.GUMP_RUNS_DIR && isAbsolute(env.GUMP_RUNS_DIR) ? env.GUMP_RUNS_DIR : join(userCacheDir(env), 'gump', 'runs');
  return join(root, key);
}

export function runWorktree(repo: string, id: string): string {
  return join(runsDir(repo), id, 'worktree');
}

/** Runs of this repository by id (oldest first, except among runs started within one second). */
export function listRuns(repo: string): string[] {
  const dir = runsDir(repo);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((id) => existsSync(join(dir, id, 'worktree', '.gump', 'run', 'state.json')))
    .sort();
}

/** The run named by the user (its id, `gump/run-<id>`, or a unique prefix of the id), or the latest one. */
export function pickRun(repo: string, id: string | undefined): string {
  const runs = listRuns(repo);
  if (id !== undefined) return matchRun(runs, id);
  const last = latest(repo, runs);
  if (!last)
    throw new LocalRunError('no gump run in this repository yet: start one with gump run <workflow> --spec <file>');
  return last;
}

/** The run started last (ids of one second do not sort by start time); by id when a state is unreadable. */
function latest(repo: string, runs: readonly string[]): string | undefined {
  let best: { id: string; at: number } | undefined;
  for (const id of runs) {
    let at: number;
    try {
      at = Date.parse(readState(join(runsDir(repo), id, 'worktree')).startedAt);
    } catch {
      return runs[runs.length - 1];
    }
    if (!best || at >= best.at) best = { id, at };
  }
  return best?.id;
}

/** An id, `gump/run-<id>`, or a unique prefix of one of `runs`. */
export function matchRun(runs: readonly string[], given: string): string {
  const id = given.replace(/^gump\/run-/, '');
  if (runs.includes(id)) return id;
  const matches = id === '' ? [] : runs.filter((r) => r.startsWith(id));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1)
    throw new LocalRunError(`"${given}" matches ${matches.length} runs (${matches.join(', ')}): give more of the id`);
  throw new LocalRunError(
    `no run "${given}" in this repository${runs.length > 0 ? ` (runs: ${runs.slice(-5).join(', ')}; gump runs lists them)` : ''}`,
  );
}

/** approve/reject: the run named, else the one run waiting for an approval. */
export function pickWaitingRun(repo: string, id: string | undefined, verb: string): string {
  if (id !== undefined) return pickRun(repo, id);
  const runs = listRuns(repo);
  const waiting = runs.filter((r) => readState(join(runsDir(repo), r, 'worktree')).status === 'waiting');
  if (waiting.length === 1) return waiting[0]!;
  if (waiting.length === 0) {
    if (runs.length === 0)
      throw new LocalRunError('no gump run in this repository yet: start one with gump run <workflow> --spec <file>');
    throw new LocalRunError('no run is waiting for an approval (gump runs lists the runs and their status)');
  }
  throw new LocalRunError(
    `${waiting.length} runs are waiting for an approval: ${waiting.join(', ')}; name one: gump ${verb} <run-id>`,
  );
}

export { newRunId } from '../../runtime/run/run-id.js';

/** The runtime bundle next to the CLI bundle (dist/gump-runtime.mjs). */
export function runtimeBundle(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'dist', 'gump-runtime.mjs');
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(dir, 'gump-runtime.mjs'))) return join(dir, 'gump-runtime.mjs');
    dir = dirname(dir);
  }
  throw new LocalRunError('the runtime bundle dist/gump-runtime.mjs is missing: run npm run build');
}

/** A run's state, validated like the runtime's own reads (a StateError when it is not one). */
export function readState(worktree: string): RunState {
  return loadState(runPaths(worktree).state);
}
