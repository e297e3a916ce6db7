// Worktrees of a run (language.md §1 run branch, §6.3 parallel branches, §9.1/§11 reset): create
// the run branch and branch worktrees, read HEAD, hard-reset keeping runtime-owned paths.
// Also the entry point of the git layer: re-exports snapshots, change listing and the merge.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { git } from './git.js';
import { readHeadFromFiles } from './head.js';
import { OWNED_CLEAN_EXCLUDES } from './owned-paths.js';
import { settleCheckout } from './settle.js';

export { snapshot } from './snapshot.js';
export { changedFiles, diff } from './changes.js';
export { applyBranches, type ApplyResult, type MergeConflict } from './merge.js';

/** `git worktree add -b <branch> <dir> <base>`; fails (GitError) when the branch already exists. */
export async function createRunBranch(
  repo: string,
  opts: { branch: string; base: string; dir: string },
): Promise<void> {
  await git(repo, ['worktree', 'add', '--quiet', '-b', opts.branch, opts.dir, opts.base]);
  await settleCheckout(opts.dir);
}

/** A detached worktree at `commit`, for one parallel branch (§6.3, §6.4). */
export async function addBranchWorktree(repo: string, dir: string, commit: string): Promise<void> {
  // Left behind by a runtime that was killed mid-branch (resume): start the branch afresh.
  if (existsSync(dir)) {
    rmSync(dir, { recursive: true, force: true });
    await git(repo, ['worktree', 'prune']);
  }
  await git(repo, ['worktree', 'add', '--quiet', '--detach', dir, commit]);
  await settleCheckout(dir);
}

/** Removes a worktree even with untracked files in it; a vanished directory is pruned instead. */
export async function removeWorktree(repo: string, dir: string): Promise<void> {
  if (existsSync(dir)) await git(repo, ['worktree', 'remove', '--force', '--force', dir]);
  else await git(repo, ['worktree', 'prune']);
}

/** HEAD of a branch worktree a killed runtime left behind (it holds the branch's latest commits). */
export async function leftoverHead(dir: string): Promise<string | undefined> {
  if (!existsSync(join(dir, '.git'))) return undefined;
  try {
    return await headCommit(dir);
  } catch {
    return undefined;
  }
}

/** HEAD's commit: read from the repository files when they answer plainly, else `git rev-parse`. */
export async function headCommit(cwd: string): Promise<string> {
  return readHeadFromFiles(cwd) ?? (await git(cwd, ['rev-parse', '--verify', 'HEAD^{commit}'])).stdout.trim();
}

/**
 * §9.1 `worktree: reset` and §11 guard trips: `git reset --hard <commit>`, then delete untracked,
 * non-ignored files and directories except the runtime-owned paths.
 */
export async function resetTo(cwd: string, commit: string): Promise<void> {
  await git(cwd, ['reset', '--quiet', '--hard', commit]);
  await git(cwd, ['clean', '-f', '-d', '--quiet', ...OWNED_CLEAN_EXCLUDES.flatMap((e) => ['-e', e])]);
}
