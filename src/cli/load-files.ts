// CLI: reads the workflow files named on the command line. A file that cannot be read at all
// (missing, a directory, permission) is an I/O error (exit 2); a file that is read but is not
// a workflow (empty, binary, huge, not YAML) is left to the parse phase, which reports it.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SourceFile } from '../2-check/host.js';
import { FILE_START } from '../1-parse/source-map.js';
import { Collector, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { NodeHost } from '../project/node-host.js';
import { IoError } from './args.js';

/** Beyond this size a file is not read at all (the parse phase refuses far smaller files). */
export const READ_LIMIT_BYTES = 64 * 1024 * 1024;

export interface LoadedFile {
  source: SourceFile;
  /** Absolute path on disk. */
  path: string;
  /** The file's bytes are exactly the UTF-8 encoding of `source.text` (safe to rewrite). */
  utf8: boolean;
  /** Set when the file was too large to read: its only diagnostic. */
  refused?: Diagnostic;
}

/** Stat every path first so a missing file fails the command before any output. */
export function loadFiles(host: NodeHost, paths: readonly string[]): LoadedFile[] {
  for (const p of paths) statFile(host, p);
  return paths.map((p) => loadFile(host, p));
}

/**
 * Every path that can be read, and an IoError for each one that cannot (the command reports the
 * readable ones and still exits 2). A name that is no file but a workflow of the project or the
 * built-in library (`implement-spec`, `workflows/tdd`), as gump run and compile take, resolves so.
 */
export function loadEach(host: NodeHost, paths: readonly string[]): { loaded: LoadedFile[]; failed: IoError[] } {
  const loaded: LoadedFile[] = [];
  const failed: IoError[] = [];
  for (const p of paths) {
    try {
      loaded.push(loadFile(host, p));
    } catch (e) {
      if (!(e instanceof IoError)) throw e;
      const named = existsSync(resolve(host.cwd, p))
        ? undefined
        : host.resolve(p.replace(/^workflows\//, '').replace(/\.ya?ml$/, ''), 'workflow');
      if (named) loaded.push({ source: named, path: named.file, utf8: true });
      else failed.push(e);
    }
  }
  return { loaded, failed };
}

function statFile(host: NodeHost, path: string): number {
  const abs = resolve(host.cwd, path);
  let size: number;
  try {
    const st = statSync(abs);
    if (st.isDirectory()) throw new IoError(`${path} is a directory; name the workflow files to process`);
    size = st.size;
  } catch (e) {
    if (e instanceof IoError) throw e;
    throw new IoError(`cannot read ${path}: ${reason(e)}`);
  }
  return size;
}

function loadFile(host: NodeHost, path: string): LoadedFile {
  const abs = resolve(host.cwd, path);
  const size = statFile(host, path);
  if (size > READ_LIMIT_BYTES) {
    const out = new Collector(path);
    const mb = (size / 1048576).toFixed(1);
    const refused = out.report(
      'GUMP001',
      FILE_START,
      {},
      { message: `file is too large to be a workflow (${mb} MB); it was not read` },
    );
    return { source: { file: path, text: '', builtin: false }, path: abs, utf8: false, refused };
  }
  let raw: Buffer;
  try {
    raw = readFileSync(abs);
  } catch (e) {
    throw new IoError(`cannot read ${path}: ${reason(e)}`);
  }
  const source = host.load(path);
  return { source, path: abs, utf8: Buffer.from(source.text, 'utf8').equals(raw) };
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (e as Error)?.message ?? String(e);
}
