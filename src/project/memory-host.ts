// An in-memory ProjectHost: a project given as path → text, with the built-in library behind it.
// Used by tests, property tests and benchmarks; resolution follows §7.4 like NodeHost.

import { posix } from 'node:path';
import type { CalleeKind, ProjectHost, SourceFile } from '../2-check/host.js';
import { builtinDisplayPath, listBuiltins, readBuiltin } from '../library/library.js';

export class MemoryHost implements ProjectHost {
  constructor(readonly files: Record<string, string> = {}) {}

  source(path: string): SourceFile {
    const text = this.files[path];
    if (text === undefined) throw new Error(`no file ${path}`);
    return { file: path, text, builtin: false };
  }

  resolve(name: string, as: CalleeKind): SourceFile | undefined {
    for (const ext of ['.yaml', '.yml']) {
      const path = `${projectFolder(as)}/${name}${ext}`;
      if (this.files[path] !== undefined) return this.source(path);
    }
    const text = readBuiltin(name, as);
    return text === undefined ? undefined : { file: builtinDisplayPath(name, as), text, builtin: true };
  }

  readRelative(from: SourceFile, path: string): string | undefined {
    if (from.builtin || path.startsWith('/')) return undefined;
    return this.files[posix.normalize(posix.join(posix.dirname(from.file), path))];
  }

  config(): SourceFile | undefined {
    return this.files['gump.toml'] === undefined ? undefined : this.source('gump.toml');
  }

  list(as: CalleeKind): string[] {
    const prefix = `${projectFolder(as)}/`;
    const own = Object.keys(this.files)
      .filter((p) => p.startsWith(prefix) && /\.ya?ml$/.test(p))
      .map((p) => p.slice(prefix.length).replace(/\.ya?ml$/, ''));
    return [...new Set([...own, ...listBuiltins(as)])].sort();
  }
}

function projectFolder(as: CalleeKind): string {
  return as === 'workflow' ? '.gump/workflows' : '.gump/validators';
}
