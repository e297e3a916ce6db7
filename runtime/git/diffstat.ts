// What a run changed, for people (the report's "Files changed", the approval prompt): per file the
// lines added and removed between the run's base and its tip, owned paths excluded. Synchronous
// (`git diff --numstat`), so the report writers stay synchronous; undefined when git cannot tell.

import { execFileSync } from 'node:child_process';
import { isOwnedPath, OWNED_PATHSPEC_EXCLUDES } from './owned-paths.js';

export interface FileStat {
  path: string;
  /** Lines added and removed; undefined for a binary file. */
  added?: number;
  removed?: number;
}

export function diffStat(cwd: string, from: string, to = 'HEAD'): FileStat[] | undefined {
  let out: string;
  try {
    out = execFileSync(
      'git',
      [
        '--no-pager',
        'diff',
        '--numstat',
        '-z',
        '--no-renames',
        '--no-ext-diff',
        '--no-textconv',
        '--no-relative',
        from,
        to,
        '--',
        '.',
        ...OWNED_PATHSPEC_EXCLUDES,
      ],
      {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        env: cleanEnv(),
        maxBuffer: 64 * 1024 * 1024,
      },
    );
  } catch {
    return undefined;
  }
  const files: FileStat[] = [];
  for (const entry of out.split('\0')) {
    const m = /^(-|\d+)\t(-|\d+)\t(.+)$/s.exec(entry.replace(/^\n/, ''));
    if (!m || isOwnedPath(m[3]!)) continue;
    files.push({ path: m[3]!, ...(m[1] === '-' ? {} : { added: Number(m[1]), removed: Number(m[2]) }) });
  }
  return files;
}

/** The inherited environment without variables that would point git at another repository. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C' };
  for (const k of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY'])
    delete env[k];
  return env;
}
