// `gump check <file...> [--format text|json|github] [--target github|gitlab] [--root dir]`:
// exit 0 when no errors (warnings allowed), 1 when any error, 2 on usage or I/O errors.

import { dirname } from 'node:path';
import { checkFiles } from '../compile.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { render, type Format, type Sources } from '../diagnostics/render.js';
import { NodeHost } from '../project/node-host.js';
import { rootOption } from './root-option.js';
import { oneOf, parseArgs, UsageError } from './args.js';
import type { Command } from './commands.js';
import { ROOT_OPTION, type CommandHelp } from './command-help.js';
import { loadEach } from './load-files.js';

const help: CommandHelp = {
  usage: ['gump check <file|name...> [--format text|json|github] [--target github|gitlab] [--root <dir>]'],
  description: `Checks workflows against the gump language (and their callees, recursively).
Warnings do not change the exit status; "checked clean" means no error and no warning.`,
  options: [
    [
      '--format text|json|github',
      'output format (default text); json prints\n{"diagnostics":[{code, slug, severity, message, file, line, column,\nendLine, endColumn, hint?, fix?}]} with 1-based positions',
    ],
    ['--target github|gitlab', 'also report the limits of that CI target (4xx)'],
    ROOT_OPTION,
  ],
  exit: [
    [0, 'no errors (warnings allowed)'],
    [1, 'errors'],
    [2, 'usage or I/O error (e.g. a missing file)'],
  ],
};

export const checkCommand: Command = {
  summary: 'check workflows and print diagnostics',
  help,
  run(argv) {
    const args = parseArgs(argv, ['format', 'target', 'root'], ['help']);
    const format = oneOf<Format>('format', args.flags.get('format'), ['text', 'json', 'github'], 'text');
    const targetFlag = args.flags.get('target');
    const target =
      targetFlag === undefined ? undefined : oneOf('target', targetFlag, ['github', 'gitlab'] as const, 'github');
    if (args.positionals.length === 0) throw new UsageError('name at least one workflow file');
    const host = new NodeHost(rootOption(args.flags.get('root'), dirname(args.positionals[0]!)));
    const { loaded, failed } = loadEach(host, args.positionals);
    const readable = loaded.filter((f) => !f.refused);
    const { results, configDiagnostics } = checkFiles(
      host,
      readable.map((f) => f.source),
      target ? { target } : {},
    );
    const byFile = new Map(readable.map((f, i) => [f, results[i]!.diagnostics]));
    const all: Diagnostic[] = [
      ...configDiagnostics,
      ...loaded.flatMap((f) => (f.refused ? [f.refused] : byFile.get(f)!)),
    ];
    const sources: Sources = host.sources();
    process.stdout.write(render(all, format, sources));
    if (format === 'text' && loaded.length > 0) process.stdout.write(summary(all, loaded.length));
    // A file that cannot be read: the others' results stand, the exit status is 2.
    for (const f of failed) process.stderr.write(`gump check: ${f.message}\n`);
    if (failed.length > 0) return 2;
    return all.some((d) => d.severity === 'error') ? 1 : 0;
  },
};

export function summary(all: Diagnostic[], fileCount: number): string {
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (errors === 0 && warnings === 0)
    return `${fileCount === 1 ? 'checked clean' : `${fileCount} files checked clean`}\n`;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`;
}
