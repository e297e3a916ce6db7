// `gump init --target gitlab [--root dir]`: wires the generated GitLab pipelines into the project's
// `.gitlab-ci.yml` (created when absent): one `include:` per workflow of `.gump/workflows/` (and
// per pipeline already in `.gitlab/gump/`), each only when `GUMP_WORKFLOW` names it. Everything
// else in the file is kept; running it again refreshes gump's block only.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findProjectRoot } from '../project/node-host.js';
import { oneOf, parseArgs, UsageError } from './args.js';
import type { Command } from './commands.js';
import { ROOT_OPTION, type CommandHelp } from './command-help.js';
import { withGitlabInclude } from './gitlab-ci-include.js';
import { writeFileAtomic } from './write-file-atomic.js';

const help: CommandHelp = {
  usage: ['gump init --target gitlab [--root <dir>]'],
  description: `Adds to .gitlab-ci.yml (creating it if absent) an include of .gitlab/gump/<name>.yml for every
workflow in .gump/workflows/, each included only when the pipeline variable GUMP_WORKFLOW names it.
Nothing else in the file changes; run it again after adding a workflow. Then compile the pipelines:
  npx gump compile --target gitlab`,
  options: [['--target gitlab', 'the CI target to wire up (GitLab only: GitHub needs no wiring)'], ROOT_OPTION],
  exit: [
    [0, 'written (or already up to date)'],
    [1, "the file's include: has a form gump cannot extend (the lines to add are printed)"],
    [2, 'usage or I/O error'],
  ],
};

export const initCommand: Command = {
  summary: 'wire the generated CI pipelines into the project (GitLab: .gitlab-ci.yml include)',
  help,
  run(argv) {
    const args = parseArgs(argv, ['target', 'root'], ['help']);
    if (args.flags.get('target') === undefined) throw new UsageError('name the target: --target gitlab');
    oneOf('target', args.flags.get('target'), ['gitlab'] as const, 'gitlab');
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const rootFlag = args.flags.get('root');
    const root = resolve(typeof rootFlag === 'string' ? rootFlag : findProjectRoot('.'));
    if (!existsSync(root)) throw new UsageError(`--root ${root} does not exist`);
    const workflows = [
      ...new Set([
        ...names(join(root, '.gump', 'workflows'), /\.ya?ml$/),
        ...names(join(root, '.gitlab', 'gump'), /\.yml$/),
      ]),
    ].sort();
    if (workflows.length === 0) throw new UsageError('no workflow to include: add .gump/workflows/<name>.yaml first');
    const file = join(root, '.gitlab-ci.yml');
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const edit = withGitlabInclude(current, workflows);
    if ('manual' in edit) {
      process.stderr.write(
        `gump init: .gitlab-ci.yml has an include: gump cannot extend; add these entries to it:\n${edit.manual}\n`,
      );
      return 1;
    }
    if (edit.text === current) {
      process.stdout.write('.gitlab-ci.yml up to date\n');
      return 0;
    }
    writeFileAtomic(file, edit.text);
    process.stdout.write(
      `${current === undefined ? 'created' : 'updated'} .gitlab-ci.yml: ${workflows.map((w) => `.gitlab/gump/${w}.yml`).join(', ')}\n`,
    );
    if (current !== undefined && /^stages\s*:/m.test(current)) {
      process.stdout.write(
        'note: .gitlab-ci.yml defines stages:, which replaces the stages of the gump pipelines; remove it or add theirs (see .gitlab/gump/<name>.yml)\n',
      );
    }
    return 0;
  },
};

function names(dir: string, ext: RegExp): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => ext.test(f))
        .map((f) => f.replace(ext, ''))
    : [];
}
