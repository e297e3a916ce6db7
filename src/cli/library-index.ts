// CLI: what `gump list` and `gump show` know about the built-in library (language.md §20) and
// the project's overrides in .gump/workflows and .gump/validators (§7.4, §22).

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listBuiltins, readBuiltin, type LibraryKind } from '../library/library.js';

export interface LibraryItem {
  kind: LibraryKind;
  /** Name as referenced: `tdd`; validators without their `validators/` prefix. */
  name: string;
  /** First comment line of the file, without `# ` and without a leading `<name>:`. */
  description: string;
  builtin: boolean;
  /** Project file (path relative to the project root) that overrides or defines it. */
  projectFile?: string;
}

/** Reference form of an item: `tdd`, `validators/arch-review`. */
export function reference(item: Pick<LibraryItem, 'kind' | 'name'>): string {
  return item.kind === 'validator' ? `validators/${item.name}` : item.name;
}

/** The first `#` comment line of a YAML file, minus a `<name>:` (or `validators/<name>:`, or last segment) prefix. */
export function describeFile(text: string, name: string): string {
  const first = text.split(/\r?\n/).find((l) => /^\s*#/.test(l));
  if (first === undefined) return '';
  const line = first.replace(/^\s*#+\s?/, '').trim();
  const last = name.slice(name.lastIndexOf('/') + 1);
  for (const prefix of [`${name}:`, `workflows/${name}:`, `validators/${name}:`, `${last}:`]) {
    if (line.startsWith(prefix)) return line.slice(prefix.length).trim();
  }
  return line;
}

/** Built-ins and project files of one kind, sorted by name. */
export function libraryItems(
  kind: LibraryKind,
  projectRoot: string | undefined,
  read: (path: string) => string,
): LibraryItem[] {
  const project = projectRoot === undefined ? new Map<string, string>() : projectFiles(projectRoot, kind);
  const items: LibraryItem[] = listBuiltins(kind).map((name) => {
    const item: LibraryItem = {
      kind,
      name,
      description: describeFile(readBuiltin(name, kind) ?? '', name),
      builtin: true,
    };
    const own = project.get(name);
    if (own !== undefined) item.projectFile = own;
    return item;
  });
  for (const [name, file] of project) {
    if (items.some((i) => i.name === name)) continue;
    items.push({
      kind,
      name,
      description: describeFile(read(join(projectRoot!, file)), name),
      builtin: false,
      projectFile: file,
    });
  }
  return items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** name → project-relative path, `.yaml` winning over `.yml` as in §7.4; subfolders give `a/b`. */
export function projectFiles(root: string, kind: LibraryKind): Map<string, string> {
  const base = `.gump/${kind === 'workflow' ? 'workflows' : 'validators'}`;
  const found = new Map<string, string>();
  const walk = (rel: string, depth: number): void => {
    const abs = join(root, base, rel);
    if (depth > 8 || !isDir(abs)) return;
    for (const entry of readdirSync(abs).sort()) {
      const relEntry = rel === '' ? entry : `${rel}/${entry}`;
      if (isDir(join(abs, entry))) walk(relEntry, depth + 1);
      const m = /^(.*)\.(yaml|yml)$/.exec(relEntry);
      if (!m || !isFile(join(abs, entry))) continue;
      const name = m[1]!;
      if (!found.has(name) || m[2] === 'yaml') found.set(name, `${base}/${relEntry}`);
    }
  };
  walk('', 0);
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function isDir(p: string): boolean {
  try {
    return existsSync(p) && statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
