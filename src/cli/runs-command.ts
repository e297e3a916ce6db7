// `gump runs`: the local runs of this repository, oldest first: id, status, workflow, age, cost.

import { userFacingMessage } from '../../runtime/run/errors.js';
import { allRuns, renderRuns } from '../local/housekeeping.js';
import { LocalRunError, repoRoot } from '../local/runs.js';
import { parseArgs, UsageError } from './args.js';
import type { Command } from './commands.js';
import { renderHelp, type CommandHelp } from './command-help.js';

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

const HELP = renderHelp(help);

export const runsCommand: Command = {
  summary: 'list the local runs: id, status, workflow, age, cost',
  help,
  run(argv) {
    const args = parseArgs(argv, [], ['help']);
    if (args.flags.has('help')) {
      process.stdout.write(HELP);
      return 0;
    }
    if (args.positionals.length > 0) throw new UsageError('runs takes no arguments');
    try {
      process.stdout.write(renderRuns(allRuns(repoRoot(process.cwd())), Date.now()));
      return 0;
    } catch (e) {
      const message = e instanceof LocalRunError ? e.message : userFacingMessage(e);
      if (message !== undefined) {
        process.stderr.write(`gump runs: ${message}\n`);
        return 2;
      }
      throw e;
    }
  },
};
