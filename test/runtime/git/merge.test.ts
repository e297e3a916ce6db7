// Parallel merge (language.md §6.3, §6.4): disjoint branches are applied in order and committed
// once; a file changed by two branches is a conflict listing every file and branch; nothing applied.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyBranches } from '../../../runtime/git/merge.js';
import { addBranchWorktree } from '../../../runtime/git/worktree.js';
import { makeScratch, read, sh, treeFiles, write } from './helpers.js';
import { rmSync } from 'node:fs';

const scratch = makeScratch();
afterEach(() => scratch.cleanup());

/** A branch worktree from `base` with `edit` applied and committed; returns its head. */
async function branch(repo: string, base: string, edit: (dir: string) => void): Promise<string> {
  const dir = join(scratch.dir(), 'branch');
  await addBranchWorktree(repo, dir, base);
  edit(dir);
  sh(dir, 'add', '-A');
  sh(dir, 'commit', '-q', '--allow-empty', '-m', 'branch work');
  return sh(dir, 'rev-parse', 'HEAD');
}

describe('applyBranches', () => {
  it('applies disjoint branches (adds, edits, deletions, renames) and commits once', async () => {
    const r = scratch.repo({ 'shared.txt': 's\n', 'del.txt': 'd\n', 'ren.txt': 'rename me please\n' });
    const base = sh(r, 'rev-parse', 'HEAD');
    const a = await branch(r, base, (d) =>
      write(d, { 'a/new.ts': 'a\n', 'shared.txt': 's-a\n', 'AGENTS.md': 'ctx a' }),
    );
    const b = await branch(r, base, (d) => {
      rmSync(join(d, 'del.txt'));
      write(d, { 'b/x[1].ts': 'b\n', 'AGENTS.md': 'ctx b', '.gump/out/o.json': '{}' });
    });
    const c = await branch(r, base, (d) => {
      rmSync(join(d, 'ren.txt'));
      write(d, { 'moved/ren.txt': 'rename me please\n' });
    });
    const empty = await branch(r, base, () => undefined);
    const res = await applyBranches(
      r,
      base,
      [
        { name: 'a', head: a },
        { name: 'b', head: b },
        { name: 'c', head: c },
        { name: 'e', head: empty },
      ],
      '[gump] merge step:impl',
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.commit).toBe(sh(r, 'rev-parse', 'HEAD'));
    expect(sh(r, 'rev-parse', 'HEAD~1')).toBe(base);
    expect(sh(r, 'log', '-1', '--format=%s')).toBe('[gump] merge step:impl');
    expect(treeFiles(r)).toEqual(['a/new.ts', 'b/x[1].ts', 'moved/ren.txt', 'shared.txt']);
    expect(read(r, 'shared.txt')).toBe('s-a\n');
    expect(read(r, 'del.txt')).toBeNull();
    expect(sh(r, 'status', '--porcelain')).toBe('');
  });

  it('returns null when no branch changed anything', async () => {
    const r = scratch.repo();
    const base = sh(r, 'rev-parse', 'HEAD');
    const a = await branch(r, base, (d) => write(d, { '.gump/run/s.json': '{}' }));
    expect(await applyBranches(r, base, [{ name: 'a', head: a }], 'm')).toEqual({ ok: true, commit: null });
    expect(sh(r, 'rev-parse', 'HEAD')).toBe(base);
  });

  it('reports every conflicting file with every branch, applying nothing', async () => {
    const r = scratch.repo({ 'x.txt': 'x\n', 'y.txt': 'y\n' });
    const base = sh(r, 'rev-parse', 'HEAD');
    const a = await branch(r, base, (d) => write(d, { 'x.txt': 'a\n', 'y.txt': 'a\n', 'only-a.txt': 'a' }));
    const b = await branch(r, base, (d) => write(d, { 'y.txt': 'b\n', 'only-b.txt': 'b' }));
    const c = await branch(r, base, (d) => {
      rmSync(join(d, 'x.txt'));
      write(d, { 'y.txt': 'c\n' });
    });
    const res = await applyBranches(
      r,
      base,
      [
        { name: 'a', head: a },
        { name: 'b', head: b },
        { name: 'c', head: c },
      ],
      'm',
    );
    expect(res).toEqual({
      ok: false,
      conflicts: [
        { file: 'x.txt', branches: ['a', 'c'] },
        { file: 'y.txt', branches: ['a', 'b', 'c'] },
      ],
    });
    expect(sh(r, 'rev-parse', 'HEAD')).toBe(base);
    expect(sh(r, 'status', '--porcelain')).toBe('');
  });
});
