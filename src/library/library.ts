// The built-in library (language.md §20): workflows and validators shipped in the package's
// `library/` folder, found next to this module whether run from src/ (tests) or dist/ (bundle).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/** Absolute path of the package's `library/` folder. */
export function libraryRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'library');
    if (existsSync(join(candidate, 'workflows'))) return (cachedRoot = candidate);
    dir = dirname(dir);
  }
  throw new Error('internal: the built-in library folder is missing from the gump package');
}

export type LibraryKind = 'workflow' | 'validator';

function folder(kind: LibraryKind): string {
  return join(libraryRoot(), kind === 'workflow' ? 'workflows' : 'validators');
}

/** Names of the built-ins of one kind, sorted. */
export function listBuiltins(kind: LibraryKind): string[] {
  return readdirSync(folder(kind))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** Text of a built-in, or undefined. */
export function readBuiltin(name: string, kind: LibraryKind): string | undefined {
  if (!/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(name)) return undefined;
  const path = join(folder(kind), `${name}.yaml`);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Display path of a built-in in diagnostics (§19). */
export function builtinDisplayPath(name: string, kind: LibraryKind): string {
  return kind === 'workflow' ? `builtin:${name}.yaml` : `builtin:validators/${name}.yaml`;
}
