// Scratch git repositories for the git-layer tests: a temp dir with an identity of its own (CI has
// no global one), an initial commit, and small file helpers. Every repo is removed by cleanup().
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Scratch {
  /** A fresh temp directory (not a repository). */
  dir(name?: string): string;
  /** A repository with `files` committed on `main`. */
  repo(files?: Record<string, string>): string;
  cleanup(): void;
}

export function makeScratch(): Scratch {
  const roots: string[] = [];
  const dir = (name = 'gump-git-') => {
    const d = mkdtempSync(join(tmpdir(), name));
    roots.push(d);
    return d;
  };
  return {
    dir,
    repo(files = { 'README.md': 'hello\n' }) {
      const r = dir('gump-repo-');
      sh(r, 'init', '-q', '-b', 'main');
      sh(r, 'config', 'user.name', 'Test');
      sh(r, 'config', 'user.email', 'test@example.com');
      sh(r, 'config', 'commit.gpgsign', 'false');
      write(r, files);
      sh(r, 'add', '-A');
      sh(r, 'commit', '-q', '-m', 'init');
      return r;
    },
    cleanup() {
      for (const r of roots) rmSync(r, { recursive: true, force: true });
    },
  };
}

/** Runs git synchronously (test setup only); returns trimmed stdout. */
export function sh(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

export function read(root: string, path: string): string | null {
  return existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : null;
}

/** Paths in commit `rev` (ls-tree), sorted. */
export function treeFiles(cwd: string, rev = 'HEAD'): string[] {
  return sh(cwd, 'ls-tree', '-r', '--name-only', rev).split('\n').filter(Boolean).sort();
}
