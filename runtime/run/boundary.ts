// Job boundaries (design.md "state between jobs", issue: job boundaries): everything a later job
// needs — the run branch as a git bundle and the run directory (state, prev snapshots, retry
// bookkeeping, ledger, agent session stores without credentials) — saved to and restored from a
// directory. CI uploads that directory as an artifact; `gump run --isolate-steps` round-trips it.

import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { saveBundle, restoreBundle } from '../git/bundle.js';
import { git } from '../git/git.js';
import { resetTo } from '../git/worktree.js';
import { loadState } from '../state/run-state.js';
import { runPaths } from './layout.js';

/** Never carried between jobs (agents.md §2.6): credentials and live databases. */
const CREDENTIAL_FILES = new Set(['.credentials.json', 'auth.json', 'oauth_creds.json', 'google_accounts.json', 'settings.json', 'opencode.db', 'opencode.db-wal', 'opencode.db-shm']);
/** Transient run-directory entries. */
const TRANSIENT = new Set(['branches', 'tmp']);

export async function saveBoundary(worktree: string, dir: string, branch: string, base: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await saveBundle(worktree, join(dir, 'run.bundle'), `refs/heads/${branch}`, base);
  const from = runPaths(worktree).dir;
  cpSync(from, join(dir, 'run'), {
    recursive: true,
    filter: (src) => {
      const rel = relative(from, src);
      const first = rel.split(/[\\/]/)[0] ?? '';
      const name = rel.split(/[\\/]/).pop() ?? '';
      return !(TRANSIENT.has(first) && rel !== '') && !CREDENTIAL_FILES.has(name);
    },
  });
}

/**
 * Restore into a checkout of the run branch or of the base (a fresh CI job has no run directory
 * yet): the branch named by the boundary's own state, then the run directory.
 */
export async function restoreBoundary(worktree: string, dir: string): Promise<string> {
  const bundle = join(dir, 'run.bundle');
  if (!existsSync(bundle)) throw new Error(`no run bundle in ${dir}`);
  const branch = loadState(join(dir, 'run', 'state.json')).branch;
  const temp = `gump-restore/${process.pid}`;
  const head = await restoreBundle(worktree, bundle, temp);
  const current = (await git(worktree, ['rev-parse', '--abbrev-ref', 'HEAD'])).stdout.trim();
  if (current !== branch) await git(worktree, ['checkout', '--quiet', '-B', branch, head]);
  else await resetTo(worktree, head);
  await git(worktree, ['branch', '--quiet', '-D', temp]);
  const to = runPaths(worktree).dir;
  for (const entry of existsSync(to) ? readdirSync(to) : []) if (!TRANSIENT.has(entry)) rmSync(join(to, entry), { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  if (existsSync(join(dir, 'run')) && statSync(join(dir, 'run')).isDirectory()) cpSync(join(dir, 'run'), to, { recursive: true });
  return head;
}
