// The help of one command (`gump <command> --help`, `gump help <command>`): usage lines, what it
// does, its options and its exit codes — the same layout for every command, rendered here.

export interface CommandHelp {
  /** Usage lines without `usage: ` (`gump check <file...> [options]`). */
  usage: string[];
  /** What the command does: a paragraph (lines already wrapped at ~100 columns). */
  description: string;
  /** `[flag, meaning]`; `-h, --help` is added. A meaning may span lines (`\n`). */
  options: [string, string][];
  /** `[code, meaning]`, every exit status the command can end with. */
  exit: [number, string][];
}

export function renderHelp(h: CommandHelp): string {
  const options: [string, string][] = [...h.options, ['-h, --help', 'print this help']];
  const width = Math.max(...options.map(([f]) => f.length));
  const pad = ' '.repeat(width + 4);
  return [
    ...h.usage.map((u, i) => `${i === 0 ? 'usage: ' : '       '}${u}`),
    '',
    h.description.trimEnd(),
    '',
    'Options:',
    ...options.map(([f, text]) => `  ${f.padEnd(width)}  ${text.split('\n').join(`\n${pad}`)}`),
    '',
    'Exit status:',
    ...h.exit.map(([code, text]) => `  ${code}  ${text}`),
    '',
  ].join('\n');
}

/** The option every project command takes. */
export const ROOT_OPTION: [string, string] = [
  '--root <dir>',
  'project root (default: nearest folder with .gump/, gump.toml or .git)',
];
