// What changed since a commit, for blast radius, no_write, touched/untouched and `{diff}`
// (language.md §6.2, §8.3, §11, §14). Owned paths (§22) never appear. The real index is never
// written: the working-tree diff stages into a throwaway copy of it (GIT_INDEX_FILE).
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { git } from './git.js';
import { isOwnedPath, OWNED_PATHSPEC_EXCLUDES } from './owned-paths.js';

const OWNED = ['--', '.', ...OWNED_PATHSPEC_EXCLUDES];

/** Flags making `git diff` text independent of the user's diff configuration. */
const DIFF_FLAGS = [
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--no-relative',
  '-M',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];

/**
 * Repository-relative paths changed between commit `from` and HEAD, sorted, owned paths excluded.
 * With includeWorktree, between `from` and the working tree instead (committed, uncommitted and
 * untracked non-ignored files: the net change). A rename counts as both paths (old and new).
 */
export async function changedFiles(
  cwd: string,
  from: string,
  opts: { includeWorktree?: boolean } = {},
): Promise<string[]> {
  const names = ['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-relative'];
  const lists = opts.includeWorktree
    ? await Promise.all([
        git(cwd, [...names, from, ...OWNED]),
        git(cwd, ['ls-files', '--others', '--exclude-standard', '-z', ...OWNED]),
      ])
    : [await git(cwd, [...names, from, 'HEAD', ...OWNED])];
  const files = new Set(lists.flatMap((r) => splitNul(r.stdout)));
  return [...files].filter((f) => !isOwnedPath(f)).sort(compareCodeUnits);
}

/**
 * Unified diff from commit `from` to commit `to`, or to the working tree (untracked non-ignored
 * files included) when `to` is undefined. Owned paths excluded; renames detected (-M).
 */
export async function diff(cwd: string, from: string, to?: string): Promise<string> {
  if (to !== undefined) return (await git(cwd, ['diff', ...DIFF_FLAGS, from, to, ...OWNED])).stdout;
  const dir = await mkdtemp(join(tmpdir(), 'gump-index-'));
  try {
    const index = join(dir, 'index');
    const real = resolve(cwd, (await git(cwd, ['rev-parse', '--git-path', 'index'])).stdout.trim());
    await copyFile(real, index).catch(() => undefined); // no index yet: git starts an empty one
    const env = { GIT_INDEX_FILE: index };
    await git(cwd, ['add', '-A', ...OWNED], { env });
    return (await git(cwd, ['diff', '--cached', ...DIFF_FLAGS, from, ...OWNED], { env })).stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * What an attempt changed between commits `from` and `to`, in one git process: the paths (as
 * changedFiles: sorted, owned paths excluded, a rename counts as both paths) and the unified diff
 * (as diff). `git diff --raw -z -p` prints the NUL-separated raw records, one NUL, then the patch.
 */
export async function commitChanges(cwd: string, from: string, to: string): Promise<{ files: string[]; diff: string }> {
  return parseRawPatch((await git(cwd, attemptDiffArgs(from, to))).stdout);
}

/** `git diff` arguments of commitChanges (also run by the snapshot script, runtime/git/snapshot.ts). */
export function attemptDiffArgs(from: string, to: string): string[] {
  return ['diff', '--raw', '-z', '-p', ...DIFF_FLAGS, from, to, ...OWNED];
}

/** The output of attemptDiffArgs: the NUL-separated raw records, one NUL, then the patch. */
export function parseRawPatch(out: string): { files: string[]; diff: string } {
  const files = new Set<string>();
  let at = 0;
  while (out.startsWith(':', at)) {
    const end = out.indexOf('\0', at); // ":<modes> <shas> <status letter><score>"
    const status = out.charAt(out.lastIndexOf(' ', end) + 1);
    const paths = status === 'R' || status === 'C' ? 2 : 1;
    at = end + 1;
    for (let i = 0; i < paths; i++) {
      const end = out.indexOf('\0', at);
      files.add(out.slice(at, end));
      at = end + 1;
    }
  }
  if (out.startsWith('\0', at)) at += 1;
  return { files: [...files].filter((f) => !isOwnedPath(f)).sort(compareCodeUnits), diff: out.slice(at) };
}

export function splitNul(text: string): string[] {
  return text.split('\0').filter((s) => s !== '');
}

/** Locale-independent order (git's own path order for ASCII names). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
