// The GitLab client of `publish --open-pr gitlab` against a fake GitLab REST server: opens the merge
// request (PRIVATE-TOKEN, or JOB-TOKEN when only CI_JOB_TOKEN is set), updates its description on a
// second publish (409 duplicate), and reports a refusal as one actionable line without the token.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GITLAB_TOKEN, JOB_TOKEN, PROJECT_ID, startFakeGitlab, type FakeGitlab } from './fake-gitlab.js';
import { addOrigin, ledgerEvents, passedRun, remoteHeads, runtime } from './runs.js';

let fake: FakeGitlab | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const gitlabEnv = (f: FakeGitlab, extra: Record<string, string> = {}): Record<string, string> => ({
  CI_API_V4_URL: `${f.url}/api/v4`,
  CI_PROJECT_ID: PROJECT_ID,
  CI_DEFAULT_BRANCH: 'main',
  GUMP_PUSH_TOKEN: GITLAB_TOKEN,
  ...extra,
});

describe('publish --open-pr gitlab', () => {
  it('opens the merge request with the report as description, then updates it (409 → GET → PUT)', async () => {
    const r = await passedRun();
    const origin = addOrigin(r);
    fake = await startFakeGitlab();
    const dir = mkdtempSync(join(tmpdir(), 'gump-pub-'));
    const output = join(dir, 'out');
    const first = await runtime(
      r,
      ['publish', '--open-pr', 'gitlab', '--body', join(dir, 'body.md')],
      gitlabEnv(fake, { GITHUB_OUTPUT: output }),
    );
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('opened merge request !1: https://gitlab.example/group/widgets/-/merge_requests/1');
    expect(remoteHeads(origin)).toEqual([`refs/heads/${r.state.branch}`]);
    const body = readFileSync(join(dir, 'body.md'), 'utf8');
    const post = fake.requests[0]!;
    expect(`${post.method} ${post.url}`).toBe(`POST /api/v4/projects/${PROJECT_ID}/merge_requests`);
    expect(post.headers['private-token']).toBe(GITLAB_TOKEN);
    expect(post.body).toEqual({
      source_branch: r.state.branch,
      target_branch: 'main',
      title: 'gump: greet — Add a greeting | to the CLI',
      description: body,
    });
    expect(readFileSync(output, 'utf8')).toBe(
      'pr_url=https://gitlab.example/group/widgets/-/merge_requests/1\npr_number=1\n',
    );
    expect(ledgerEvents(r, 'run.pull_request')).toEqual([expect.objectContaining({ platform: 'gitlab', number: 1 })]);

    // Only the job token: JOB-TOKEN header; the MR exists, so its description is updated.
    const second = await runtime(
      r,
      ['publish', '--open-pr', 'gitlab', '--base', 'develop'],
      gitlabEnv(fake, { GUMP_PUSH_TOKEN: '', CI_JOB_TOKEN: JOB_TOKEN }),
    );
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('updated merge request !1');
    expect(fake.requests.slice(1).map((q) => `${q.method} ${q.url} ${String(q.headers['job-token'])}`)).toEqual([
      `POST /api/v4/projects/${PROJECT_ID}/merge_requests ${JOB_TOKEN}`,
      `GET /api/v4/projects/${PROJECT_ID}/merge_requests?source_branch=${encodeURIComponent(r.state.branch)}&state=opened ${JOB_TOKEN}`,
      `PUT /api/v4/projects/${PROJECT_ID}/merge_requests/1 ${JOB_TOKEN}`,
    ]);
    expect((fake.requests[1]!.body as { target_branch: string }).target_branch).toBe('develop');
    expect(fake.requests[3]!.body).toEqual({ description: body });
    expect(fake.mrs).toHaveLength(1);
    for (const t of [first.stdout, first.stderr, second.stdout, second.stderr]) {
      expect(t).not.toContain(GITLAB_TOKEN);
      expect(t).not.toContain(JOB_TOKEN);
    }
  });

  it('a 401 is one line naming the status, the API message and the token to check; exit 1', async () => {
    const r = await passedRun();
    addOrigin(r);
    fake = await startFakeGitlab();
    const p = await runtime(
      r,
      ['publish', '--open-pr', 'gitlab'],
      gitlabEnv(fake, { GUMP_PUSH_TOKEN: 'glpat-wrongWRONGwrong' }),
    );
    expect(p.code).toBe(1);
    expect(p.stderr).toBe(
      'gump-runtime: GitLab API POST merge_requests answered 401 Unauthorized: 401 Unauthorized; check that GUMP_PUSH_TOKEN holds a valid, unexpired token\n',
    );
    expect(p.stderr + p.stdout).not.toContain('glpat-wrongWRONGwrong');
  });
});
