// Attempt snapshots (language.md §1, §1.1 phase 4, §22): everything but runtime-owned paths is
// committed, only when something changed; a user-tracked context file keeps its committed content.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshot } from '../../../runtime/git/snapshot.js';
import { makeScratch, sh, treeFiles, write } from './helpers.js';

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

  it('is fast on a small repository (hot path, measured)', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`src/m${i % 10}/f${i}.ts`] = `export const v${i} = ${i};\n`;
    const r = scratch.repo(files);
    const n = 20;
    let changed = 0;
    let unchanged = 0;
    for (let i = 0; i < n; i++) {
      write(r, { [`src/m${i % 10}/f${i}.ts`]: `changed ${i}\n`, [`new/n${i}.ts`]: 'x\n', '.gump/run/log.txt': `${i}` });
      let t0 = performance.now();
      expect(await snapshot(r, `attempt ${i}`)).not.toBeNull();
      changed += performance.now() - t0;
      t0 = performance.now();
      expect(await snapshot(r, `again ${i}`)).toBeNull();
      unchanged += performance.now() - t0;
    }
    console.log(
      `snapshot: ${(changed / n).toFixed(1)} ms with changes, ${(unchanged / n).toFixed(1)} ms without (200-file repo)`,
    );
    expect(changed / n).toBeLessThan(500);
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
