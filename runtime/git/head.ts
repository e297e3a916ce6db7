// HEAD's commit read from the repository files instead of a `git rev-parse` process (one process
// start less per attempt). Handles what the runtime creates: a `.git` directory or a worktree's
// `.git` file, a detached HEAD or a branch held as a loose or packed ref. Anything else (a cwd
// below the top level, reftable, a symbolic ref chain, an unborn branch) returns undefined and the
// caller asks git.
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** HEAD's commit sha when the files answer it plainly, else undefined. */
export function readHeadFromFiles(cwd: string): string | undefined {
  try {
    const dirs = gitDirs(cwd);
    if (dirs === undefined) return undefined;
    const head = readFileSync(join(dirs.gitDir, 'HEAD'), 'utf8').trim();
    if (SHA.test(head)) return head;
    if (!head.startsWith('ref: refs/heads/')) return undefined;
    return readRef(dirs.commonDir, head.slice('ref: '.length));
  } catch {
    return undefined;
  }
}

/** The worktree's git directory and the common one (they differ in a linked worktree), from the files. */
export function gitDirs(cwd: string): { gitDir: string; commonDir: string } | undefined {
  const dotGit = join(cwd, '.git');
  const st = statSync(dotGit, { throwIfNoEntry: false });
  if (st === undefined) return undefined;
  if (st.isDirectory()) return { gitDir: dotGit, commonDir: dotGit };
  const m = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'));
  if (!m) return undefined;
  const gitDir = resolve(cwd, (m[1] as string).trim());
  const commonFile = join(gitDir, 'commondir'); // absent for a submodule's or --separate-git-dir's gitdir
  const common = statSync(commonFile, { throwIfNoEntry: false }) ? readFileSync(commonFile, 'utf8').trim() : '.';
  return { gitDir, commonDir: resolve(gitDir, common) };
}

function readRef(commonDir: string, ref: string): string | undefined {
  if (ref.split('/').some((part) => part === '' || part === '.' || part === '..')) return undefined;
  const loose = join(commonDir, ref);
  if (statSync(loose, { throwIfNoEntry: false })?.isFile()) {
    const sha = readFileSync(loose, 'utf8').trim();
    return SHA.test(sha) ? sha : undefined;
  }
  const packed = statSync(join(commonDir, 'packed-refs'), { throwIfNoEntry: false })
    ? readFileSync(join(commonDir, 'packed-refs'), 'utf8')
    : '';
  for (const line of packed.split('\n')) {
    const [sha, name] = line.split(' ');
    if (name === ref && sha !== undefined && SHA.test(sha)) return sha;
  }
  return undefined;
}
