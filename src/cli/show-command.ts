// `gump show <name>`: prints the YAML of a built-in workflow (`tdd`, `workflows/tdd`) or validator
// (`validators/arch-review`) exactly as shipped, e.g. to copy it into .gump/workflows and adapt it.

import { listBuiltins, readBuiltin, type LibraryKind } from '../library/library.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootOption } from './root-option.js';
import { parseArgs, UsageError } from './args.js';
import type { Command } from './commands.js';
import { ROOT_OPTION, type CommandHelp } from './command-help.js';
import { didYouMean } from './did-you-mean.js';
import { projectFiles } from './library-index.js';

const help: CommandHelp = {
  usage: ['gump show <name> [--root <dir>]'],
  description: `Prints a built-in workflow (freeform, tdd, ...) or validator (validators/arch-review).
To customise one, save it as .gump/workflows/<name>.yaml (or .gump/validators/<name>.yaml):
  gump show tdd > .gump/workflows/tdd.yaml`,
  options: [ROOT_OPTION],
  exit: [
    [0, 'printed'],
    [2, 'no such workflow or validator, or usage error'],
  ],
};

export const showCommand: Command = {
  summary: 'print the YAML of a built-in workflow or validator',
  help,
  run(argv) {
    const args = parseArgs(argv, ['root'], ['help']);
    if (args.positionals.length !== 1) throw new UsageError('name one built-in, e.g. gump show implement-spec');
    const asked = args.positionals[0]!;
    const { kind, name } = parseReference(asked);
    const root = rootOption(args.flags.get('root'), process.cwd());
    const own = projectFiles(root, kind).get(name);
    const text = readBuiltin(name, kind);
    if (text === undefined) {
      // A project-only workflow or validator, as gump list shows it.
      if (own !== undefined) {
        process.stdout.write(readFileSync(join(root, own), 'utf8'));
        return 0;
      }
      throw new UsageError(
        `no built-in ${kind} "${asked}"${suggestion(asked, kind, name)}\nrun "gump list" for every built-in`,
      );
    }
    if (own !== undefined) process.stderr.write(`note: this project overrides it with ${own}\n`);
    process.stdout.write(text);
    return 0;
  },
};

/** `validators/x` → validator x; `workflows/x` or `x` → workflow x; `.yaml`/`.yml` stripped. */
export function parseReference(ref: string): { kind: LibraryKind; name: string } {
  const bare = ref.trim().replace(/\.ya?ml$/, '');
  if (bare.startsWith('validators/')) return { kind: 'validator', name: bare.slice('validators/'.length) };
  if (bare.startsWith('workflows/')) return { kind: 'workflow', name: bare.slice('workflows/'.length) };
  return { kind: 'workflow', name: bare };
}

function suggestion(asked: string, kind: LibraryKind, name: string): string {
  // A validator named without its prefix is the most likely slip.
  if (kind === 'workflow' && readBuiltin(name, 'validator') !== undefined)
    return `; did you mean "validators/${name}"?`;
  const all = [...listBuiltins('workflow'), ...listBuiltins('validator').map((v) => `validators/${v}`)];
  return didYouMean(asked, all);
}
