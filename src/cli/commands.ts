// The CLI's command table: name → runner and one help line. Each command lives in its own file.

import { checkCommand } from './check-command.js';
import { compileCommand } from './compile-command.js';
import { applyCommand } from './apply-command.js';
import { approveCommand, rejectCommand } from './approve-command.js';
import { reportCommand } from './report-command.js';
import { runCommand } from './run-command.js';
import { runsCommand } from './runs-command.js';
import { cleanCommand } from './clean-command.js';
import { explainCommand } from './explain-command.js';
import { fixCommand } from './fix-command.js';
import { graphCommand } from './graph-command.js';
import { initCommand } from './init-command.js';
import { listCommand } from './list-command.js';
import { schemaCommand } from './schema-command.js';
import { showCommand } from './show-command.js';
import { helpCommand } from './help-command.js';
import type { CommandHelp } from './command-help.js';

export interface Command {
  summary: string;
  /** `gump <command> --help`: usage, description, options, exit codes (command-help.ts). */
  help: CommandHelp;
  run(argv: string[]): Promise<number> | number;
}

export const commands: Record<string, Command> = {
  check: checkCommand,
  compile: compileCommand,
  graph: graphCommand,
  init: initCommand,
  run: runCommand,
  report: reportCommand,
  apply: applyCommand,
  approve: approveCommand,
  reject: rejectCommand,
  runs: runsCommand,
  clean: cleanCommand,
  fix: fixCommand,
  explain: explainCommand,
  list: listCommand,
  show: showCommand,
  schema: schemaCommand,
  help: helpCommand,
};

export function usage(): string {
  const names = Object.keys(commands);
  const width = Math.max(...names.map((n) => n.length));
  return [
    'gump — compile agent workflows into CI pipelines',
    '',
    'usage: gump <command> [options]',
    '',
    ...names.map((n) => `  ${n.padEnd(width)}  ${commands[n]!.summary}`),
    '',
    'Run "gump <command> --help" for a command\'s options, "gump --version" for the version.',
    '',
  ].join('\n');
}
