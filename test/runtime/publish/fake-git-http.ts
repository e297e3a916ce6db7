// A git smart-HTTP remote on 127.0.0.1 for the push-authentication test: `git http-backend` as a
// CGI behind a node server that records each request's Authorization header and answers 401
// unless it is the expected one. Repositories live under `root` (bare, http.receivepack on).

import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeGitHttp {
  url: string;
  /** Authorization header of every request (undefined when absent). */
  authorizations: (string | undefined)[];
  close(): Promise<void>;
}

export async function startGitHttp(root: string, expectedAuthorization: string): Promise<FakeGitHttp> {
  const authorizations: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    const auth = req.headers.authorization;
    authorizations.push(auth);
    if (auth !== expectedAuthorization) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="fake"' });
      res.end('unauthorized');
      return;
    }
    const [path, query = ''] = (req.url ?? '').split('?');
    const cgi = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH ?? '',
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: path!,
        QUERY_STRING: query,
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] } : {}),
        REMOTE_USER: 'pusher',
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    req.pipe(cgi.stdin);
    const out: Buffer[] = [];
    cgi.stdout.on('data', (c: Buffer) => out.push(c));
    cgi.on('close', () => {
      const all = Buffer.concat(out);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split).toString('latin1').split('\r\n');
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head) {
        const i = line.indexOf(':');
        const [k, v] = [line.slice(0, i).trim(), line.slice(i + 1).trim()];
        if (k.toLowerCase() === 'status') status = Number(v.split(' ')[0]);
        else if (k) headers[k] = v;
      }
      res.writeHead(status, headers);
      res.end(all.subarray(split + 4));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    authorizations,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
