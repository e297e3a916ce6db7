// Attempt snapshots (language.md §1 "snapshots", §1.1 phase 4): commit every worktree change except
// runtime-owned paths, only when something changed, and list what the attempt changed, in one `sh`
// process (gitScript): `git add -A`, then `git commit` (small index) or `git write-tree` +
// `git commit-tree` + `git update-ref` (large index: no second whole-tree stat), no hooks, then
// `git diff --raw -p` when HEAD moved. Commits carry the runtime identity (runtimeIdentityArgs).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { attemptDiffArgs, parseRawPatch } from './changes.js';
import { git, GitError, gitScript, runtimeIdentityArgs, shellGit, shellQuote } from './git.js';
import { gitDirs, readHeadFromFiles } from './head.js';
import { OWNED_PATHSPEC_EXCLUDES } from './owned-paths.js';

export interface SnapshotResult {
  /** The snapshot commit, or null when nothing was staged. */
  commit: string | null;
  /** What changed from `from` to HEAD after the snapshot (changes.ts commitChanges), if asked. */
  files: string[];
  diff: string;
}

/**
 * Stages tracked changes, deletions and untracked non-ignored files, never the owned paths (even
 * when tracked by the user, e.g. their own CLAUDE.md: its index entry stays as committed), and
 * commits with `message`. Returns the new commit sha, or null when nothing was staged.
 */
export async function snapshot(cwd: string, message: string): Promise<string | null> {
  return (await snapshotChanges(cwd, message, undefined)).commit;
}

/**
 * snapshot, plus the files and diff from commit `from` to HEAD afterwards (an agent's own commits
 * included), in the same process; no diff runs when HEAD is still `from`.
 */
export async function snapshotChanges(cwd: string, message: string, from: string | undefined): Promise<SnapshotResult> {
  const head = readHeadFromFiles(cwd) ?? (await revParse(cwd, 'HEAD^{commit}'));
  const knownTree = head === undefined ? undefined : TREES.get(head);
  const config = indexConfig(cwd);
  // The runtime needs a POSIX shell anyway (its gates run in /bin/sh: runtime/gates/shell.ts).
  const r =
    config.length === 0 && head !== undefined
      ? await viaCommitScript(cwd, message, from, head)
      : await viaScript(cwd, config, message, from, head, knownTree);
  if (r.tree !== undefined && r.commit !== null) remember(r.commit, r.tree);
  else if (r.tree !== undefined && head !== undefined) remember(head, r.tree);
  const changes = r.patch === undefined ? { files: [], diff: '' } : parseRawPatch(r.patch);
  return { commit: r.commit, ...changes };
}

interface Raw {
  /** The snapshot's tree, when the commands printed it. */
  tree: string | undefined;
  commit: string | null;
  patch: string | undefined;
}

const ADD = ['add', '-A', '--', '.', ...OWNED_PATHSPEC_EXCLUDES];

/** Index files from this size (about 3,000 paths) are written split and in version 4. */
export const LARGE_INDEX_BYTES = 256 * 1024;

/**
 * `-c` options for the snapshot's commands. `git add -A` and `git write-tree` each rewrite the
 * whole index; with a large one that is most of their time. Version 4 (prefix-compressed paths)
 * makes it smaller and a split index (core.splitIndex) writes only the entries that changed, about
 * a third less time per attempt with 10,000 files (bench/RESULTS.md); on small indexes the split
 * costs more than it saves. Unused shared index files are removed at once, not after two weeks.
 * Reading either format needs nothing from the user's git configuration.
 */
export function indexConfig(cwd: string): string[] {
  return isLargeIndex(cwd)
    ? ['-c', 'index.version=4', '-c', 'core.splitIndex=true', '-c', 'splitIndex.sharedIndexExpire=now']
    : [];
}

/**
 * The index file's size, or a shared index beside it: once split, the index file holds only the
 * entries changed since, and the size alone would send the next snapshot down the small-index path.
 */
function isLargeIndex(cwd: string): boolean {
  const dirs = gitDirs(cwd);
  if (dirs === undefined) return false;
  const size = statSync(join(dirs.gitDir, 'index'), { throwIfNoEntry: false })?.size ?? 0;
  return size >= LARGE_INDEX_BYTES || readdirSync(dirs.gitDir).some((n) => n.startsWith('sharedindex.'));
}

function commitTreeArgs(message: string, head: string | undefined): string[] {
  return [...runtimeIdentityArgs(), 'commit-tree', '--no-gpg-sign', ...(head ? ['-p', head] : []), '-m', message];
}

/** `git commit` logs "commit: <subject>" in the reflog; so does the snapshot. */
function updateRefArgs(message: string, head: string | undefined): string[] {
  const subject = message.split('\n', 1)[0] ?? '';
  return ['update-ref', '-m', `commit${head ? '' : ' (initial)'}: ${subject}`, 'HEAD'];
}

/** Which command a script exit status stands for (the script exits with it when that command fails). */
const STAGES: Record<number, string> = {
  3: 'git add -A',
  4: 'git write-tree',
  5: 'git rev-parse (tree of HEAD)',
  6: 'git commit-tree',
  7: 'git update-ref HEAD',
  8: 'git diff --raw -p',
  9: 'git commit',
};

/**
 * A small index: `git add -A`, `git commit` (hooks off) and the diff. Three git processes instead of
 * viaScript's five: on a small tree `git commit`'s second stat of it costs less than the two more
 * processes (bench/RESULTS.md). Nothing staged is `git commit` failing while `git diff --cached`
 * finds nothing; the new commit is read from the files afterwards.
 */
async function viaCommitScript(cwd: string, message: string, from: string | undefined, head: string): Promise<Raw> {
  const q = shellQuote;
  const g = (args: readonly string[]) => `g ${args.map(q).join(' ')}`;
  const commit = commitArgs(message);
  const lines = [
    `g() { ${shellGit()} "$@"; }`,
    `${g(ADD)} || exit 3`,
    `err=$(${g(commit)} 2>&1 >/dev/null); c=$?`,
    `if [ $c -ne 0 ]; then ${g(['diff', '--cached', '--quiet', '--no-ext-diff'])} || { printf '%s\n' "$err" >&2; exit 9; }; fi`,
    `printf '%s\n' "$c"`,
  ];
  if (from !== undefined) {
    const diff = attemptDiffArgs(from, 'HEAD').map(q);
    lines.push(`if [ $c -eq 0 ] || [ ${q(head)} != ${q(from)} ]; then g ${diff.join(' ')} || exit 8; fi`);
  }
  const res = await gitScript(cwd, `${lines.join('\n')}\n`);
  if (res.code !== 0) throw scriptError(res.code, res.stderr);
  const nl = res.stdout.indexOf('\n');
  const committed = res.stdout.slice(0, nl) === '0';
  const sha = committed ? (readHeadFromFiles(cwd) ?? (await revParse(cwd, 'HEAD^{commit}')) ?? null) : null;
  const patch = from !== undefined && (committed || head !== from) ? res.stdout.slice(nl + 1) : undefined;
  return { tree: undefined, commit: sha, patch };
}

/** `git commit` of the index as it is, hooks off (core.hooksPath to nowhere), quiet. */
function commitArgs(message: string): string[] {
  return [
    ...runtimeIdentityArgs(),
    '-c',
    'core.hooksPath=/dev/null',
    'commit',
    '--no-verify',
    '--quiet',
    '--untracked-files=no',
    '-m',
    message,
  ];
}

function scriptError(code: number, stderr: string): GitError {
  const what = STAGES[code] ?? 'sh -c <git commands>';
  const detail = stderr
    .trim()
    .split(/\s*\n\s*/)
    .join(' | ');
  return new GitError(`${what} failed (snapshot)${detail ? `: ${detail}` : ''}`, [], code, stderr);
}

async function viaScript(
  cwd: string,
  config: readonly string[],
  message: string,
  from: string | undefined,
  head: string | undefined,
  knownTree: string | undefined,
): Promise<Raw> {
  const g = (args: readonly string[]) => `g ${args.map(shellQuote).join(' ')}`;
  const q = shellQuote;
  const base =
    knownTree !== undefined
      ? q(knownTree)
      : head !== undefined
        ? `"$(${g(['rev-parse', '--verify', `${head}^{tree}`])})" || exit 5`
        : `"$(${g(['hash-object', '-t', 'tree', '/dev/null'])})" || exit 5`;
  const lines = [
    `g() { ${shellGit(config)} "$@"; }`,
    `${g(ADD)} || exit 3`,
    `tree=$(${g(['write-tree'])}) || exit 4`,
    `base=${base}`,
    'commit=',
    'if [ "$tree" != "$base" ]; then',
    `  commit=$(${g(commitTreeArgs(message, head))} "$tree") || exit 6`,
    `  ${g(updateRefArgs(message, head))} "$commit" ${q(head ?? '')} || exit 7`,
    'fi',
    `printf '%s %s\\n' "$tree" "$commit"`,
  ];
  if (from !== undefined) {
    const diff = attemptDiffArgs(from, '@TO@').map((a) => (a === '@TO@' ? '"$to"' : q(a)));
    lines.push(`to=\${commit:-${q(head ?? '')}}`);
    lines.push(`if [ -n "$to" ] && [ "$to" != ${q(from)} ]; then g ${diff.join(' ')} || exit 8; fi`);
  }
  const res = await gitScript(cwd, `${lines.join('\n')}\n`);
  if (res.code !== 0) throw scriptError(res.code, res.stderr);
  const nl = res.stdout.indexOf('\n');
  const [tree = '', commit = ''] = res.stdout.slice(0, nl).split(' ');
  const to = commit || head;
  const patch = from !== undefined && to !== undefined && to !== from ? res.stdout.slice(nl + 1) : undefined;
  return { tree, commit: commit || null, patch };
}

async function revParse(cwd: string, rev: string): Promise<string | undefined> {
  const r = await git(cwd, ['rev-parse', '--verify', '--quiet', rev], { allowFail: true });
  return r.code === 0 ? r.stdout.trim() : undefined;
}

/** Tree of each commit a snapshot made or found unchanged (commits never change: no invalidation). */
const TREES = new Map<string, string>();

function remember(commit: string, tree: string): void {
  if (TREES.size >= 1000) TREES.clear();
  TREES.set(commit, tree);
}
