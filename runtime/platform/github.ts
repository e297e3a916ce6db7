// GitHub client of `publish --open-pr github`: open the pull request of the run branch, or update
// the body of the open one (REST "Create a pull request": 422 when one exists for the head).
// API root and repository only from GITHUB_API_URL and GITHUB_REPOSITORY; token GUMP_PUSH_TOKEN.

import { apiMessage, apiRoot, PlatformError, redact, requestJson, type HttpResponse } from './http.js';
import type { PullRequestInput, PullRequestResult } from './pull-request.js';

const SCOPES =
  'check that GUMP_PUSH_TOKEN is allowed to write contents and pull requests (job permissions `contents: write` and `pull-requests: write`) and that the repository setting "Allow GitHub Actions to create and approve pull requests" is on';

/** The GitHub base branch when `--base` is not given: the PR's base in a pull_request run, else the ref that started the run. */
export function githubBase(env: Record<string, string | undefined>): string | undefined {
  return env.GITHUB_BASE_REF || env.GITHUB_REF_NAME || undefined;
}

export async function openGithubPullRequest(
  env: Record<string, string | undefined>,
  pr: PullRequestInput,
  timeoutMs?: number,
): Promise<PullRequestResult> {
  const token = env.GUMP_PUSH_TOKEN;
  const repo = env.GITHUB_REPOSITORY;
  if (!env.GITHUB_API_URL)
    throw new PlatformError(
      'GITHUB_API_URL is not set; it names the GitHub API root (set by GitHub Actions)',
      'config',
    );
  if (!repo || !/^[^/]+\/[^/]+$/.test(repo))
    throw new PlatformError(
      `GITHUB_REPOSITORY is ${repo ? `"${repo}"` : 'not set'}; it must be <owner>/<repository> (set by GitHub Actions)`,
      'config',
    );
  if (!token)
    throw new PlatformError(
      'GUMP_PUSH_TOKEN is not set; the publish job needs a token to open the pull request',
      'config',
    );
  const root = `${apiRoot(env.GITHUB_API_URL)}/repos/${repo}`;
  const headers = {
    Authorization: `Bearer ${token}`,
    Accept: 'application/vnd.github+json',
    'X-GitHub-Api-Version': '2022-11-28',
    'User-Agent': 'gump-runtime',
  };
  const call = async (method: string, path: string, body?: unknown): Promise<HttpResponse> => {
    try {
      return await requestJson(`${root}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
      });
    } catch (e) {
      throw new PlatformError(redact(`${(e as Error).message}; check GITHUB_API_URL and the network`, [token]));
    }
  };
  const created = await call('POST', '/pulls', { title: pr.title, head: pr.head, base: pr.base, body: pr.body });
  if (created.status === 201) return resultOf(created.json, false);
  if (created.status !== 422 || !/already exists/i.test(apiMessage(created.json)))
    throw refusal('POST', '/pulls', created, token);

  const owner = repo.split('/')[0]!;
  const query = `/pulls?head=${encodeURIComponent(`${owner}:${pr.head}`)}&state=open`;
  const found = await call('GET', query);
  if (found.status !== 200) throw refusal('GET', query, found, token);
  const open = Array.isArray(found.json) ? (found.json[0] as { number?: unknown } | undefined) : undefined;
  if (!open || typeof open.number !== 'number')
    throw new PlatformError(
      `GitHub says a pull request for ${pr.head} already exists, but none is open for ${owner}:${pr.head}; check GITHUB_REPOSITORY`,
    );
  const patched = await call('PATCH', `/pulls/${open.number}`, { body: pr.body });
  if (patched.status !== 200) throw refusal('PATCH', `/pulls/${open.number}`, patched, token);
  return resultOf(patched.json, true);
}

function resultOf(json: unknown, updated: boolean): PullRequestResult {
  const o = (json ?? {}) as { html_url?: unknown; number?: unknown };
  if (typeof o.html_url !== 'string' || typeof o.number !== 'number')
    throw new PlatformError('GitHub answered without html_url and number of the pull request');
  return { url: o.html_url, number: o.number, updated };
}

function refusal(method: string, path: string, res: HttpResponse, token: string): PlatformError {
  const msg = apiMessage(res.json);
  const what = `GitHub API ${method} ${path} answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${msg ? `: ${msg}` : ''}`;
  const hint =
    res.status === 401
      ? 'check that GUMP_PUSH_TOKEN holds a valid, unexpired token'
      : res.status === 403
        ? SCOPES
        : res.status === 404
          ? `check GITHUB_REPOSITORY and that the token can see the repository; ${SCOPES}`
          : res.status === 422
            ? 'check that the base branch exists and differs from the run branch, and that the run branch was pushed'
            : res.status >= 500
              ? 'GitHub had an error; re-run the job'
              : SCOPES;
  return new PlatformError(redact(`${what}; ${hint}`, [token]));
}
