// `gump apply [<run-id>]`: merges a passed run's branch into the current branch. Refuses on a
// dirty working tree or a run that did not pass; never touches anything else.

import { ApplyConflict, applyRun } from '../local/apply.js';
import { LocalRunError, git, pickRun, readState, repoRoot, runWorktree } from '../local/runs.js';
import { parseArgs } from './args.js';
import type { Command } from './commands.js';
import { localRunFailure } from './local-run-failure.js';
import { applyHelp } from './local-run-help.js';

export const applyCommand: Command = {
  summary: 'merge a passed run into the current branch',
  help: applyHelp,
  run(argv) {
    const args = parseArgs(argv, [], ['help']);
    try {
      const repo = repoRoot(process.cwd());
      const id = pickRun(repo, args.positionals[0]);
      const state = readState(runWorktree(repo, id));
      if (state.status !== 'pass')
        throw new LocalRunError(`run ${id} has status ${state.status}; only a passed run can be applied`);
      const dirty = git(repo, ['status', '--porcelain', '--untracked-files=no']);
      if (dirty !== '')
        throw new LocalRunError(`your working tree has uncommitted changes; commit or stash them first:\n${dirty}`);
      const into = applyRun(repo, id, state.branch);
      process.stdout.write(`merged ${state.branch} into ${into}\n`);
      return 0;
    } catch (e) {
      return localRunFailure('apply', e, e instanceof ApplyConflict ? 1 : 2);
    }
  },
};
