// Parallel merge (language.md §6.3, §6.4): branches changing disjoint file sets are applied onto
// their shared base in order and committed once; a file changed by two branches is a conflict and
// nothing is applied. Owned paths (§22) are ignored. Branch heads share the repository's objects.
import { git, GitError, runtimeIdentityArgs } from './git.js';
import { compareCodeUnits, splitNul } from './changes.js';
import { isOwnedPath, OWNED_PATHSPEC_EXCLUDES } from './owned-paths.js';

export interface MergeConflict {
  file: string;
  /** Every branch that changed the file, in the given branch order. */
  branches: string[];
}

export type ApplyResult = { ok: true; commit: string | null } | { ok: false; conflicts: MergeConflict[] };

interface BranchChanges {
  name: string;
  head: string;
  written: string[];
  deleted: string[];
}

/**
 * `cwd` is a worktree whose HEAD is `base`. Returns the conflicts (sorted by file) without touching
 * anything, or applies each branch's changed files (their content at the branch head, deletions
 * included) in order and commits once with `message` (null when no branch changed anything).
 */
export async function applyBranches(
  cwd: string,
  base: string,
  branches: readonly { name: string; head: string }[],
  message: string,
): Promise<ApplyResult> {
  const changes = await Promise.all(branches.map((b) => branchChanges(cwd, base, b)));
  const conflicts = findConflicts(changes);
  if (conflicts.length > 0) return { ok: false, conflicts };
  const head = (await git(cwd, ['rev-parse', 'HEAD^{commit}', `${base}^{commit}`, '--'])).stdout.split('\n');
  if (head[0] !== head[1]) {
    const args = ['rev-parse', 'HEAD', base];
    throw new GitError(`parallel merge: worktree HEAD ${head[0]} is not the branch base ${head[1]}`, args, -1, '');
  }
  let changed = false;
  for (const c of changes) {
    if (c.written.length > 0) await pathsCommand(cwd, ['checkout', c.head], c.written);
    if (c.deleted.length > 0) await pathsCommand(cwd, ['rm', '--quiet', '-f', '--ignore-unmatch'], c.deleted);
    changed ||= c.written.length + c.deleted.length > 0;
  }
  if (!changed) return { ok: true, commit: null };
  await git(cwd, [...runtimeIdentityArgs(), 'commit', '--quiet', '--no-verify', '-m', message]);
  return { ok: true, commit: (await git(cwd, ['rev-parse', 'HEAD'])).stdout.trim() };
}

/** Files a branch changed against `base` (renames as delete + add), owned paths excluded. */
async function branchChanges(cwd: string, base: string, b: { name: string; head: string }): Promise<BranchChanges> {
  const args = ['diff', '--name-status', '-z', '--no-renames', '--no-ext-diff', '--no-relative', base, b.head];
  const fields = splitNul((await git(cwd, [...args, '--', '.', ...OWNED_PATHSPEC_EXCLUDES])).stdout);
  const out: BranchChanges = { name: b.name, head: b.head, written: [], deleted: [] };
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const file = fields[i + 1] as string;
    if (isOwnedPath(file)) continue;
    (fields[i] === 'D' ? out.deleted : out.written).push(file);
  }
  return out;
}

function findConflicts(changes: readonly BranchChanges[]): MergeConflict[] {
  const byFile = new Map<string, string[]>();
  for (const c of changes) {
    for (const f of [...c.written, ...c.deleted]) byFile.set(f, [...(byFile.get(f) ?? []), c.name]);
  }
  return [...byFile]
    .filter(([, names]) => names.length > 1)
    .map(([file, names]) => ({ file, branches: names }))
    .sort((a, b) => compareCodeUnits(a.file, b.file));
}

/** Runs a pathspec-taking command on exact file names (fed NUL-separated on stdin). */
async function pathsCommand(cwd: string, args: readonly string[], files: readonly string[]): Promise<void> {
  const input = `${files.join('\0')}\0`;
  await git(cwd, ['--literal-pathspecs', ...args, '--pathspec-from-file=-', '--pathspec-file-nul'], { input });
}
