// Shared protocol: the environment every git process of gump runs with, the runtime's
// (runtime/git/git.ts) and the CLI's (src/local/runs.ts) alike — C locale, no prompts, no pager,
// and the inherited variables that select a repository scrubbed, so `cwd` alone picks it (a hook
// or an IDE terminal may export GIT_DIR). Imports nothing.

/** Inherited variables that would point git at another repository, index or pathspec mode. */
export const SCRUBBED_GIT_VARIABLES: readonly string[] = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_PREFIX',
  'GIT_COMMON_DIR',
  'GIT_OBJECT_DIRECTORY',
  'GIT_LITERAL_PATHSPECS',
  'GIT_GLOB_PATHSPECS',
  'GIT_NOGLOB_PATHSPECS',
  'GIT_ICASE_PATHSPECS',
];

/** `base` without the scrubbed variables, with gump's fixed settings, then `extra` (which wins). */
export function gitEnv(
  base: Readonly<Record<string, string | undefined>>,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...base };
  for (const k of SCRUBBED_GIT_VARIABLES) delete env[k];
  return Object.assign(env, { GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', PAGER: 'cat', LC_ALL: 'C' }, extra);
}
