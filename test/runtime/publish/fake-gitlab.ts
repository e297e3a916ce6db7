// A fake GitLab REST API (merge requests only) for the publish tests: create (201), 409 "Another
// open merge request already exists" for a source branch with an open MR, list by source branch,
// update; 401 for any other token (PRIVATE-TOKEN or JOB-TOKEN).

import { startJsonServer, type FakeServer } from './fake-server.js';

export interface FakeGitlab extends FakeServer {
  mrs: { iid: number; source: string; target: string; title: string; description: string }[];
}

export const GITLAB_TOKEN = 'glpat-fakeTOKEN-0123456789';
export const JOB_TOKEN = 'glcbt-fakeJOB-0123456789';
export const PROJECT_ID = '1234';

export async function startFakeGitlab(): Promise<FakeGitlab> {
  const mrs: FakeGitlab['mrs'] = [];
  const prefix = `/api/v4/projects/${PROJECT_ID}/merge_requests`;
  const url = (iid: number): string => `https://gitlab.example/group/widgets/-/merge_requests/${iid}`;
  const fake: FakeGitlab = Object.assign(
    await startJsonServer((r) => {
      if (r.headers['private-token'] !== GITLAB_TOKEN && r.headers['job-token'] !== JOB_TOKEN)
        return { status: 401, json: { message: '401 Unauthorized' } };
      const [path, query = ''] = r.url.split('?');
      const body = (r.body ?? {}) as Record<string, string>;
      if (r.method === 'POST' && path === prefix) {
        const open = mrs.find((m) => m.source === body.source_branch);
        if (open)
          return {
            status: 409,
            json: { message: [`Another open merge request already exists for this source branch: !${open.iid}`] },
          };
        const mr = {
          iid: mrs.length + 1,
          source: body.source_branch!,
          target: body.target_branch!,
          title: body.title!,
          description: body.description!,
        };
        mrs.push(mr);
        return { status: 201, json: { iid: mr.iid, web_url: url(mr.iid), state: 'opened' } };
      }
      if (r.method === 'GET' && path === prefix) {
        const q = new URLSearchParams(query);
        const list = mrs.filter((m) => m.source === q.get('source_branch') && q.get('state') === 'opened');
        return { status: 200, json: list.map((m) => ({ iid: m.iid, web_url: url(m.iid) })) };
      }
      const m = path!.match(new RegExp(`^${prefix}/(\\d+)$`));
      if (r.method === 'PUT' && m) {
        const mr = mrs.find((x) => x.iid === Number(m[1]));
        if (!mr) return { status: 404, json: { message: '404 Not found' } };
        if (typeof body.description === 'string') mr.description = body.description;
        return { status: 200, json: { iid: mr.iid, web_url: url(mr.iid) } };
      }
      return { status: 404, json: { message: '404 Not found' } };
    }),
    { mrs },
  );
  return fake;
}
