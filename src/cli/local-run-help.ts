// The help of the local-run commands (`gump run`, `report`, `apply`, `approve`, `reject`), kept
// together: they share the run-id convention and the exit codes of a run (docs/runtime.md).

import type { CommandHelp } from './command-help.js';

const RUN_ID = 'A run is named by its id or a unique prefix of it; without one, the latest run.';
const WAITING_RUN_ID =
  'A run is named by its id or a unique prefix of it; without one, the run that waits\n(when several wait, they are listed).';

const RUN_EXITS: [number, string][] = [
  [0, 'the run passed'],
  [1, 'the run failed (fatal)'],
  [2, 'usage or infrastructure error (nothing ran, or the runtime could not go on)'],
  [3, 'the run waits at an approval point (gump approve / gump reject)'],
  [4, 'the run was aborted (rejected)'],
];

export const runHelp: CommandHelp = {
  usage: [
    'gump run <workflow> --spec <file> [--stub] [--isolate-steps] [--input name=value]...',
    'gump run --resume [<run-id>] [--isolate-steps]',
  ],
  description: `Runs a workflow on a new branch gump/run-<id>, in a worktree of its own; your branch and working
tree are never touched. <workflow> is a file or a name (.gump/workflows/<name>.yaml, then the
built-in library). Progress is printed as it happens: a line per attempt, agent (time, turns,
tokens, cost), gate and failure (with the end of the failing output); on a terminal a status line
shows what runs now. At the end: the outcome, the cost, the branch and the next command.`,
  options: [
    ['--spec <file>', 'the spec the workflow implements ({spec})'],
    ['--input name=value', 'a workflow input (repeatable)'],
    ['--stub', 'play every agent with the scripted stub (.gump/stub.yaml or GUMP_STUB_SCRIPT)'],
    ['--isolate-steps', 'run every step and task in a fresh runtime process, as CI jobs do'],
    ['--resume [<run-id>]', 'continue a stopped run without redoing passed steps'],
  ],
  exit: RUN_EXITS,
};

export const reportHelp: CommandHelp = {
  usage: ['gump report [<run-id>] [--format text|json|markdown]'],
  description: `Prints the report of a local run. ${RUN_ID}
text: per step and attempt agent, turns, tokens, cost, duration and gates, then why attempts failed.
json: the same as data (docs/runtime.md "Report JSON"). markdown: the pull/merge request body —
outcome, steps, a section per task, files changed, failures, escalations, totals and cost source.`,
  options: [['--format text|json|markdown', 'output format (default text)']],
  exit: [
    [0, 'printed'],
    [2, 'no such run, or usage error'],
  ],
};

export const applyHelp: CommandHelp = {
  usage: ['gump apply [<run-id>]'],
  description: `Merges a passed run's branch gump/run-<id> into your current branch. ${RUN_ID}
Refuses a run that did not pass and a working tree with uncommitted changes.`,
  options: [],
  exit: [
    [0, 'merged'],
    [1, 'the merge failed (conflicts)'],
    [2, 'the run did not pass, the working tree is dirty, no such run, or usage error'],
  ],
};

export const approveHelp: CommandHelp = {
  usage: ['gump approve [<run-id>] [--isolate-steps]'],
  description: `Approves the approval point a run waits at and continues the run at once; the exit status is the
run's. ${WAITING_RUN_ID}`,
  options: [['--isolate-steps', 'run the rest in a fresh runtime process per step, as CI jobs do']],
  exit: RUN_EXITS,
};

export const rejectHelp: CommandHelp = {
  usage: ['gump reject [<run-id>] [--reason <text>]'],
  description: `Rejects the approval point a run waits at: the run ends aborted (a later gump run --resume waits
at the same point again). ${WAITING_RUN_ID}`,
  options: [['--reason <text>', 'why: recorded in the ledger and shown in the report']],
  exit: [
    [4, 'the run is aborted'],
    [2, 'the run is not waiting, no such run, or usage error'],
  ],
};
