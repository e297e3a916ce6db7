// The run branch between CI jobs (design.md "state between jobs"): a bundle saved in one clone is
// stored in a fresh (also shallow) clone of the base repository, whole or as base..ref, even when
// the branch has no commit beyond the base; several in one pass, a late prerequisite tried again.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { saveBundle, unbundleAll } from '../../../runtime/git/bundle.js';
import { createRunBranch, snapshot } from '../../../runtime/git/worktree.js';
import { makeScratch, sh, write } from './helpers.js';

const scratch = makeScratch();
afterEach(() => scratch.cleanup());

/** Origin repo with a run worktree holding `commits` snapshot commits beyond the base. */
async function runWith(commits: number) {
  const origin = scratch.repo({ 'a.txt': 'a\n' });
  const base = sh(origin, 'rev-parse', 'HEAD');
  const job1 = join(scratch.dir(), 'job1');
  sh(scratch.dir(), 'clone', '-q', origin, job1);
  const run = join(scratch.dir(), 'run');
  await createRunBranch(job1, { branch: 'gump/run-7', base, dir: run });
  for (let i = 0; i < commits; i++) {
    write(run, { [`f${i}.txt`]: `${i}\n` });
    await snapshot(run, `[gump] step:s${i} task:- attempt:1`);
  }
  return { origin, base, run, head: sh(run, 'rev-parse', 'HEAD'), file: join(scratch.dir(), 'run.bundle') };
}

function freshClone(origin: string, shallow = false): string {
  const dir = join(scratch.dir(), 'job2');
  sh(scratch.dir(), 'clone', '-q', ...(shallow ? ['--depth', '1'] : []), `file://${origin}`, dir);
  return dir;
}

describe('bundle round trip', () => {
  it('whole branch into a fresh clone in another directory', async () => {
    const { origin, run, head, file } = await runWith(2);
    await saveBundle(run, file, 'gump/run-7');
    const clone = freshClone(origin);
    expect(await unbundleAll(clone, [file])).toEqual(new Map());
    expect(sh(clone, 'log', '--format=%s', head, '-2')).toContain('[gump] step:s1 task:- attempt:1');
  });

  it('base..ref into a shallow clone of the base', async () => {
    const { origin, base, run, head, file } = await runWith(3);
    await saveBundle(run, file, 'gump/run-7', base);
    const clone = freshClone(origin, true);
    expect(await unbundleAll(clone, [file])).toEqual(new Map());
    expect(sh(clone, 'show', `${head}:f2.txt`)).toBe('2');
  });

  it('a branch still at its base (git refuses an empty bundle: written by hand)', async () => {
    const { origin, base, run, file } = await runWith(0);
    await saveBundle(run, file, 'gump/run-7', base);
    sh(run, 'bundle', 'verify', file);
    const clone = freshClone(origin, true);
    expect(await unbundleAll(clone, [file])).toEqual(new Map());
    expect(sh(clone, 'rev-parse', `${base}^{commit}`)).toBe(base);
  });

  it('saves HEAD under its branch name and rejects a bare sha as ref', async () => {
    const { origin, base, run, head, file } = await runWith(1);
    await saveBundle(run, file, 'HEAD', base);
    expect(sh(run, 'bundle', 'list-heads', file)).toBe(`${head} HEAD`);
    const clone = freshClone(origin);
    expect(await unbundleAll(clone, [file])).toEqual(new Map());
    await expect(saveBundle(run, file, head, base)).rejects.toThrow(/not a branch or ref name/);
  });
});

describe('unbundleAll', () => {
  it('stores bundles in order in one pass; one whose prerequisite comes later is returned, then stored', async () => {
    const { origin, base, run, file } = await runWith(2);
    const first = sh(run, 'rev-parse', 'HEAD~1');
    const head = sh(run, 'rev-parse', 'HEAD');
    // The parent holds the first commit, the child (`file`) the second, on top of it.
    const parent = join(scratch.dir(), 'parent.bundle');
    sh(run, 'branch', 'first', first);
    await saveBundle(run, parent, 'first', base);
    sh(run, 'bundle', 'create', '-q', file, 'gump/run-7', `^${first}`);
    const clone = freshClone(origin, true);
    const nothing = join(scratch.dir(), 'nothing.bundle');
    const failed = await unbundleAll(clone, [file, nothing, parent]);
    expect([...failed.keys()]).toEqual([file, nothing]);
    expect(failed.get(file)).toMatch(/prerequisite|lacks|missing/i);
    expect(sh(clone, 'rev-parse', `${first}^{commit}`)).toBe(first);
    expect(await unbundleAll(clone, [file])).toEqual(new Map());
    expect(sh(clone, 'show', `${head}:f1.txt`)).toBe('1');
  });
});
