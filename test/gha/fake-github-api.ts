// A fake GitHub REST API on 127.0.0.1 (random port) for GITHUB_API_URL: pull requests only —
// POST/GET /repos/{o}/{r}/pulls, GET/PATCH /repos/{o}/{r}/pulls/{n} — with GitHub's validation
// answers (422 for a duplicate open head or an unknown branch), 401 without a token, 404 JSON for
// anything else. Every request is recorded. Pulls persist in the executor state across runs.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | null;
  body: unknown;
  status: number;
}

export interface PullRequest {
  number: number;
  state: 'open' | 'closed';
  title: string;
  body: string | null;
  head: { ref: string; label: string };
  base: { ref: string };
  html_url: string;
  url: string;
}

export class FakeGitHubApi {
  readonly requests: RecordedRequest[] = [];
  private server: Server | undefined;
  private readonly pullsFile: string;

  constructor(
    private readonly repository: string,
    private readonly repoDir: string,
    stateDir: string,
  ) {
    this.pullsFile = join(stateDir, 'pulls.json');
  }

  pulls(): PullRequest[] {
    return existsSync(this.pullsFile) ? (JSON.parse(readFileSync(this.pullsFile, 'utf8')) as PullRequest[]) : [];
  }

  async start(): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('fake API: no port');
    return `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = text === '' ? null : text;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      // recorded as text
    }
    const auth = req.headers.authorization ?? null;
    const [status, answer] = this.route(req.method ?? 'GET', new URL(req.url ?? '/', 'http://localhost'), auth, body);
    this.requests.push({
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      authorization: auth === null ? null : auth.replace(/^(\S+)\s.*$/, '$1 ***'),
      body,
      status,
    });
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer));
  }

  private route(method: string, url: URL, auth: string | null, body: unknown): [number, unknown] {
    const notFound: [number, unknown] = [
      404,
      { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
    ];
    const match = /^\/repos\/([^/]+)\/([^/]+)\/pulls(?:\/(\d+))?\/?$/.exec(url.pathname);
    if (match === null || `${match[1]}/${match[2]}` !== this.repository) return notFound;
    if (auth === null || !/^(bearer|token)\s+\S+/i.test(auth)) return [401, { message: 'Requires authentication' }];
    const number = match[3] === undefined ? undefined : Number(match[3]);
    const pulls = this.pulls();
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (number === undefined && method === 'GET') {
      const head = url.searchParams.get('head');
      const state = url.searchParams.get('state') ?? 'open';
      return [
        200,
        pulls.filter((p) => (head === null || p.head.label === head) && (state === 'all' || p.state === state)),
      ];
    }
    if (number === undefined && method === 'POST') return this.create(pulls, fields);
    const pull = pulls.find((p) => p.number === number);
    if (pull === undefined) return notFound;
    if (method === 'GET') return [200, pull];
    if (method === 'PATCH') {
      if (typeof fields.title === 'string') pull.title = fields.title;
      if (typeof fields.body === 'string') pull.body = fields.body;
      if (fields.state === 'open' || fields.state === 'closed') pull.state = fields.state;
      if (typeof fields.base === 'string') pull.base = { ref: fields.base };
      this.save(pulls);
      return [200, pull];
    }
    return notFound;
  }

  private create(pulls: PullRequest[], fields: Record<string, unknown>): [number, unknown] {
    const owner = this.repository.split('/')[0]!;
    const invalid = (field: string): [number, unknown] => [
      422,
      { message: 'Validation Failed', errors: [{ resource: 'PullRequest', field, code: 'invalid' }] },
    ];
    for (const key of ['title', 'head', 'base']) {
      if (typeof fields[key] !== 'string' || fields[key] === '')
        return [
          422,
          { message: 'Validation Failed', errors: [{ resource: 'PullRequest', field: key, code: 'missing_field' }] },
        ];
    }
    const headRef = (fields.head as string).replace(/^[^:]+:/, '');
    const base = fields.base as string;
    if (!this.isBranch(headRef)) return invalid('head');
    if (!this.isBranch(base)) return invalid('base');
    const label = `${owner}:${headRef}`;
    if (pulls.some((p) => p.state === 'open' && p.head.label === label)) {
      return [
        422,
        {
          message: 'Validation Failed',
          errors: [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${label}.` }],
        },
      ];
    }
    const n = Math.max(0, ...pulls.map((p) => p.number)) + 1;
    const pull: PullRequest = {
      number: n,
      state: 'open',
      title: fields.title as string,
      body: typeof fields.body === 'string' ? fields.body : null,
      head: { ref: headRef, label },
      base: { ref: base },
      html_url: `https://github.com/${this.repository}/pull/${n}`,
      url: `/repos/${this.repository}/pulls/${n}`,
    };
    this.save([...pulls, pull]);
    return [201, pull];
  }

  private isBranch(name: string): boolean {
    try {
      execFileSync('git', ['show-ref', '--verify', '-q', `refs/heads/${name}`], { cwd: this.repoDir, stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }

  private save(pulls: PullRequest[]): void {
    writeFileSync(this.pullsFile, `${JSON.stringify(pulls, null, 2)}\n`);
  }
}
