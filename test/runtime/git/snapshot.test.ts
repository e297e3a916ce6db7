// Attempt snapshots (language.md §1, §1.1 phase 4, §22): everything but runtime-owned paths is
// committed, only when something changed; a user-tracked context file keeps its committed content.
import { chmodSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitChanges } from '../../../runtime/git/changes.js';
import { OWNED_PATHSPEC_EXCLUDES } from '../../../runtime/git/owned-paths.js';
import { indexConfig, LARGE_INDEX_BYTES, snapshotChanges, snapshot } from '../../../runtime/git/snapshot.js';
import { makeScratch, sh, treeFiles, write } from './helpers.js';

/** A second clone of `r` at the same commit, with the same identity (a reference to compare with). */
function twin(r: string, scratch: ReturnType<typeof makeScratch>): string {
  const t = join(scratch.dir(), 'twin');
  sh(r, 'clone', '-q', r, t);
  sh(t, 'config', 'user.name', 'Test');
  sh(t, 'config', 'user.email', 'test@example.com');
  return t;
}

/** Every kind of change: modified, deleted, renamed, mode, new nested, odd names, ignored, owned. */
function changeEverything(r: string): void {
  write(r, {
    'a.txt': 'a2\n',
    'deep/er/still/new.txt': 'nested\n',
    'with space/é ü 名前.txt': 'unicode\n',
    'quote\'d "name" $HOME `x`.txt': 'shell characters\n',
    'build/out.js': 'ignored\n',
    '.gump/out/result.json': '{}',
    'CLAUDE.md': 'context',
  });
  rmSync(join(r, 'gone.txt'));
  renameSync(join(r, 'move-me.txt'), join(r, 'moved/here.txt'));
  chmodSync(join(r, 'run.sh'), 0o755);
}

const START = {
  '.gitignore': 'build/\n',
  'a.txt': 'a\n',
  'gone.txt': 'gone\n',
  'move-me.txt': 'a file long enough\nto be detected\nas a rename\nby git diff -M\n',
  'moved/keep.txt': 'k\n',
  'run.sh': 'echo hi\n',
};

const scratch = makeScratch();
afterEach(() => scratch.cleanup());

const OWNED = {
  '.gump/out/result.json': '{}',
  '.gump/run/state.json': '{}',
  'CLAUDE.md': 'context',
  'AGENTS.md': 'context',
  '.cursor/rules/gump-agent.mdc': 'context',
};

describe('snapshot', () => {
  it('commits tracked changes, deletions and untracked files, never owned paths', async () => {
    const r = scratch.repo({ 'a.txt': 'a\n', 'gone.txt': 'x\n' });
    write(r, { 'a.txt': 'a2\n', 'src/new.ts': 'n\n', 'docs/CLAUDE.md': 'nested: not owned\n', ...OWNED });
    rmSync(join(r, 'gone.txt'));
    const sha = await snapshot(r, '[gump] step:code task:- attempt:1');
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(sh(r, 'rev-parse', 'HEAD')).toBe(sha);
    expect(treeFiles(r)).toEqual(['a.txt', 'docs/CLAUDE.md', 'src/new.ts']);
    expect(sh(r, 'log', '-1', '--format=%s|%an <%ae>')).toBe('[gump] step:code task:- attempt:1|gump <gump@localhost>');
    expect(sh(r, 'status', '--porcelain', '--untracked-files=all')).toBe(
      [
        '?? .cursor/rules/gump-agent.mdc',
        '?? .gump/out/result.json',
        '?? .gump/run/state.json',
        '?? AGENTS.md',
        '?? CLAUDE.md',
      ].join('\n'),
    );
  });

  it('commits the tree `git add -A` (owned paths excluded) and `git commit` commit', async () => {
    const r = scratch.repo(START);
    const t = twin(r, scratch);
    changeEverything(r);
    changeEverything(t);
    sh(t, 'add', '-A', '--', '.', ...OWNED_PATHSPEC_EXCLUDES);
    sh(t, 'commit', '-q', '-m', 'reference');
    const sha = await snapshot(r, "[gump] step:it's task:- attempt:1");
    expect(sh(r, 'rev-parse', `${sha}^{tree}`)).toBe(sh(t, 'rev-parse', 'HEAD^{tree}'));
    expect(sh(r, 'ls-tree', '-r', 'HEAD', 'run.sh').split(' ')[0]).toBe('100755');
    const names = sh(r, 'ls-tree', '-r', '-z', '--name-only', 'HEAD').split('\0');
    expect(names).toContain('quote\'d "name" $HOME `x`.txt');
    expect(names).toContain('with space/é ü 名前.txt');
    expect(names).toContain('deep/er/still/new.txt');
    expect(names).not.toContain('build/out.js');
    expect(names).not.toContain('CLAUDE.md');
    expect(sh(r, 'log', '-1', '--format=%B')).toBe("[gump] step:it's task:- attempt:1");
    expect(sh(r, 'rev-parse', 'HEAD^')).toBe(sh(t, 'rev-parse', 'HEAD^'));
    expect(sh(r, 'reflog', '-1', '--format=%gs', 'main')).toBe("commit: [gump] step:it's task:- attempt:1");
  });

  it('captures a mode change alone and a deletion alone', async () => {
    const r = scratch.repo(START);
    chmodSync(join(r, 'run.sh'), 0o755);
    expect(await snapshot(r, 'mode')).not.toBeNull();
    expect(sh(r, 'diff', '--name-status', 'HEAD^', 'HEAD')).toBe('M\trun.sh');
    rmSync(join(r, 'gone.txt'));
    expect(await snapshot(r, 'deletion')).not.toBeNull();
    expect(sh(r, 'diff', '--name-status', 'HEAD^', 'HEAD')).toBe('D\tgone.txt');
    expect(await snapshot(r, 'again')).toBeNull();
  });

  it('commits on a detached HEAD, runs no hooks', async () => {
    const r = scratch.repo();
    sh(r, 'checkout', '-q', '--detach');
    write(r, {
      '.git/hooks/pre-commit': '#!/bin/sh\nexit 1\n',
      '.git/hooks/post-commit': '#!/bin/sh\ntouch post-commit-ran\n',
    });
    chmodSync(join(r, '.git/hooks/pre-commit'), 0o755);
    chmodSync(join(r, '.git/hooks/post-commit'), 0o755);
    const before = sh(r, 'rev-parse', 'HEAD');
    write(r, { 'x.txt': 'x\n' });
    const sha = await snapshot(r, 'detached');
    expect(sh(r, 'rev-parse', 'HEAD')).toBe(sha);
    expect(sh(r, 'rev-parse', 'HEAD^')).toBe(before);
    expect(sh(r, 'rev-parse', 'main')).toBe(before);
    expect(existsSync(join(r, 'post-commit-ran'))).toBe(false);
  });

  it('with `from`: the files and diff commitChanges lists, an agent commit included', async () => {
    const r = scratch.repo(START);
    const base = sh(r, 'rev-parse', 'HEAD');
    changeEverything(r);
    const got = await snapshotChanges(r, 'all', base);
    expect(got.commit).toBe(sh(r, 'rev-parse', 'HEAD'));
    expect(got).toEqual({ commit: got.commit, ...(await commitChanges(r, base, 'HEAD')) });
    expect(got.files).toContain('moved/here.txt');
    expect(got.files).toContain('move-me.txt');
    expect(got.diff).toContain('rename from move-me.txt');
    expect(got.diff).toContain('old mode 100644\nnew mode 100755');
    // The agent committed itself and left nothing else: no snapshot commit, its commit listed.
    const pre = sh(r, 'rev-parse', 'HEAD');
    write(r, { 'agent.txt': 'by the agent\n' });
    sh(r, 'add', 'agent.txt');
    sh(r, 'commit', '-q', '-m', 'agent');
    const own = await snapshotChanges(r, 'nothing left', pre);
    expect(own.commit).toBeNull();
    expect(own.files).toEqual(['agent.txt']);
    expect(own.diff).toContain('+by the agent');
    // Nothing at all: no commit, no diff.
    const head = sh(r, 'rev-parse', 'HEAD');
    expect(await snapshotChanges(r, 'idle', head)).toEqual({ commit: null, files: [], diff: '' });
    expect(sh(r, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('returns null and makes no commit when nothing but owned paths changed', async () => {
    const r = scratch.repo();
    const before = sh(r, 'rev-parse', 'HEAD');
    expect(await snapshot(r, 'nothing')).toBeNull();
    write(r, OWNED);
    expect(await snapshot(r, 'owned only')).toBeNull();
    expect(sh(r, 'rev-parse', 'HEAD')).toBe(before);
  });

  it('ignores files the repository ignores', async () => {
    const r = scratch.repo({ '.gitignore': 'dist/\n' });
    write(r, { 'dist/bundle.js': 'x' });
    expect(await snapshot(r, 'ignored only')).toBeNull();
  });

  it("never changes a user-tracked context file's committed content", async () => {
    const r = scratch.repo({ 'CLAUDE.md': 'user rules\n', 'a.txt': 'a\n' });
    write(r, { 'CLAUDE.md': 'runtime context\n', 'a.txt': 'b\n' });
    expect(await snapshot(r, 'attempt')).not.toBeNull();
    expect(sh(r, 'show', 'HEAD:CLAUDE.md')).toBe('user rules');
    expect(sh(r, 'show', '--name-only', '--format=', 'HEAD')).toBe('a.txt');
    rmSync(join(r, 'CLAUDE.md'));
    expect(await snapshot(r, 'deleted context file')).toBeNull();
    expect(treeFiles(r)).toContain('CLAUDE.md');
  });

  it("fails with git's message when a command fails", async () => {
    const r = scratch.repo();
    write(r, { 'x.txt': 'x\n', '.git/index.lock': '' });
    await expect(snapshot(r, 'locked')).rejects.toThrow(/git add -A.* failed.*index\.lock/);
  });

  it('works without any git identity configured', async () => {
    const r = scratch.repo();
    sh(r, 'config', '--unset', 'user.name');
    sh(r, 'config', '--unset', 'user.email');
    write(r, { 'x.txt': 'x' });
    const home = scratch.dir();
    const saved = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
    Object.assign(process.env, { HOME: home, XDG_CONFIG_HOME: home });
    try {
      expect(await snapshot(r, 'no identity')).toMatch(/^[0-9a-f]{40}$/);
    } finally {
      Object.assign(process.env, saved);
    }
  });

  it('commits each round of changes once, then finds nothing (timing: bench/runtime.mjs)', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`src/m${i % 10}/f${i}.ts`] = `export const v${i} = ${i};\n`;
    const r = scratch.repo(files);
    for (let i = 0; i < 5; i++) {
      write(r, { [`src/m${i % 10}/f${i}.ts`]: `changed ${i}\n`, [`new/n${i}.ts`]: 'x\n', '.gump/run/log.txt': `${i}` });
      expect(await snapshot(r, `attempt ${i}`)).toBe(sh(r, 'rev-parse', 'HEAD'));
      expect(sh(r, 'diff', '--name-only', 'HEAD^', 'HEAD')).toBe(`new/n${i}.ts\nsrc/m${i % 10}/f${i}.ts`);
      expect(await snapshot(r, `again ${i}`)).toBeNull();
    }
  });
});

describe('snapshot cost', () => {
  it('starts no automatic `git maintenance` or `gc --auto` (GIT_TRACE lists every child git starts)', async () => {
    const r = scratch.repo({ 'a.txt': 'a\n' });
    const trace = join(scratch.dir(), 'trace.txt');
    write(r, { 'a.txt': 'a2\n' });
    const saved = process.env.GIT_TRACE;
    process.env.GIT_TRACE = trace;
    try {
      expect(await snapshot(r, 'one')).toMatch(/^[0-9a-f]{40}$/);
    } finally {
      if (saved === undefined) delete process.env.GIT_TRACE;
      else process.env.GIT_TRACE = saved;
    }
    const lines = readFileSync(trace, 'utf8');
    expect(lines).toMatch(/built-in: git .*commit/);
    expect(lines).not.toMatch(/maintenance|gc --auto/);
  });
});

describe('snapshot of a large index (split, version 4)', () => {
  it('commits what `git add -A` and `git commit` commit and leaves one shared index behind', async () => {
    const files: Record<string, string> = { ...START };
    for (let i = 0; i < 4000; i++) files[`tree/d${i % 40}/file-${i}.txt`] = `${i}\n`;
    const r = scratch.repo(files);
    expect(indexConfig(r)).toContain('core.splitIndex=true');
    expect(indexConfig(scratch.repo())).toEqual([]);
    const t = twin(r, scratch);
    for (let round = 0; round < 3; round++) {
      for (const repo of [r, t])
        write(repo, { [`tree/d1/file-${round}.txt`]: `changed ${round}\n`, [`new/${round}.txt`]: 'n\n' });
      sh(t, 'add', '-A', '--', '.', ...OWNED_PATHSPEC_EXCLUDES);
      sh(t, 'commit', '-q', '-m', `reference ${round}`);
      const got = await snapshotChanges(r, `round ${round}`, sh(r, 'rev-parse', 'HEAD'));
      expect(sh(r, 'rev-parse', 'HEAD^{tree}')).toBe(sh(t, 'rev-parse', 'HEAD^{tree}'));
      expect(got.files).toEqual([`new/${round}.txt`, `tree/d1/file-${round}.txt`]);
    }
    // Split, the index file holds only the entries changed since: the index still counts as large.
    expect(statSync(join(r, '.git', 'index')).size).toBeLessThan(LARGE_INDEX_BYTES);
    expect(indexConfig(r)).toContain('core.splitIndex=true');
    changeEverything(r);
    changeEverything(t);
    sh(t, 'add', '-A', '--', '.', ...OWNED_PATHSPEC_EXCLUDES);
    sh(t, 'commit', '-q', '-m', 'reference');
    expect(await snapshot(r, 'everything')).not.toBeNull();
    expect(sh(r, 'rev-parse', 'HEAD^{tree}')).toBe(sh(t, 'rev-parse', 'HEAD^{tree}'));
    expect(readdirSync(join(r, '.git')).filter((n) => n.startsWith('sharedindex.'))).toHaveLength(1);
    // The user's own git reads the split index without any configuration.
    expect(sh(r, 'status', '--porcelain', '--', 'tree', 'new')).toBe('');
    expect(await snapshot(r, 'nothing')).toBeNull();
  }, 60_000);
});
