// CLI: replaces a file's content atomically (temp file in the same folder, fsync, rename), so an
// interrupted `gump fix` leaves either the old or the new file, never a truncated one. Symlinks
// are followed (the target is rewritten) and the file mode is kept; a missing file is created.

import {
  closeSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  chmodSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { IoError } from './args.js';

export function writeFileAtomic(path: string, text: string): void {
  let target: string;
  let mode: number;
  try {
    target = realpathSync(path);
    mode = statSync(target).mode & 0o7777;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new IoError(`cannot write ${path}: ${(e as Error).message}`);
    // A new file (compile outputs): created with the usual mode.
    target = path;
    mode = 0o644;
  }
  const tmp = join(dirname(target), `.${basename(target)}.gump-fix-${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', mode);
    try {
      const bytes = Buffer.from(text, 'utf8');
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(tmp, mode);
    renameSync(tmp, target);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temp file was never created or is already gone
    }
    throw new IoError(`cannot write ${path}: ${(e as Error).message}; the file was left unchanged`);
  }
}
