// Runtime-owned paths (language.md §22): `.gump/out/`, `.gump/run/` and every provider context
// file (§16, exact path at the repository root). Never committed, never in diffs, ignored by the
// blast radius, no_write and merge checks. One list, rendered as a predicate and as git arguments.
import { CONTEXT_FILES } from '../../protocol/models.js';

/** Runtime-owned directories, repository-relative, without trailing slash. */
export const OWNED_DIRS: readonly string[] = ['.gump/out', '.gump/run'];

/** Runtime-owned single files (provider context files). */
export const OWNED_FILES: readonly string[] = CONTEXT_FILES;

/** True for a repository-relative path (`/` separators, leading `./` ignored) the runtime owns. */
export function isOwnedPath(path: string): boolean {
  let p = path;
  while (p.startsWith('./')) p = p.slice(2);
  if (OWNED_FILES.includes(p)) return true;
  return OWNED_DIRS.some((d) => p === d || p === `${d}/` || p.startsWith(`${d}/`));
}

/**
 * Pathspecs excluding the owned paths, to follow a positive pathspec (`.`) after `--`. Pathspecs
 * are prefix matches from the top, so `.gump/out` covers everything below it and `CLAUDE.md`
 * only the root file. Not usable together with `--literal-pathspecs` (it disables magic).
 */
export const OWNED_PATHSPEC_EXCLUDES: readonly string[] = [...OWNED_DIRS, ...OWNED_FILES].map(
  (p) => `:(top,exclude,literal)${p}`,
);

/**
 * `git clean -e` patterns (gitignore syntax, anchored with a leading `/`) keeping the owned paths.
 * Pathspec excludes do not work for clean: it would still remove the untracked `.gump/` as a whole.
 */
export const OWNED_CLEAN_EXCLUDES: readonly string[] = [
  ...OWNED_DIRS.map((d) => `/${escapeIgnore(d)}/`),
  ...OWNED_FILES.map((f) => `/${escapeIgnore(f)}`),
];

function escapeIgnore(p: string): string {
  return p.replace(/[\\*?[\]!#]/g, '\\$&');
}
