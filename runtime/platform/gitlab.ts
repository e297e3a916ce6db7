// GitLab client of `publish --open-pr gitlab`: open the merge request of the run branch, or update
// the description of the open one (REST "Create MR": 409 when one exists for the source branch).
// API root and project only from CI_API_V4_URL and CI_PROJECT_ID; token GUMP_PUSH_TOKEN (PRIVATE-TOKEN)
// or, when only it is set, CI_JOB_TOKEN (JOB-TOKEN).

import { apiMessage, apiRoot, PlatformError, redact, requestJson, type HttpResponse } from './http.js';
import type { PullRequestInput, PullRequestResult } from './pull-request.js';

const SCOPES =
  'check that GUMP_PUSH_TOKEN is a project or personal access token with the `api` scope and at least the Developer role';

export function gitlabBase(env: Record<string, string | undefined>): string | undefined {
  return env.CI_DEFAULT_BRANCH || undefined;
}

export async function openGitlabMergeRequest(
  env: Record<string, string | undefined>,
  mr: PullRequestInput,
  timeoutMs?: number,
): Promise<PullRequestResult> {
  const token = env.GUMP_PUSH_TOKEN || env.CI_JOB_TOKEN;
  if (!env.CI_API_V4_URL)
    throw new PlatformError('CI_API_V4_URL is not set; it names the GitLab API root (set by GitLab CI)', 'config');
  if (!env.CI_PROJECT_ID)
    throw new PlatformError('CI_PROJECT_ID is not set; it names the project (set by GitLab CI)', 'config');
  if (!token)
    throw new PlatformError(
      'GUMP_PUSH_TOKEN is not set (nor CI_JOB_TOKEN); the publish job needs a token to open the merge request',
      'config',
    );
  const auth: Record<string, string> = env.GUMP_PUSH_TOKEN ? { 'PRIVATE-TOKEN': token } : { 'JOB-TOKEN': token };
  const root = `${apiRoot(env.CI_API_V4_URL)}/projects/${encodeURIComponent(env.CI_PROJECT_ID)}/merge_requests`;
  const call = async (method: string, path: string, body?: unknown): Promise<HttpResponse> => {
    try {
      return await requestJson(`${root}${path}`, {
        method,
        headers: { ...auth, Accept: 'application/json' },
        ...(body !== undefined ? { body } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
      });
    } catch (e) {
      throw new PlatformError(redact(`${(e as Error).message}; check CI_API_V4_URL and the network`, [token]));
    }
  };
  const created = await call('POST', '', {
    source_branch: mr.head,
    target_branch: mr.base,
    title: mr.title,
    description: mr.body,
  });
  if (created.status === 201) return resultOf(created.json, false);
  if (created.status !== 409) throw refusal('POST', '', created, token);

  const query = `?source_branch=${encodeURIComponent(mr.head)}&state=opened`;
  const found = await call('GET', query);
  if (found.status !== 200) throw refusal('GET', query, found, token);
  const open = Array.isArray(found.json) ? (found.json[0] as { iid?: unknown } | undefined) : undefined;
  if (!open || typeof open.iid !== 'number')
    throw new PlatformError(
      `GitLab says a merge request for ${mr.head} already exists, but none is open; check CI_PROJECT_ID`,
    );
  const put = await call('PUT', `/${open.iid}`, { description: mr.body });
  if (put.status !== 200) throw refusal('PUT', `/${open.iid}`, put, token);
  return resultOf(put.json, true);
}

function resultOf(json: unknown, updated: boolean): PullRequestResult {
  const o = (json ?? {}) as { web_url?: unknown; iid?: unknown };
  if (typeof o.web_url !== 'string' || typeof o.iid !== 'number')
    throw new PlatformError('GitLab answered without web_url and iid of the merge request');
  return { url: o.web_url, number: o.iid, updated };
}

function refusal(method: string, path: string, res: HttpResponse, token: string): PlatformError {
  const msg = apiMessage(res.json);
  const what = `GitLab API ${method} merge_requests${path} answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${msg ? `: ${msg}` : ''}`;
  const hint =
    res.status === 401
      ? 'check that GUMP_PUSH_TOKEN holds a valid, unexpired token'
      : res.status === 403
        ? SCOPES
        : res.status === 404
          ? `check CI_PROJECT_ID and that the token can see the project; ${SCOPES}`
          : res.status >= 500
            ? 'GitLab had an error; re-run the job'
            : 'check that the target branch exists and differs from the run branch';
  return new PlatformError(redact(`${what}; ${hint}`, [token]));
}
