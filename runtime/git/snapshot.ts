// Attempt snapshots (language.md §1 "snapshots", §1.1 phase 4): commit every worktree change except
// runtime-owned paths, only when something changed. Hot path: one `git add` and one `git commit`.
// Commits carry the runtime identity ("gump <gump@localhost>", see runtimeIdentityArgs), skip hooks.
import { git, GitError, runtimeIdentityArgs } from './git.js';
import { OWNED_PATHSPEC_EXCLUDES } from './owned-paths.js';

/**
 * Stages tracked changes, deletions and untracked non-ignored files, never the owned paths (even
 * when tracked by the user, e.g. their own CLAUDE.md: its index entry stays as committed), and
 * commits with `message`. Returns the new commit sha, or null when nothing was staged.
 */
export async function snapshot(cwd: string, message: string): Promise<string | null> {
  await git(cwd, ['add', '-A', '--', '.', ...OWNED_PATHSPEC_EXCLUDES]);
  const args = [
    ...runtimeIdentityArgs(),
    '-c',
    'core.abbrev=no',
    'commit',
    '--no-verify',
    '--untracked-files=no',
    '-m',
    message,
  ];
  const res = await git(cwd, args, { allowFail: true });
  if (res.code !== 0) {
    // Nothing staged is the expected "no change" (C-locale message; else ask the index); anything
    // else is a real failure.
    if (NOTHING_TO_COMMIT.test(res.stdout)) return null;
    const staged = await git(cwd, ['diff', '--cached', '--quiet', '--no-ext-diff'], { allowFail: true });
    if (staged.code === 0) return null;
    const detail = `${res.stderr}\n${res.stdout}`
      .trim()
      .split(/\s*\n\s*/)
      .join(' | ');
    throw new GitError(`git commit failed (exit ${res.code}): ${detail}`, args, res.code, res.stderr);
  }
  return commitShaFromSummary(res.stdout) ?? (await git(cwd, ['rev-parse', 'HEAD'])).stdout.trim();
}

const NOTHING_TO_COMMIT = /^(nothing (added )?to commit|no changes added to commit)/m;

/** `[branch (root-commit) <sha>] subject` → sha (full with core.abbrev=no), else null. */
function commitShaFromSummary(stdout: string): string | null {
  const first = stdout.split('\n', 1)[0] ?? '';
  const m = /^\[.* ([0-9a-f]{40}|[0-9a-f]{64})\] /.exec(first);
  return m ? (m[1] as string) : null;
}
