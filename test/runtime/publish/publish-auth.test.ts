// Push authentication of `publish` (docs/runtime.md): over https the push carries
// GUMP_PUSH_TOKEN as an http.extraHeader given to that git process only — GitHub
// `x-access-token:<token>`, GitLab `oauth2:<token>` — never in .git/config, a remote URL, stdout or
// stderr. The remote is a git smart-HTTP server on 127.0.0.1, reached through `pushInsteadOf` so the
// configured remote URL stays https.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../scenario/harness.js';
import { startGitHttp, type FakeGitHttp } from './fake-git-http.js';
import { gitConfigText, ledgerEvents, passedRun, remoteHeads, runtime } from './runs.js';

const TOKEN = 'ghs_pushTOKEN_abcdef0123456789';

let server: FakeGitHttp | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const basic = (user: string, token: string): string => `basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;

/** A bare `octo/widgets.git` served over HTTP, configured as the https `origin` of the run's repository. */
async function httpsOrigin(r: ScenarioResult, expected: string): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'gump-githttp-'));
  const bare = join(root, 'octo', 'widgets.git');
  mkdirSync(bare, { recursive: true });
  execFileSync('git', ['init', '-q', '--bare', bare]);
  execFileSync('git', ['config', 'http.receivepack', 'true'], { cwd: bare });
  server = await startGitHttp(root, expected);
  execFileSync('git', ['remote', 'add', 'origin', 'https://git.example/octo/widgets.git'], { cwd: r.repo });
  execFileSync('git', ['config', `url.${server.url}/.pushInsteadOf`, 'https://git.example/'], { cwd: r.repo });
  return bare;
}

/** Every file of the repository's git directory that could hold configuration. */
function configFiles(r: ScenarioResult): string {
  const gitDir = join(r.repo, '.git');
  const worktrees = join(gitDir, 'worktrees');
  const extra = readdirSync(worktrees).flatMap((w) =>
    readdirSync(join(worktrees, w))
      .filter((f) => f.startsWith('config'))
      .map((f) => readFileSync(join(worktrees, w, f), 'utf8')),
  );
  return [gitConfigText(r), ...extra].join('\n');
}

describe('publish push authentication', () => {
  it('GitHub: pushes with basic x-access-token:<token> and leaves no trace of the token', async () => {
    const r = await passedRun();
    const bare = await httpsOrigin(r, basic('x-access-token', TOKEN));
    const p = await runtime(r, ['publish'], { GUMP_PUSH_TOKEN: TOKEN, GUMP_PLATFORM: 'github' });
    expect(p.code, p.stderr).toBe(0);
    expect(remoteHeads(bare)).toEqual([`refs/heads/${r.state.branch}`]);
    expect(server!.authorizations.length).toBeGreaterThan(0);
    expect(new Set(server!.authorizations)).toEqual(new Set([basic('x-access-token', TOKEN)]));
    expect(p.stdout + p.stderr + configFiles(r)).not.toContain(TOKEN);
    expect(p.stdout + p.stderr + configFiles(r)).not.toContain(
      Buffer.from(`x-access-token:${TOKEN}`).toString('base64'),
    );
    expect(execFileSync('git', ['remote', 'get-url', 'origin'], { cwd: r.repo, encoding: 'utf8' }).trim()).toBe(
      'https://git.example/octo/widgets.git',
    );
  });

  it('GitLab: pushes with basic oauth2:<token>', async () => {
    const r = await passedRun();
    const bare = await httpsOrigin(r, basic('oauth2', TOKEN));
    const p = await runtime(r, ['publish'], { GUMP_PUSH_TOKEN: TOKEN, GUMP_PLATFORM: 'gitlab' });
    expect(p.code, p.stderr).toBe(0);
    expect(remoteHeads(bare)).toEqual([`refs/heads/${r.state.branch}`]);
    expect(new Set(server!.authorizations)).toEqual(new Set([basic('oauth2', TOKEN)]));
    expect(p.stdout + p.stderr + configFiles(r)).not.toContain(TOKEN);
  });

  it('a refused push is one line with exit 1, without the token; nothing is recorded as published', async () => {
    const r = await passedRun();
    const bare = await httpsOrigin(r, basic('x-access-token', 'the-right-token'));
    const p = await runtime(r, ['publish'], { GUMP_PUSH_TOKEN: TOKEN });
    expect(p.code).toBe(1);
    expect(p.stderr.trim().split('\n')).toHaveLength(1);
    expect(p.stderr).toMatch(
      new RegExp(
        `^gump-runtime: git push of ${r.state.branch.replace(/[.]/g, '\\.')} to origin failed \\(exit 128\\): .*; check the remote and that GUMP_PUSH_TOKEN may push \\(contents: write\\)\\n$`,
      ),
    );
    expect(p.stdout + p.stderr + configFiles(r)).not.toContain(TOKEN);
    expect(remoteHeads(bare)).toEqual([]);
    expect(ledgerEvents(r, 'run.published')).toEqual([]);
  });
});
