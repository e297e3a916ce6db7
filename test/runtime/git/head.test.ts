// HEAD read from the repository files (runtime/git/head.ts): the answer `git rev-parse HEAD` gives
// for every layout the runtime creates, and undefined (so callers ask git) for anything else.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readHeadFromFiles } from '../../../runtime/git/head.js';
import { headCommit } from '../../../runtime/git/worktree.js';
import { makeScratch, sh, write } from './helpers.js';

const scratch = makeScratch();
afterEach(() => scratch.cleanup());

describe('readHeadFromFiles', () => {
  it('reads a branch held as a loose ref, then as a packed ref', async () => {
    const r = scratch.repo();
    expect(readHeadFromFiles(r)).toBe(sh(r, 'rev-parse', 'HEAD'));
    sh(r, 'pack-refs', '--all');
    expect(readHeadFromFiles(r)).toBe(sh(r, 'rev-parse', 'HEAD'));
    write(r, { 'b.txt': 'b\n' });
    sh(r, 'add', '-A');
    sh(r, 'commit', '-q', '-m', 'b');
    expect(readHeadFromFiles(r)).toBe(sh(r, 'rev-parse', 'HEAD'));
  });

  it('reads a linked worktree on a branch and a detached one', async () => {
    const r = scratch.repo();
    const base = sh(r, 'rev-parse', 'HEAD');
    const onBranch = join(scratch.dir(), 'wt');
    sh(r, 'worktree', 'add', '-q', '-b', 'gump/run-x', onBranch, base);
    write(onBranch, { 'c.txt': 'c\n' });
    sh(onBranch, 'add', '-A');
    sh(onBranch, 'commit', '-q', '-m', 'c');
    expect(readHeadFromFiles(onBranch)).toBe(sh(onBranch, 'rev-parse', 'HEAD'));
    expect(readHeadFromFiles(onBranch)).not.toBe(base);
    const detached = join(scratch.dir(), 'det');
    sh(r, 'worktree', 'add', '-q', '--detach', detached, base);
    expect(readHeadFromFiles(detached)).toBe(base);
    expect(await headCommit(detached)).toBe(base);
  });

  it('answers undefined below the top level, outside a repository and on an unborn branch', () => {
    const r = scratch.repo();
    mkdirSync(join(r, 'sub'));
    expect(readHeadFromFiles(join(r, 'sub'))).toBeUndefined();
    expect(readHeadFromFiles(scratch.dir())).toBeUndefined();
    const empty = scratch.dir();
    sh(empty, 'init', '-q');
    expect(readHeadFromFiles(empty)).toBeUndefined();
  });

  it('headCommit falls back to git where the files do not answer', async () => {
    const r = scratch.repo();
    mkdirSync(join(r, 'sub'));
    expect(await headCommit(join(r, 'sub'))).toBe(sh(r, 'rev-parse', 'HEAD'));
  });
});
