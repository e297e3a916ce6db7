// `gump explain <code>` prints a catalogue entry (language.md §19): code, slug, severity, message
// template, hint, explanation and the wrong/right examples. Accepts GUMP104, gump104, 104 and the
// slug; `--list` lists every code. Unknown code → exit 2 with a did-you-mean.

import { catalogue, lookupCode, type CatalogueEntry } from '../diagnostics/catalogue/index.js';
import { parseArgs, UsageError } from './args.js';
import type { Command } from './commands.js';
import type { CommandHelp } from './command-help.js';
import { didYouMean } from './did-you-mean.js';

const help: CommandHelp = {
  usage: ['gump explain <code>', 'gump explain --list'],
  description: `Prints what a diagnostic means, why it exists, and a wrong and a right example.
<code> may be written GUMP104, gump104, 104 or as its slug (unknown-step-reference).`,
  options: [['--list', 'list every code with its slug and one line']],
  exit: [
    [0, 'printed'],
    [2, 'unknown code, or usage error'],
  ],
};

export const explainCommand: Command = {
  summary: 'explain a diagnostic code, with examples (--list: all codes)',
  help,
  run(argv) {
    const args = parseArgs(argv, [], ['help', 'list']);
    if (args.flags.has('list')) {
      if (args.positionals.length > 0) throw new UsageError('--list takes no code');
      process.stdout.write(renderCodeList(catalogue));
      return 0;
    }
    if (args.positionals.length !== 1)
      throw new UsageError('name one diagnostic code, e.g. gump explain GUMP104 (or --list)');
    const asked = args.positionals[0]!;
    const entry = findEntry(asked);
    if (!entry)
      throw new UsageError(
        `unknown diagnostic code "${asked}"${suggestCodes(asked)}\nrun "gump explain --list" for every code`,
      );
    process.stdout.write(renderExplanation(entry));
    return 0;
  },
};

/** `GUMP104`, `gump104`, `104`, `0104` → `GUMP104`; anything else is returned as given. */
export function normaliseCode(input: string): string {
  const m = /^(?:gump)?0*(\d{1,3})$/i.exec(input.trim());
  return m ? `GUMP${m[1]!.padStart(3, '0')}` : input.trim();
}

export function findEntry(input: string): CatalogueEntry | undefined {
  const code = normaliseCode(input);
  return lookupCode(code) ?? catalogue.find((e) => e.slug === input.trim().toLowerCase());
}

/** Codes one digit edit (or one swap) away, numerically nearest first; else close slugs. */
function suggestCodes(input: string): string {
  const code = normaliseCode(input);
  const digits = /^GUMP(\d{3})$/.exec(code)?.[1];
  if (digits === undefined)
    return didYouMean(
      input.trim().toLowerCase(),
      catalogue.map((e) => e.slug),
    );
  const near = catalogue
    .map((e) => e.code.slice(4))
    .filter((d) => digitDistance(digits, d) === 1)
    .sort(
      (a, b) =>
        Number(isSwap(digits, b)) - Number(isSwap(digits, a)) ||
        Math.abs(Number(a) - Number(digits)) - Math.abs(Number(b) - Number(digits)) ||
        a.localeCompare(b),
    )
    .slice(0, 3)
    .map((d) => `GUMP${d}`);
  return near.length === 0 ? '' : `; did you mean ${near.join(', ')}?`;
}

/** Edits between two 3-digit strings: substitutions, or one swap of neighbours. */
function digitDistance(a: string, b: string): number {
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return isSwap(a, b) ? 1 : diff;
}

/** `b` is `a` with two neighbouring digits swapped (the likeliest typo: 140 for 104). */
function isSwap(a: string, b: string): boolean {
  return [0, 1].some(
    (i) =>
      a[i] !== a[i + 1] &&
      a[i] === b[i + 1] &&
      a[i + 1] === b[i] &&
      a.slice(0, i) + a.slice(i + 2) === b.slice(0, i) + b.slice(i + 2),
  );
}

export function renderCodeList(entries: readonly CatalogueEntry[]): string {
  return `${entries.map((e) => `${e.code}  ${e.severity.padEnd(7)}  ${e.fixable ? 'fix' : '   '}  ${e.slug}`.trimEnd()).join('\n')}\n`;
}

export function renderExplanation(e: CatalogueEntry): string {
  const out: string[] = [];
  out.push(`${e.code} ${e.slug} (${e.severity}${e.fixable ? ', fixable with gump fix' : ''})`, '');
  out.push(`message: ${e.message}`);
  if (e.hint !== undefined) out.push(`hint:    ${e.hint}`);
  out.push('', ...wrap(e.explain, 100));
  if (e.target) out.push('', `Reported only when compiling for ${e.target} (gump check --target ${e.target}).`);
  out.push('', 'Wrong:', ...indent(e.wrong, '    '), '', 'Right:', ...indent(e.right, '    '));
  const files = Object.keys(e.files ?? {}).sort();
  if (files.length > 0) {
    out.push('', 'Project files used by the examples:');
    for (const f of files) out.push(`  ${f}:`, ...indent(e.files![f]!, '    '));
  }
  return `${out.join('\n')}\n`;
}

function indent(text: string, pad: string): string[] {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l === '' ? '' : pad + l));
}

/** Greedy word wrap; words longer than the width stay whole. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter((w) => w !== '')) {
      if (line !== '' && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines;
}
