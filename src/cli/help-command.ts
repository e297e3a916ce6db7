// `gump help [<command>]`: the command list, or one command's help (the same as `gump <command> --help`).

import { didYouMean } from './did-you-mean.js';
import { renderHelp, type CommandHelp } from './command-help.js';
import type { Command } from './commands.js';
import { commands, usage } from './commands.js';

const help: CommandHelp = {
  usage: ['gump help [<command>]'],
  description: `Prints the list of commands, or the help of one command: what it does, its options and its exit
codes (the same text as "gump <command> --help").`,
  options: [],
  exit: [
    [0, 'printed'],
    [2, 'unknown command'],
  ],
};

export const helpCommand: Command = {
  summary: 'print the commands, or the help of one (gump help <command>)',
  help,
  async run(argv) {
    const [name] = argv.filter((a) => a !== '--help' && a !== '-h');
    if (name === undefined) {
      process.stdout.write(argv.length > 0 ? renderHelp(help) : usage());
      return 0;
    }
    const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!command) {
      process.stderr.write(`gump help: unknown command "${name}"${didYouMean(name, Object.keys(commands))}\n`);
      return 2;
    }
    process.stdout.write(renderHelp((await command.load()).help));
    return 0;
  },
};
