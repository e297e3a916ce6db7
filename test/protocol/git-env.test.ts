// protocol/git-env.ts: one git environment for the runtime and the CLI — an inherited GIT_DIR
// (a hook, an IDE terminal) never makes gump's git act on another repository.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitEnv, SCRUBBED_GIT_VARIABLES } from '../../protocol/git-env.js';
import { git as runtimeGit } from '../../runtime/git/git.js';
import { git as cliGit } from '../../src/local/runs.js';

describe('gitEnv', () => {
  it('drops repository-selecting variables, fixes locale, prompts and pager, and lets extras win', () => {
    const env = gitEnv(
      { GIT_DIR: '/elsewhere/.git', GIT_WORK_TREE: '/elsewhere', HOME: '/home/u', LC_ALL: 'fr_FR' },
      { GIT_CONFIG_COUNT: '1', PAGER: 'less' },
    );
    for (const k of SCRUBBED_GIT_VARIABLES) expect(env, k).not.toHaveProperty(k);
    expect(env).toMatchObject({
      HOME: '/home/u',
      LC_ALL: 'C',
      GIT_TERMINAL_PROMPT: '0',
      GIT_PAGER: 'cat',
      PAGER: 'less',
      GIT_CONFIG_COUNT: '1',
    });
  });
});

describe('an inherited GIT_DIR', () => {
  const saved = process.env.GIT_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.GIT_DIR;
    else process.env.GIT_DIR = saved;
  });

  it('is ignored by the CLI and the runtime alike: cwd picks the repository', async () => {
    const repo = realpathSync(mkdtempSync(join(tmpdir(), 'gump-git-env-')));
    execFileSync('git', ['init', '-q', repo]);
    const other = realpathSync(mkdtempSync(join(tmpdir(), 'gump-git-env-other-')));
    execFileSync('git', ['init', '-q', other]);
    process.env.GIT_DIR = join(other, '.git');
    expect(cliGit(repo, ['rev-parse', '--absolute-git-dir'])).toBe(join(repo, '.git'));
    expect((await runtimeGit(repo, ['rev-parse', '--absolute-git-dir'])).stdout.trim()).toBe(join(repo, '.git'));
  });
});
