// Project access on disk (CLI side): finds the project root and implements ProjectHost with
// §7.4 resolution (.gump/workflows, .gump/validators, then the built-in library).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { CalleeKind, ProjectHost, SourceFile } from '../2-check/host.js';
import { builtinDisplayPath, listBuiltins, readBuiltin } from '../library/library.js';

/** The nearest folder at or above `start` holding `.gump/`, `gump.toml` or `.git`; else `start`. */
export function findProjectRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    if (['.gump', 'gump.toml', '.git'].some((m) => existsSync(join(dir, m)))) return dir;
    const up = dirname(dir);
    if (up === dir) return resolve(start);
    dir = up;
  }
}

export class NodeHost implements ProjectHost {
  /** Absolute path of every project SourceFile handed out, by display path. */
  private readonly absolute = new Map<string, string>();
  /** Text of every SourceFile handed out (built-ins included), by display path, for excerpts. */
  private readonly texts = new Map<string, string>();

  constructor(
    readonly root: string,
    /** Folder display paths are relative to (the user's cwd). */
    readonly cwd: string = process.cwd(),
  ) {}

  /** Load a workflow file named on the command line (display path relative to the cwd). */
  load(path: string): SourceFile {
    const abs = resolve(this.cwd, path);
    const text = readFileSync(abs, 'utf8');
    return this.remember(this.display(abs), abs, text, false);
  }

  resolve(name: string, as: CalleeKind): SourceFile | undefined {
    const folder = this.folder(as);
    for (const ext of ['.yaml', '.yml']) {
      const abs = join(folder, name + ext);
      if (isFile(abs)) return this.remember(this.display(abs), abs, readFileSync(abs, 'utf8'), false);
    }
    const text = readBuiltin(name, as);
    if (text === undefined) return undefined;
    const file = builtinDisplayPath(name, as);
    this.texts.set(file, text);
    return { file, text, builtin: true };
  }

  readRelative(from: SourceFile, path: string): string | undefined {
    if (from.builtin || isAbsolute(path)) return undefined;
    const base = this.absolute.get(from.file);
    if (!base) return undefined;
    const abs = resolve(dirname(base), path);
    return isFile(abs) ? readFileSync(abs, 'utf8') : undefined;
  }

  config(): SourceFile | undefined {
    const abs = join(this.root, 'gump.toml');
    if (!isFile(abs)) return undefined;
    return this.remember(this.display(abs), abs, readFileSync(abs, 'utf8'), false);
  }

  list(as: CalleeKind): string[] {
    const folder = this.folder(as);
    const own = listYaml(folder, '').map((p) => p.replace(/\.ya?ml$/, ''));
    return [...new Set([...own, ...listBuiltins(as)])].sort();
  }

  /** Every file read so far (display path → text): the sources of nested diagnostics. */
  sources(): Map<string, string> {
    return new Map(this.texts);
  }

  private folder(as: CalleeKind): string {
    return join(this.root, '.gump', as === 'workflow' ? 'workflows' : 'validators');
  }

  private display(abs: string): string {
    const rel = relative(this.cwd, abs);
    return isAbsolute(rel) ? abs : rel.split(sep).join('/');
  }

  private remember(file: string, abs: string, text: string, builtin: boolean): SourceFile {
    this.absolute.set(file, abs);
    this.texts.set(file, text);
    return { file, text, builtin };
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** `.yaml`/`.yml` files below `dir`, as `/`-joined paths relative to it. */
function listYaml(dir: string, prefix: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const abs = join(dir, e);
    if (isFile(abs)) return /\.ya?ml$/.test(e) ? [prefix + e] : [];
    return existsSync(abs) ? listYaml(abs, `${prefix}${e}/`) : [];
  });
}
