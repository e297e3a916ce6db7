// The gump command line: parses argv, dispatches to one command, maps outcomes to exit codes
// (0 ok, 1 diagnostics with errors, 2 usage or I/O error). Never prints a stack trace.
// `gump help <command>` is `gump <command> --help` (help-command.ts).

import { commands, usage } from './commands.js';
import { renderHelp } from './command-help.js';
import { IoError, UsageError } from './args.js';
import { didYouMean } from './did-you-mean.js';
import { VERSION } from '../version.js';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`gump ${VERSION}\n`);
    return 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`gump: unknown command "${name}"${didYouMean(name, Object.keys(commands))}\n\n${usage()}`);
    return 2;
  }
  // Every command's help has one layout (command-help.ts); `--` ends the options.
  const options = rest.indexOf('--') >= 0 ? rest.slice(0, rest.indexOf('--')) : rest;
  if (name !== 'help' && options.some((a) => a === '--help' || a === '-h')) {
    process.stdout.write(renderHelp((await command.load()).help));
    return 0;
  }
  try {
    return await (await command.load()).run(rest);
  } catch (e) {
    if (e instanceof UsageError || e instanceof IoError) {
      process.stderr.write(`gump ${name}: ${e.message}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err.code === 'string' && err.path) {
      process.stderr.write(
        `gump ${name}: cannot read ${err.path}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.message}\n`,
      );
      return 2;
    }
    process.stderr.write(
      `gump ${name}: internal error: ${(e as Error)?.message ?? String(e)}\nThis is a bug in gump; please report it with the input that caused it.\n`,
    );
    return 2;
  }
}

// `gump … | head` closes the pipe early: stop quietly instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 2;
  },
);
