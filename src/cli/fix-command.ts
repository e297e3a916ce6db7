// `gump fix <file...> [--dry-run]`: applies every fixable diagnostic in place, round after round
// (src/fix/fix-text.ts), keeping comments, formatting and line endings; writes atomically.
// Exit 0 when the files then check without errors, 1 otherwise, 2 on usage or I/O errors.

import { dirname } from 'node:path';
import { checkFiles } from '../compile.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { render } from '../diagnostics/render.js';
import { fixText, type AppliedFix, type FixResult } from '../fix/fix-text.js';
import { unifiedDiff } from '../fix/unified-diff.js';
import type { CheckOptions } from '../2-check/rule.js';
import { findProjectRoot, NodeHost } from '../project/node-host.js';
import { oneOf, parseArgs, UsageError } from './args.js';
import { summary } from './check-command.js';
import type { Command } from './commands.js';
import { ROOT_OPTION, type CommandHelp } from './command-help.js';
import { loadFiles, type LoadedFile } from './load-files.js';
import { writeFileAtomic } from './write-file-atomic.js';

const help: CommandHelp = {
  usage: ['gump fix <file...> [--dry-run] [--target github|gitlab] [--root <dir>]'],
  description: `Rewrites every diagnostic that has a fix (YAML shapes GUMP005/006, deprecated v0.0.3 spellings
GUMP501/502/504/507/508/509, unquoted templates GUMP510, ...), re-checking after each round
until nothing fixable remains. Comments, formatting and line endings are kept; a second run
changes nothing. Prints what was fixed, then the diagnostics that remain.`,
  options: [
    ['--dry-run', 'write nothing; print a unified diff on stdout (report on stderr)'],
    ['--target github|gitlab', 'also check the limits of that CI target (4xx)'],
    ROOT_OPTION,
  ],
  exit: [
    [0, 'the files check without errors afterwards'],
    [1, 'errors remain'],
    [2, 'usage or I/O error'],
  ],
};

export const fixCommand: Command = {
  summary: 'apply the automatic fixes of diagnostics in place',
  help,
  run(argv) {
    const args = parseArgs(argv, ['target', 'root'], ['help', 'dry-run']);
    const targetFlag = args.flags.get('target');
    const options: CheckOptions =
      targetFlag === undefined ? {} : { target: oneOf('target', targetFlag, ['github', 'gitlab'] as const, 'github') };
    if (args.positionals.length === 0) throw new UsageError('name at least one workflow file');
    const dryRun = args.flags.has('dry-run');
    const root = args.flags.get('root');
    const host = new NodeHost(typeof root === 'string' ? root : findProjectRoot(dirname(args.positionals[0]!)));
    const report = dryRun ? process.stderr : process.stdout;

    const remaining: Diagnostic[] = [];
    const sources = new Map<string, string>();
    for (const file of loadFiles(host, args.positionals)) {
      const outcome = fixFile(host, file, options);
      if (outcome.text !== file.source.text) {
        if (dryRun)
          process.stdout.write(unifiedDiff(file.source.text, outcome.text, file.source.file.replace(/^\.\//, '')));
        else writeFileAtomic(file.path, outcome.text);
      }
      report.write(renderFixReport(file.source.file, outcome, dryRun));
      remaining.push(...outcome.remaining);
      sources.set(file.source.file, outcome.text);
    }
    const config = host.config();
    const all = [...(config ? checkFiles(host, [], options).configDiagnostics : []), ...remaining];
    if (config) sources.set(config.file, config.text);
    report.write(render(all, 'text', sources));
    report.write(summary(all, args.positionals.length));
    return all.some((d) => d.severity === 'error') ? 1 : 0;
  },
};

interface FileOutcome extends Pick<FixResult, 'applied' | 'remaining' | 'settled'> {
  text: string;
  /** Why the file was not rewritten although fixes exist. */
  skipped?: string;
}

function fixFile(host: NodeHost, file: LoadedFile, options: CheckOptions): FileOutcome {
  if (file.refused) return { text: file.source.text, applied: [], remaining: [file.refused], settled: true };
  const check = (text: string): Diagnostic[] =>
    checkFiles(host, [{ ...file.source, text }], options).results[0]!.diagnostics;
  if (!file.utf8) {
    // Rewriting would replace the undecodable bytes: report, never touch the file.
    const remaining = check(file.source.text);
    const skipped = remaining.some((d) => d.fix) ? 'not valid UTF-8 text; left unchanged' : undefined;
    return { text: file.source.text, applied: [], remaining, settled: true, ...(skipped ? { skipped } : {}) };
  }
  const result = fixText(file.source.text, file.source.file, check);
  return { text: result.text, applied: result.applied, remaining: result.remaining, settled: result.settled };
}

/** `fixed <file>:<line>:<col> GUMPnnn slug: description` per fix, then one line per file. */
export function renderFixReport(
  file: string,
  outcome: Pick<FileOutcome, 'applied' | 'settled' | 'skipped'>,
  dryRun: boolean,
): string {
  const verb = dryRun ? 'would fix' : 'fixed';
  const lines = outcome.applied.map(
    (f: AppliedFix) =>
      `${verb} ${file}:${f.line}:${f.col} ${f.code} ${f.slug}: ${f.description.split('\n').join('\n    ')}`,
  );
  const n = outcome.applied.length;
  if (outcome.skipped) lines.push(`${file}: ${outcome.skipped}`);
  else if (n === 0) lines.push(`${file}: nothing to fix`);
  else lines.push(`${file}: ${n} fix${n === 1 ? '' : 'es'} ${dryRun ? 'would be applied' : 'applied'}`);
  if (!outcome.settled) lines.push(`${file}: some fixes could not be applied automatically`);
  return `${lines.join('\n')}\n`;
}
