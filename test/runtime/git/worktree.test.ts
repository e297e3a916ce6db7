// Run branch and branch worktrees (language.md §1, §6.3) and the hard reset of §9.1/§11 that keeps
// runtime-owned paths while deleting other untracked files.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitError } from '../../../runtime/git/git.js';
import {
  addBranchWorktree,
  createRunBranch,
  headCommit,
  removeWorktree,
  resetTo,
} from '../../../runtime/git/worktree.js';
import { makeScratch, read, sh, write } from './helpers.js';

const scratch = makeScratch();
afterEach(() => scratch.cleanup());

describe('run branch and worktrees', () => {
  it('creates gump/run-<id> at the base in its own directory; a second time fails clearly', async () => {
    const r = scratch.repo();
    const base = sh(r, 'rev-parse', 'HEAD');
    const dir = join(scratch.dir(), 'run');
    await createRunBranch(r, { branch: 'gump/run-1', base, dir });
    expect(await headCommit(dir)).toBe(base);
    expect(sh(dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('gump/run-1');
    expect(sh(r, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    const err = await createRunBranch(r, { branch: 'gump/run-1', base, dir: join(scratch.dir(), 'again') }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GitError);
    expect((err as GitError).message).toMatch(/^git worktree add .*already exists/);
    write(dir, { '.gump/run/state.json': '{}' });
    await removeWorktree(r, dir);
    expect(existsSync(dir)).toBe(false);
  });

  it('adds and removes a detached branch worktree sharing the object store', async () => {
    const r = scratch.repo();
    const base = sh(r, 'rev-parse', 'HEAD');
    const dir = join(scratch.dir(), 'branch-a');
    await addBranchWorktree(r, dir, base);
    expect(sh(dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('HEAD');
    write(dir, { 'x.txt': 'x' });
    sh(dir, 'add', '-A');
    sh(dir, 'commit', '-q', '-m', 'x');
    const head = await headCommit(dir);
    expect(sh(r, 'cat-file', '-t', head)).toBe('commit');
    await removeWorktree(r, dir);
    expect(sh(r, 'worktree', 'list', '--porcelain')).not.toContain('branch-a');
  });
});

describe('resetTo', () => {
  it('hard-resets and deletes untracked files, keeping owned paths and ignored files', async () => {
    const r = scratch.repo({ '.gitignore': 'node_modules/\n', 'a.txt': 'a\n' });
    const pre = sh(r, 'rev-parse', 'HEAD');
    write(r, { 'a.txt': 'committed by the attempt\n' });
    sh(r, 'commit', '-q', '-am', 'attempt');
    write(r, {
      'a.txt': 'dirty\n',
      'junk.txt': 'j',
      'newdir/deep/x.txt': 'x',
      '.gump/stray.txt': 'not owned',
      '.gump/out/o.json': '{}',
      '.gump/run/state.json': '{"k":1}',
      'CLAUDE.md': 'ctx',
      '.cursor/rules/gump-agent.mdc': 'ctx',
      '.cursor/rules/other.mdc': 'agent-made',
      'node_modules/p/index.js': 'ignored',
    });
    await resetTo(r, pre);
    expect(await headCommit(r)).toBe(pre);
    expect(read(r, 'a.txt')).toBe('a\n');
    for (const gone of ['junk.txt', 'newdir', '.gump/stray.txt', '.cursor/rules/other.mdc'])
      expect(existsSync(join(r, gone))).toBe(false);
    expect(read(r, '.gump/run/state.json')).toBe('{"k":1}');
    expect(read(r, '.gump/out/o.json')).toBe('{}');
    expect(read(r, 'CLAUDE.md')).toBe('ctx');
    expect(read(r, '.cursor/rules/gump-agent.mdc')).toBe('ctx');
    expect(read(r, 'node_modules/p/index.js')).toBe('ignored');
  });
});
