// hashFiles(): the runner's algorithm — sha256 of each matched file (sorted by path), then sha256 over
// the concatenated digests; '' when nothing matches. Patterns are globs relative to the workspace.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { findFiles } from './find-files.js';

export function hashFiles(workspace: string, patterns: string[]): string {
  const files = findFiles(
    workspace,
    patterns.flatMap((p) => p.split('\n')),
    { includeHidden: true },
  ).files.sort();
  if (files.length === 0) return '';
  const total = createHash('sha256');
  for (const file of files) total.update(createHash('sha256').update(readFileSync(file)).digest());
  return total.digest('hex');
}
