// A fake GitHub REST API (pulls only) for the publish tests: create (201), 422 "A pull request
// already exists" for a head with an open PR, list by head, update; 401 "Bad credentials" for any
// other token; `failWith` answers every request with that status (403, 404, 500 paths).

import { startJsonServer, type FakeServer } from './fake-server.js';

export interface FakeGithub extends FakeServer {
  pulls: { number: number; head: string; base: string; title: string; body: string }[];
  /** Answer everything with this status and GitHub-shaped message. */
  failWith?: { status: number; message: string };
}

export const GITHUB_TOKEN = 'ghs_fakeTOKEN0123456789secret';
export const REPOSITORY = 'octo/widgets';

export async function startFakeGithub(): Promise<FakeGithub> {
  const pulls: FakeGithub['pulls'] = [];
  const prefix = `/api/v3/repos/${REPOSITORY}/pulls`;
  const url = (n: number): string => `https://github.example/${REPOSITORY}/pull/${n}`;
  const fake: FakeGithub = Object.assign(
    await startJsonServer((r) => {
      if (fake.failWith)
        return {
          status: fake.failWith.status,
          json: { message: fake.failWith.message, documentation_url: 'https://docs.github.com/rest' },
        };
      if (r.headers.authorization !== `Bearer ${GITHUB_TOKEN}`)
        return { status: 401, json: { message: 'Bad credentials' } };
      const [path, query = ''] = r.url.split('?');
      const body = (r.body ?? {}) as Record<string, string>;
      if (r.method === 'POST' && path === prefix) {
        if (pulls.some((p) => p.head === body.head)) {
          return {
            status: 422,
            json: {
              message: 'Validation Failed',
              errors: [
                {
                  resource: 'PullRequest',
                  code: 'custom',
                  message: `A pull request already exists for octo:${body.head}.`,
                },
              ],
            },
          };
        }
        const pr = {
          number: 40 + pulls.length + 1,
          head: body.head!,
          base: body.base!,
          title: body.title!,
          body: body.body!,
        };
        pulls.push(pr);
        return { status: 201, json: { number: pr.number, html_url: url(pr.number), state: 'open' } };
      }
      if (r.method === 'GET' && path === prefix) {
        const q = new URLSearchParams(query);
        const list = pulls.filter((p) => `octo:${p.head}` === q.get('head') && q.get('state') === 'open');
        return { status: 200, json: list.map((p) => ({ number: p.number, html_url: url(p.number) })) };
      }
      const m = path!.match(new RegExp(`^${prefix}/(\\d+)$`));
      if (r.method === 'PATCH' && m) {
        const pr = pulls.find((p) => p.number === Number(m[1]));
        if (!pr) return { status: 404, json: { message: 'Not Found' } };
        if (typeof body.body === 'string') pr.body = body.body;
        return { status: 200, json: { number: pr.number, html_url: url(pr.number) } };
      }
      return { status: 404, json: { message: 'Not Found' } };
    }),
    { pulls },
  );
  return fake;
}
