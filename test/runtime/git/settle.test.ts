// Settling a fresh checkout (runtime/git/settle.ts): after a run or branch worktree is made, no index
// entry of a large checkout is racily clean (its mtime is in an earlier second than the index file),
// the worktree is still clean, links are dated themselves and not their targets, and a change made
// right away, in the same second and with the same size, is still committed by the next snapshot.
import { lstatSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotChanges } from '../../../runtime/git/snapshot.js';
import { addBranchWorktree, createRunBranch } from '../../../runtime/git/worktree.js';
import { makeScratch, sh, write } from './helpers.js';

const scratch = makeScratch();
afterAll(() => scratch.cleanup());

/** Each index entry's mtime in whole seconds, by path (`git ls-files --debug`). */
function entrySeconds(cwd: string): Map<string, number> {
  const out = new Map<string, number>();
  let path = '';
  for (const line of sh(cwd, 'ls-files', '--debug').split('\n')) {
    const m = /^\s+mtime: (\d+):/.exec(line);
    if (m) out.set(path, Number(m[1]));
    else if (!line.startsWith(' ')) path = line;
  }
  return out;
}

/** The index file's mtime in whole seconds. */
function indexSecond(cwd: string): number {
  return Math.floor(statSync(sh(cwd, 'rev-parse', '--path-format=absolute', '--git-path', 'index')).mtimeMs / 1000);
}

/** One repository of 4,002 paths (a large index), a link to a file outside it among them. */
let r = '';
let outside = '';
beforeAll(() => {
  outside = join(scratch.dir(), 'target.txt');
  writeFileSync(outside, 'outside\n');
  const files: Record<string, string> = { 'src/a.txt': 'aaaa\n' };
  for (let i = 0; i < 4000; i++) files[`tree/d${i % 40}/file-${i}.txt`] = `${i}\n`;
  r = scratch.repo(files);
  symlinkSync(outside, join(r, 'link'));
  sh(r, 'add', 'link');
  sh(r, 'commit', '-q', '-m', 'link');
}, 60_000);

describe('settling a fresh checkout', () => {
  it.each([
    ['run worktree', (dir: string) => createRunBranch(r, { branch: 'gump/run-x', base: 'HEAD', dir })],
    ['branch worktree', (dir: string) => addBranchWorktree(r, dir, sh(r, 'rev-parse', 'HEAD'))],
  ])(
    '%s of a large index: no racily clean entry, clean, links dated themselves',
    async (_kind, make) => {
      const targetMtime = statSync(outside).mtimeMs;
      const dir = join(scratch.dir(), 'wt');
      await make(dir);
      const entries = entrySeconds(dir);
      expect(entries.size).toBe(4002);
      const index = indexSecond(dir);
      const racy = [...entries].filter(([, s]) => s >= index).map(([p]) => p);
      expect(racy).toEqual([]);
      expect(sh(dir, 'status', '--porcelain')).toBe('');
      expect(statSync(outside).mtimeMs).toBe(targetMtime);
      expect(Math.floor(lstatSync(join(dir, 'link')).mtimeMs / 1000)).toBeLessThan(index);
    },
    60_000,
  );

  it('a change made right after, same size and same second, is in the next snapshot', async () => {
    const dir = join(scratch.dir(), 'wt');
    await createRunBranch(r, { branch: 'gump/run-y', base: 'HEAD', dir });
    const before = sh(dir, 'rev-parse', 'HEAD');
    write(dir, { 'src/a.txt': 'bbbb\n', 'tree/d3/file-3.txt': '9\n' });
    const got = await snapshotChanges(dir, 'right away', before);
    expect(got.files).toEqual(['src/a.txt', 'tree/d3/file-3.txt']);
  }, 60_000);

  it('leaves a small checkout as git made it', async () => {
    const small = scratch.repo({ 'a.txt': 'a\n', 'b/c.txt': 'c\n' });
    const dir = join(scratch.dir(), 'wt');
    const t0 = Date.now();
    await createRunBranch(small, { branch: 'gump/run-z', base: 'HEAD', dir });
    // Settling dates files at least one second back; the file system's clock may lag a few ms.
    for (const f of ['a.txt', 'b/c.txt']) expect(statSync(join(dir, f)).mtimeMs).toBeGreaterThan(t0 - 500);
  });
});
