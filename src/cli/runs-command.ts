// `gump runs`: the local runs of this repository, oldest first: id, status, workflow, age, cost.

import { allRuns, renderRuns } from '../local/housekeeping.js';
import { repoRoot } from '../local/runs.js';
import { parseArgs, UsageError } from './args.js';
import type { Command } from './commands.js';
import { localRunFailure } from './local-run-failure.js';
import type { CommandHelp } from './command-help.js';

const help: CommandHelp = {
  usage: ['gump runs'],
  description: `Lists the local runs of this repository, oldest first: id, status (running, waiting, pass, fatal,
aborted), workflow, age and cost. Any command taking a run id also takes a unique prefix of one.`,
  options: [],
  exit: [
    [0, 'listed'],
    [2, 'usage error, or outside a git repository'],
  ],
};

export const runsCommand: Command = {
  summary: 'list the local runs: id, status, workflow, age, cost',
  help,
  run(argv) {
    const args = parseArgs(argv, [], ['help']);
    if (args.positionals.length > 0) throw new UsageError('runs takes no arguments');
    try {
      process.stdout.write(renderRuns(allRuns(repoRoot(process.cwd())), Date.now()));
      return 0;
    } catch (e) {
      return localRunFailure('runs', e);
    }
  },
};
