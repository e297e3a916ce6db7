// `gump list`: the built-in workflows and validators (language.md §20) with a one-line
// description each, marking the ones a project file overrides and adding project-only files.

import { readFileSync } from 'node:fs';
import { rootOption } from './root-option.js';
import { parseArgs, UsageError } from './args.js';
import type { Command } from './commands.js';
import { ROOT_OPTION, type CommandHelp } from './command-help.js';
import { libraryItems, type LibraryItem } from './library-index.js';

const help: CommandHelp = {
  usage: ['gump list [--root <dir>]'],
  description: `Lists the built-in workflows and validators. A project file in .gump/workflows or
.gump/validators with the same name overrides a built-in (marked "overridden by");
project-only workflows are listed too. "gump show <name>" prints a built-in.`,
  options: [ROOT_OPTION],
  exit: [
    [0, 'listed'],
    [2, 'usage or I/O error'],
  ],
};

export const listCommand: Command = {
  summary: 'list the built-in workflows and validators (and project overrides)',
  help,
  run(argv) {
    const args = parseArgs(argv, ['root'], ['help']);
    if (args.positionals.length > 0) throw new UsageError('list takes no arguments');
    const rootFlag = args.flags.get('root');
    const root = rootOption(rootFlag, process.cwd());
    const read = (p: string): string => readFileSync(p, 'utf8');
    process.stdout.write(
      renderLibraryList(libraryItems('workflow', root, read), libraryItems('validator', root, read)),
    );
    return 0;
  },
};

export function renderLibraryList(workflows: LibraryItem[], validators: LibraryItem[]): string {
  const width = Math.max(...[...workflows, ...validators].map((i) => i.name.length), 4);
  const row = (i: LibraryItem): string => {
    const mark =
      i.projectFile === undefined
        ? ''
        : i.builtin
          ? `  [overridden by ${i.projectFile}]`
          : `  [project: ${i.projectFile}]`;
    return `  ${i.name.padEnd(width)}  ${i.description}${mark}`.trimEnd();
  };
  return [
    'workflows:',
    ...workflows.map(row),
    '',
    'validators (use as validators/<name>):',
    ...validators.map(row),
    '',
  ].join('\n');
}
