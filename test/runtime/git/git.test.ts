// The git wrapper (runtime/git/git.ts): results, one-line GitError, allowFail, stdin input, the
// scrubbed environment, and the runtime identity for commits.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { git, GitError, runtimeIdentityArgs } from '../../../runtime/git/git.js';
import { makeScratch } from './helpers.js';

const scratch = makeScratch();
afterEach(() => scratch.cleanup());

describe('git()', () => {
  it('returns stdout and code 0', async () => {
    const r = scratch.repo();
    const res = await git(r, ['rev-parse', '--abbrev-ref', 'HEAD']);
    expect(res).toMatchObject({ stdout: 'main\n', code: 0 });
  });

  it('throws a one-line GitError naming the command and git stderr', async () => {
    const r = scratch.repo();
    const err = await git(r, ['rev-parse', '--verify', 'nope']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitError);
    const e = err as GitError;
    expect(e.message).toMatch(/^git rev-parse --verify nope failed \(exit 128\): fatal: /);
    expect(e.message).not.toContain('\n');
    expect(e.code).toBe(128);
  });

  it('returns the failure instead with allowFail', async () => {
    const r = scratch.repo();
    const res = await git(r, ['rev-parse', '--verify', 'nope'], { allowFail: true });
    expect(res.code).toBe(128);
    expect(res.stderr).toContain('fatal');
  });

  it('feeds input on stdin', async () => {
    const r = scratch.repo();
    const res = await git(r, ['hash-object', '--stdin'], { input: 'hello\n' });
    expect(res.stdout.trim()).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });

  it('ignores an inherited GIT_DIR and uses cwd', async () => {
    const a = scratch.repo();
    const b = scratch.repo({ 'b.txt': 'b\n' });
    const saved = process.env.GIT_DIR;
    process.env.GIT_DIR = join(a, '.git');
    try {
      expect((await git(b, ['ls-files'])).stdout).toBe('b.txt\n');
    } finally {
      if (saved === undefined) delete process.env.GIT_DIR;
      else process.env.GIT_DIR = saved;
    }
  });

  it('says when the working directory does not exist', async () => {
    const err = (await git(join(scratch.dir(), 'missing'), ['status']).catch((e: unknown) => e)) as GitError;
    expect(err.message).toMatch(/does not exist$/);
  });

  it('runtime identity: gump <gump@localhost>, overridable by env', () => {
    expect(runtimeIdentityArgs({})).toEqual([
      '-c',
      'user.name=gump',
      '-c',
      'user.email=gump@localhost',
      '-c',
      'commit.gpgsign=false',
    ]);
    expect(runtimeIdentityArgs({ GUMP_GIT_NAME: 'bot', GUMP_GIT_EMAIL: 'bot@x' }).slice(0, 4)).toEqual([
      '-c',
      'user.name=bot',
      '-c',
      'user.email=bot@x',
    ]);
  });
});
