// `gump apply`: merges a passed run's branch into the user's current branch, or changes nothing.
// A merge that would conflict, or would overwrite untracked files, is found first on trees alone
// (`git merge-tree --write-tree`, git ≥ 2.38), so the user's working tree never stops mid-merge;
// the refusal names the files and the next command.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { git, LocalRunError } from './runs.js';

export class ApplyConflict extends LocalRunError {}

interface TrialMerge {
  tree: string;
  conflicts: string[];
}

/** The merge of `branch` into HEAD computed on trees only; undefined when this git cannot. */
function trialMerge(repo: string, branch: string): TrialMerge | undefined {
  try {
    const out = execFileSync('git', ['merge-tree', '--write-tree', '--name-only', '--no-messages', 'HEAD', branch], {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { tree: out.split('\n')[0]!.trim(), conflicts: [] };
  } catch (e) {
    const err = e as { status?: number; stdout?: string };
    if (err.status !== 1 || !err.stdout) return undefined;
    const lines = err.stdout.split('\n');
    const end = lines.indexOf('', 1);
    const files = lines.slice(1, end < 0 ? undefined : end).filter((l) => l !== '');
    return { tree: lines[0]!.trim(), conflicts: [...new Set(files)] };
  }
}

/** Merges `branch` (the run `id`) into the current branch; returns the current branch's name. */
export function applyRun(repo: string, id: string, branch: string): string {
  const current = git(repo, ['rev-parse', '--abbrev-ref', 'HEAD']);
  const trial = trialMerge(repo, branch);
  if (trial && trial.conflicts.length > 0) {
    throw new ApplyConflict(
      `run ${id} conflicts with ${current} in ${trial.conflicts.join(', ')}; nothing was changed.\n` +
        `To merge it and resolve the conflicts by hand: git merge ${branch}  (then edit the files, git add them, git commit; git merge --abort gives up)`,
    );
  }
  if (trial) {
    const incoming = git(repo, ['diff', '--name-only', '--no-renames', 'HEAD', trial.tree])
      .split('\n')
      .filter((f) => f !== '');
    const untracked = new Set(
      git(repo, ['ls-files', '--others', '--exclude-standard'])
        .split('\n')
        .filter((f) => f !== ''),
    );
    const inTheWay = incoming.filter((f) => untracked.has(f));
    if (inTheWay.length > 0) {
      throw new LocalRunError(
        `untracked files in your working tree would be overwritten by run ${id}: ${inTheWay.join(', ')}; nothing was changed.\nMove them away (or commit them), then run gump apply ${id} again`,
      );
    }
  }
  try {
    execFileSync('git', ['merge', '--no-edit', '--no-ff', '-m', `Merge gump run ${id}`, branch], {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    // Never leave the user's tree mid-merge.
    const merging = existsSync(join(git(repo, ['rev-parse', '--absolute-git-dir']), 'MERGE_HEAD'));
    if (merging) git(repo, ['merge', '--abort']);
    const why = `${err.stderr ?? ''}\n${err.stdout ?? ''}`.trim() || (e as Error).message;
    throw new ApplyConflict(
      `git merge ${branch} failed${merging ? ' (merge aborted)' : ''}; nothing was changed:\n${why}`,
    );
  }
  return current;
}
