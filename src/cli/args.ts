// Minimal argv parsing for the CLI: `--flag`, `--flag value`, `--flag=value`, `-h`, positionals
// (`--` ends the options). Other short options are usage errors.

/** Bad command line: exit 2 with the message. */
export class UsageError extends Error {}

/** A named file cannot be read or written: exit 2 with the message. */
export class IoError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: string[], valued: readonly string[], booleans: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h') {
      if (!booleans.includes('help')) throw new UsageError('unknown option -h');
      flags.set('help', true);
      continue;
    }
    if (/^-[A-Za-z]/.test(a)) throw new UsageError(`unknown option ${a}`);
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (valued.includes(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else if (booleans.includes(name) && eq < 0) flags.set(name, true);
    else throw new UsageError(`unknown option --${name}`);
  }
  return { positionals, flags };
}

export function oneOf<T extends string>(
  name: string,
  value: string | true | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (value === true || !(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}
