// Change listing and diffs (language.md §6.2, §8.3, §11, §22): changedFiles between commits or up to
// the working tree, unified diffs with untracked files, owned paths never listed, index untouched.
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changedFiles, commitChanges, diff } from '../../../runtime/git/changes.js';
import { makeScratch, sh, write } from './helpers.js';

const scratch = makeScratch();
afterEach(() => scratch.cleanup());

const OWNED = {
  '.gump/out/o.json': '{}',
  '.gump/run/s.json': '{}',
  'AGENTS.md': 'ctx',
  '.cursor/rules/gump-agent.mdc': 'ctx',
};

function commitAll(r: string, msg: string): void {
  sh(r, 'add', '-A');
  sh(r, 'commit', '-q', '-m', msg);
}

describe('changedFiles', () => {
  it('lists files changed between a commit and HEAD, sorted, owned paths excluded', async () => {
    const r = scratch.repo({ 'a.txt': 'a\n', 'old.txt': 'same content for rename detection\n', 'z.txt': 'z\n' });
    const base = sh(r, 'rev-parse', 'HEAD');
    write(r, { 'z.txt': 'z2\n', 'b/c.txt': 'c\n', ...OWNED });
    renameSync(join(r, 'old.txt'), join(r, 'new.txt'));
    rmSync(join(r, 'a.txt'));
    commitAll(r, 'change'); // the test repo commits owned paths on purpose: they must still be hidden
    expect(await changedFiles(r, base)).toEqual(['a.txt', 'b/c.txt', 'new.txt', 'old.txt', 'z.txt']);
    expect(await changedFiles(r, 'HEAD')).toEqual([]);
  });

  it('with includeWorktree: committed, uncommitted and untracked changes, not ignored ones', async () => {
    const r = scratch.repo({ '.gitignore': 'tmp/\n', 'a.txt': 'a\n', 'b.txt': 'b\n' });
    const base = sh(r, 'rev-parse', 'HEAD');
    write(r, { 'a.txt': 'a2\n' });
    commitAll(r, 'a');
    write(r, { 'b.txt': 'b2\n', 'new/u.txt': 'u\n', 'tmp/x': 'ignored', ...OWNED });
    expect(await changedFiles(r, base)).toEqual(['a.txt']);
    expect(await changedFiles(r, base, { includeWorktree: true })).toEqual(['a.txt', 'b.txt', 'new/u.txt']);
    expect(await changedFiles(r, 'HEAD', { includeWorktree: true })).toEqual(['b.txt', 'new/u.txt']);
  });
});

describe('diff', () => {
  it('between two commits, owned paths excluded', async () => {
    const r = scratch.repo({ 'a.txt': 'a\n' });
    const base = sh(r, 'rev-parse', 'HEAD');
    write(r, { 'a.txt': 'b\n', ...OWNED });
    commitAll(r, 'x');
    const d = await diff(r, base, 'HEAD');
    expect(d).toContain('diff --git a/a.txt b/a.txt');
    expect(d).toContain('-a\n+b\n');
    expect(d).not.toMatch(/\.gump|AGENTS|cursor/);
  });

  it('to the working tree includes untracked files and leaves the real index alone', async () => {
    const r = scratch.repo({ 'a.txt': 'a\n', 'moved.txt': 'line 1\nline 2\nline 3\nline 4\n' });
    const base = sh(r, 'rev-parse', 'HEAD');
    write(r, { 'a.txt': 'a2\n', 'fresh.txt': 'new file\n', ...OWNED });
    renameSync(join(r, 'moved.txt'), join(r, 'renamed.txt'));
    const statusBefore = sh(r, 'status', '--porcelain');
    const d = await diff(r, base);
    expect(d).toContain('diff --git a/a.txt b/a.txt');
    expect(d).toContain('new file mode 100644');
    expect(d).toContain('+new file');
    expect(d).toContain('rename from moved.txt');
    expect(d).not.toMatch(/\.gump|AGENTS|cursor/);
    expect(sh(r, 'status', '--porcelain')).toBe(statusBefore);
    expect(sh(r, 'diff', '--cached', '--name-only')).toBe('');
  });

  it('is empty when nothing changed', async () => {
    const r = scratch.repo();
    write(r, OWNED);
    expect(await diff(r, 'HEAD')).toBe('');
  });
});

describe('commitChanges (one process for the files and the diff of an attempt)', () => {
  it('equals changedFiles + diff: renames, deletions, spaces and newlines in names, owned paths hidden', async () => {
    const r = scratch.repo({
      'a.txt': 'a\n',
      'old name.txt': 'same content for rename detection\n',
      'z.txt': 'z\n',
      'gone.txt': 'g\n',
    });
    const base = sh(r, 'rev-parse', 'HEAD');
    write(r, { 'z.txt': 'z2\n', 'b/c d.txt': 'c\n', 'new\nline.txt': 'n\n', 'ü.txt': 'u\n', ...OWNED });
    renameSync(join(r, 'old name.txt'), join(r, 'new name.txt'));
    rmSync(join(r, 'gone.txt'));
    commitAll(r, 'change');
    const got = await commitChanges(r, base, 'HEAD');
    expect(got.files).toEqual(await changedFiles(r, base));
    expect(got.files).toEqual([
      'b/c d.txt',
      'gone.txt',
      'new\nline.txt',
      'new name.txt',
      'old name.txt',
      'z.txt',
      'ü.txt',
    ]);
    expect(got.diff).toBe(await diff(r, base, 'HEAD'));
    expect(got.diff).toContain('rename from old name.txt');
  });

  it('is empty when nothing changed, and ignores a change of owned paths only', async () => {
    const r = scratch.repo({ 'a.txt': 'a\n' });
    const base = sh(r, 'rev-parse', 'HEAD');
    expect(await commitChanges(r, base, 'HEAD')).toEqual({ files: [], diff: '' });
    write(r, OWNED);
    commitAll(r, 'owned only');
    expect(await commitChanges(r, base, 'HEAD')).toEqual({ files: [], diff: '' });
  });
});
