// `--root <dir>` of the project commands: an existing folder, or a usage error (exit 2); without
// it, the nearest folder at or above `start` holding .gump/, gump.toml or .git.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { findProjectRoot } from '../project/node-host.js';
import { UsageError } from './args.js';

export function rootOption(flag: string | true | undefined, start: string): string {
  if (typeof flag !== 'string') return findProjectRoot(start);
  let isDir = false;
  try {
    isDir = statSync(flag).isDirectory();
  } catch {
    throw new UsageError(`--root ${flag}: no such folder`);
  }
  if (!isDir) throw new UsageError(`--root ${flag}: not a folder`);
  return resolve(flag);
}
