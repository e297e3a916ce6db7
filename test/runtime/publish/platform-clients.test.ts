// The platform clients in-process (runtime/platform/): a server that never answers is a one-line
// timeout naming the URL; API messages are read from GitHub's and GitLab's error shapes.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openGithubPullRequest } from '../../../runtime/platform/github.js';
import { apiMessage, PlatformError, redact } from '../../../runtime/platform/http.js';
import { pushAuth } from '../../../runtime/platform/push-auth.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
  server = undefined;
});

describe('platform clients', () => {
  it('a request with no answer times out with one line naming the URL', async () => {
    server = createServer(() => undefined);
    await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const pr = { head: 'gump/run-1', base: 'main', title: 't', body: 'b' };
    const env = { GITHUB_API_URL: url, GITHUB_REPOSITORY: 'o/r', GUMP_PUSH_TOKEN: 'tok-secret-1' };
    const err = await openGithubPullRequest(env, pr, 300).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect((err as Error).message).toBe(
      `POST ${url}/repos/o/r/pulls failed: no answer within 300 ms; check GITHUB_API_URL and the network`,
    );
  });

  it('reads GitHub and GitLab error shapes', () => {
    expect(
      apiMessage({ message: 'Validation Failed', errors: [{ message: 'A pull request already exists for o:b.' }] }),
    ).toBe('Validation Failed; A pull request already exists for o:b.');
    expect(apiMessage({ message: ['Another open merge request already exists for this source branch: !1'] })).toBe(
      'Another open merge request already exists for this source branch: !1',
    );
    expect(apiMessage({ message: { target_branch: ['is invalid'] } })).toBe('target_branch is invalid');
    expect(apiMessage({ error: 'insufficient_scope' })).toBe('insufficient_scope');
    expect(apiMessage(undefined)).toBe('');
  });

  it('redacts secrets; authenticates only https pushes', () => {
    expect(redact('token abcd1234 in abcd1234', ['abcd1234', undefined])).toBe('token *** in ***');
    expect(pushAuth('github', '/tmp/origin.git', { GUMP_PUSH_TOKEN: 't0ken' }).env).toEqual({});
    expect(pushAuth('github', 'file:///tmp/origin.git', { GUMP_PUSH_TOKEN: 't0ken' }).env).toEqual({});
    expect(pushAuth('github', 'https://github.com/o/r.git', {}).env).toEqual({});
    const gh = pushAuth('github', 'https://github.com/o/r.git', { GUMP_PUSH_TOKEN: 't0ken' });
    expect(gh.env).toEqual({
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: 'http.extraHeader',
      GIT_CONFIG_VALUE_0: '',
      GIT_CONFIG_KEY_1: 'http.extraHeader',
      GIT_CONFIG_VALUE_1: `AUTHORIZATION: basic ${Buffer.from('x-access-token:t0ken').toString('base64')}`,
    });
    expect(pushAuth('gitlab', 'https://gitlab.com/g/r.git', { CI_JOB_TOKEN: 'j0b' }).env.GIT_CONFIG_VALUE_1).toBe(
      `AUTHORIZATION: basic ${Buffer.from('gitlab-ci-token:j0b').toString('base64')}`,
    );
  });
});
