// `publish` in the GitHub result job (docs/runtime.md): pushes exactly gump/run-<id> of a passed run
// (of a waiting run only with --waiting, of a failed run never), opens the pull request with the
// Markdown report as its body and updates it on a second publish (422 duplicate), reports API
// refusals as one actionable line, and never writes or prints the token.

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGithub, GITHUB_TOKEN, REPOSITORY, type FakeGithub } from './fake-github.js';
import {
  addOrigin,
  fatalRun,
  gitConfigText,
  ledgerEvents,
  passedRun,
  remoteHeads,
  runtime,
  waitingRun,
} from './runs.js';

let fake: FakeGithub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function githubEnv(f: FakeGithub, extra: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_API_URL: `${f.url}/api/v3`,
    GITHUB_REPOSITORY: REPOSITORY,
    GUMP_PUSH_TOKEN: GITHUB_TOKEN,
    GITHUB_REF_NAME: 'main',
    ...extra,
  };
}

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  await new Promise((ok) => server.close(ok));
  return port;
}

function noStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at /m);
}

describe('publish --open-pr github', () => {
  it('pushes only gump/run-<id>, opens the PR with the report as body, updates it on a second publish', async () => {
    const r = await passedRun();
    expect(r.state.status).toBe('pass');
    const origin = addOrigin(r);
    fake = await startFakeGithub();
    const dir = mkdtempSync(join(tmpdir(), 'gump-pub-'));
    const output = join(dir, 'github-output');
    const bodyFile = join(dir, 'body.md');
    const env = githubEnv(fake, { GITHUB_OUTPUT: output });

    const first = await runtime(r, ['publish', '--open-pr', 'github', '--body', bodyFile], env);
    expect(first.code, first.stderr).toBe(0);
    expect(remoteHeads(origin)).toEqual([`refs/heads/${r.state.branch}`]);
    expect(first.stdout).toContain(`pushed ${r.state.branch} (`);
    expect(first.stdout).toContain(`opened pull request #41: https://github.example/${REPOSITORY}/pull/41`);

    const post = fake.requests[0]!;
    expect(post.method).toBe('POST');
    expect(post.url).toBe(`/api/v3/repos/${REPOSITORY}/pulls`);
    expect(post.headers.authorization).toBe(`Bearer ${GITHUB_TOKEN}`);
    expect(post.headers.accept).toBe('application/vnd.github+json');
    expect(post.headers['x-github-api-version']).toBe('2022-11-28');
    const body = readFileSync(bodyFile, 'utf8');
    expect(post.body).toEqual({
      title: 'gump: greet — Add a greeting | to the CLI',
      head: r.state.branch,
      base: 'main',
      body,
    });
    expect(body).toContain(`## gump run \`${r.runId}\` (greet): passed`);
    expect(body).toMatch(/^\| `impl` \| ✅ pass \| 1 \| claude-sonnet \| 1 \| 0 \/ 0 \| \$0\.00\* \| \d+\.\ds \|$/m);
    expect(body).not.toContain('resume=');
    expect(readFileSync(output, 'utf8')).toBe(`pr_url=https://github.example/${REPOSITORY}/pull/41\npr_number=41\n`);
    expect(ledgerEvents(r, 'run.pull_request')).toEqual([
      expect.objectContaining({ platform: 'github', url: `https://github.example/${REPOSITORY}/pull/41`, number: 41 }),
    ]);

    const second = await runtime(r, ['publish', '--open-pr', 'github', '--base', 'release'], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('updated pull request #41');
    expect(fake.requests.slice(1).map((q) => `${q.method} ${q.url}`)).toEqual([
      `POST /api/v3/repos/${REPOSITORY}/pulls`,
      `GET /api/v3/repos/${REPOSITORY}/pulls?head=${encodeURIComponent(`octo:${r.state.branch}`)}&state=open`,
      `PATCH /api/v3/repos/${REPOSITORY}/pulls/41`,
    ]);
    expect((fake.requests[1]!.body as { base: string }).base).toBe('release');
    expect(fake.requests[3]!.body).toEqual({ body });
    expect(fake.pulls).toHaveLength(1);
    expect(remoteHeads(origin)).toEqual([`refs/heads/${r.state.branch}`]);

    for (const text of [first.stdout, first.stderr, second.stdout, second.stderr, gitConfigText(r)])
      expect(text).not.toContain(GITHUB_TOKEN);
  });

  it('pushes nothing and calls no API for a failed run; --waiting refuses it too', async () => {
    const r = await fatalRun();
    expect(r.state.status).toBe('fatal');
    const origin = addOrigin(r);
    fake = await startFakeGithub();
    const plain = await runtime(r, ['publish', '--open-pr', 'github'], githubEnv(fake));
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe(`gump-runtime: run ${r.runId} has status fatal; only a passed run is published\n`);
    const waiting = await runtime(r, ['publish', '--waiting'], githubEnv(fake));
    expect(waiting.code).toBe(1);
    expect(waiting.stderr).toBe(
      `gump-runtime: run ${r.runId} has status fatal; --waiting publishes only a run waiting at an approval point\n`,
    );
    expect(remoteHeads(origin)).toEqual([]);
    expect(fake.requests).toEqual([]);
    expect(ledgerEvents(r, 'run.published')).toEqual([]);
  });

  it('--waiting pushes the branch of a run waiting at an approval point; without it the run is refused', async () => {
    const r = await waitingRun();
    expect(r.state.status).toBe('waiting');
    const origin = addOrigin(r);
    const refused = await runtime(r, ['publish']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('only a passed run is published (use --waiting to push a waiting run for review)');
    expect(remoteHeads(origin)).toEqual([]);

    const pushed = await runtime(r, ['publish', '--waiting']);
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(remoteHeads(origin)).toEqual([`refs/heads/${r.state.branch}`]);
    expect(ledgerEvents(r, 'run.published')).toEqual([
      expect.objectContaining({ remote: 'origin', branch: r.state.branch }),
    ]);
    // Still waiting: publishing does not decide anything.
    expect(JSON.parse(readFileSync(join(r.worktree, '.gump', 'run', 'state.json'), 'utf8')).status).toBe('waiting');
  });

  it('--waiting refuses a passed run', async () => {
    const r = await passedRun();
    const origin = addOrigin(r);
    const p = await runtime(r, ['publish', '--waiting']);
    expect(p.code).toBe(1);
    expect(p.stderr).toContain('has status pass; --waiting publishes only a run waiting at an approval point');
    expect(remoteHeads(origin)).toEqual([]);
  });

  it('reports 401, 403 and network failures as one line naming status, message and what to check; exit 1', async () => {
    const r = await passedRun();
    addOrigin(r);
    fake = await startFakeGithub();

    const bad = await runtime(
      r,
      ['publish', '--open-pr', 'github'],
      githubEnv(fake, { GUMP_PUSH_TOKEN: 'ghs_wrongTOKENvalue' }),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      `gump-runtime: GitHub API POST /pulls answered 401 Unauthorized: Bad credentials; check that GUMP_PUSH_TOKEN holds a valid, unexpired token\n`,
    );
    expect(bad.stderr + bad.stdout).not.toContain('ghs_wrongTOKENvalue');

    fake.failWith = { status: 403, message: 'Resource not accessible by integration' };
    const forbidden = await runtime(r, ['publish', '--open-pr', 'github'], githubEnv(fake));
    expect(forbidden.code).toBe(1);
    const line = forbidden.stderr.trim();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain('403 Forbidden: Resource not accessible by integration');
    expect(line).toContain('`contents: write` and `pull-requests: write`');
    expect(line).toContain('"Allow GitHub Actions to create and approve pull requests"');
    noStackTrace(forbidden.stderr);

    fake.failWith = { status: 502, message: 'Server Error' };
    const down = await runtime(r, ['publish', '--open-pr', 'github'], githubEnv(fake));
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('answered 502 Bad Gateway: Server Error; GitHub had an error; re-run the job');

    const closed = await closedPort();
    const unreachable = await runtime(
      r,
      ['publish', '--open-pr', 'github'],
      githubEnv(fake, { GITHUB_API_URL: `http://127.0.0.1:${closed}` }),
    );
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toBe(
      `gump-runtime: POST http://127.0.0.1:${closed}/repos/octo/widgets/pulls failed: ECONNREFUSED; check GITHUB_API_URL and the network\n`,
    );
    for (const p of [bad, forbidden, down, unreachable]) expect(p.stderr + p.stdout).not.toContain(GITHUB_TOKEN);
    expect(ledgerEvents(r, 'run.pull_request')).toEqual([]);
  });

  it('names a missing variable (exit 2) and a bad --open-pr value (exit 2)', async () => {
    const r = await passedRun();
    addOrigin(r);
    const noRepo = await runtime(r, ['publish', '--open-pr', 'github', '--base', 'main'], {
      GITHUB_API_URL: 'http://127.0.0.1:9',
      GUMP_PUSH_TOKEN: GITHUB_TOKEN,
    });
    expect(noRepo.code).toBe(2);
    expect(noRepo.stderr).toBe(
      'gump-runtime: GITHUB_REPOSITORY is not set; it must be <owner>/<repository> (set by GitHub Actions)\n',
    );
    // A malformed setting is a usage problem too (exit 2), not the platform failing.
    const badRepo = await runtime(r, ['publish', '--open-pr', 'github', '--base', 'main'], {
      GITHUB_API_URL: 'http://127.0.0.1:9',
      GITHUB_REPOSITORY: 'no-slash',
      GUMP_PUSH_TOKEN: GITHUB_TOKEN,
    });
    expect([badRepo.code, badRepo.stderr]).toEqual([
      2,
      'gump-runtime: GITHUB_REPOSITORY is "no-slash"; it must be <owner>/<repository> (set by GitHub Actions)\n',
    ]);
    const noBase = await runtime(r, ['publish', '--open-pr', 'github'], {});
    expect(noBase.code).toBe(2);
    expect(noBase.stderr).toBe(
      'gump-runtime: no base branch for the pull request: give --base or set GITHUB_REF_NAME\n',
    );
    const bogus = await runtime(r, ['publish', '--open-pr', 'bitbucket']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toBe('gump-runtime: --open-pr takes github or gitlab, not "bitbucket"\n');
    expect(existsSync(join(r.repo, '.git', 'config'))).toBe(true);
  });
});
