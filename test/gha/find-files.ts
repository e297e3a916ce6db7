// File search like `@actions/glob` as upload-artifact v4 configures it: one pattern per line, `!`
// excludes, a matched directory brings its descendants, and with hidden files excluded (the v4
// default) any file or directory whose name starts with '.' is skipped, the search root included.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { minimatch } from 'minimatch';

export interface FoundFiles {
  files: string[];
  /** The literal directory (or file) each include pattern searched from, in pattern order. */
  searchPaths: string[];
}

const GLOB = /[*?[{]/;

function absolute(cwd: string, pattern: string): string {
  const expanded = pattern.startsWith('~') ? homedir() + pattern.slice(1) : pattern;
  return resolve(cwd, expanded);
}

function searchRoot(pattern: string): string {
  const parts = pattern.split(sep);
  const first = parts.findIndex((p) => GLOB.test(p));
  return first < 0 ? pattern : parts.slice(0, first).join(sep) || sep;
}

/** The path itself or one of its ancestors matches (a matched directory brings its descendants). */
function matchesWithAncestors(path: string, pattern: string, root: string): boolean {
  for (let p = path; p.length >= root.length; p = dirname(p)) {
    if (GLOB.test(pattern) ? minimatch(p, pattern, { dot: true }) : p === pattern) return true;
    if (p === dirname(p)) break;
  }
  return false;
}

export function findFiles(cwd: string, lines: string[], options: { includeHidden: boolean }): FoundFiles {
  const includes: string[] = [];
  const excludes: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('!')) excludes.push(absolute(cwd, line.slice(1).trim()));
    else includes.push(absolute(cwd, line));
  }
  const files = new Set<string>();
  const searchPaths: string[] = [];
  for (const pattern of includes) {
    const root = searchRoot(pattern);
    if (!searchPaths.includes(root)) searchPaths.push(root);
    const stack = existsSync(root) ? [root] : [];
    while (stack.length > 0) {
      const item = stack.pop()!;
      const name = item.split(sep).pop() ?? '';
      if (!options.includeHidden && name.startsWith('.')) continue;
      let isDir: boolean;
      try {
        isDir = statSync(item).isDirectory();
      } catch {
        continue; // a broken symbolic link is omitted
      }
      if (isDir) {
        for (const child of readdirSync(item).sort().reverse()) stack.push(join(item, child));
        continue;
      }
      if (!matchesWithAncestors(item, pattern, root)) continue;
      if (excludes.some((x) => matchesWithAncestors(item, x, searchRoot(x)))) continue;
      files.add(item);
    }
  }
  return { files: [...files], searchPaths };
}
