// `gump clean [--keep N] [--all]`: removes finished local runs (worktree, run folder, branch
// gump/run-<id>), newest N kept. Never a waiting or running run, never a branch but a run's own;
// a passed run not yet applied is kept unless --all.

import { allRuns, applied, removeRun } from '../local/housekeeping.js';
import { repoRoot } from '../local/runs.js';
import { parseArgs, UsageError } from './args.js';
import type { Command } from './commands.js';
import { localRunFailure } from './local-run-failure.js';
import type { CommandHelp } from './command-help.js';

const help: CommandHelp = {
  usage: ['gump clean [--keep N] [--all]'],
  description: `Removes finished local runs (status pass, fatal or aborted): the run's worktree, its folder and
its branch gump/run-<id>. Runs that wait for an approval or are running are never touched, nor
any other branch.`,
  options: [
    ['--keep N', 'keep the N newest finished runs (default 0)'],
    [
      '--all',
      'also remove passed runs not merged into your current branch (by default they are\nkept, with a note: gump apply <id> takes them)',
    ],
  ],
  exit: [
    [0, 'done (also when nothing was removed)'],
    [2, 'usage error, or outside a git repository'],
  ],
};

const FINISHED = new Set(['pass', 'fatal', 'aborted']);

export const cleanCommand: Command = {
  summary: 'remove finished local runs (worktrees and run branches)',
  help,
  run(argv) {
    const args = parseArgs(argv, ['keep'], ['all', 'help']);
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const keepFlag = args.flags.get('keep');
    const keep = keepFlag === undefined ? 0 : Number(keepFlag);
    if (typeof keepFlag === 'string' && !/^\d+$/.test(keepFlag))
      throw new UsageError('--keep takes a number of runs (0 or more)');
    try {
      const repo = repoRoot(process.cwd());
      const finished = allRuns(repo).filter((r) => FINISHED.has(r.status));
      const candidates = finished.slice(0, Math.max(0, finished.length - keep));
      let removed = 0;
      for (const run of candidates) {
        if (run.status === 'pass' && !args.flags.has('all') && !applied(repo, run.branch)) {
          process.stdout.write(`kept ${run.id} (passed, not applied: gump apply ${run.id}, or gump clean --all)\n`);
          continue;
        }
        removeRun(repo, run);
        removed++;
        process.stdout.write(`removed ${run.id} (${run.status}, ${run.workflow}) and branch ${run.branch}\n`);
      }
      process.stdout.write(`${removed} run${removed === 1 ? '' : 's'} removed\n`);
      return 0;
    } catch (e) {
      return localRunFailure('clean', e);
    }
  },
};
