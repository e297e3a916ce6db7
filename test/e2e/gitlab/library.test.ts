// End-to-end on gitlab-ci-local 4.72.0 (shell executor, `--shell-isolation`): the built-in
// `freeform` compiled with `gump compile --target gitlab`, wired with `gump init --target gitlab`,
// run in stub mode in a scratch repository whose `origin` is a bare repository standing in for the
// GitLab project, with a fake GitLab REST API on 127.0.0.1 for the merge request. It must end like
// `gump run` locally: status, step statuses, ledger outcome and the run branch's tree.
// Harness bridges (platforms.md): `--force-shell-executor` (the pipeline names a Docker image; no
// Docker here), CI_API_V4_URL/CI_PROJECT_ID overridden to the fake API. Skipped, saying why, when
// rsync (needed by --shell-isolation) or gitlab-ci-local is missing.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeRepo } from '../../runtime/scenario/harness.js';
import { FAST_GATES, gump, outcomeOf, projectFiles, startInRepo } from '../../runtime/e2e/library-run.js';
import { outcomeLines } from '../github/harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const GCL = join(ROOT, 'node_modules', '.bin', 'gitlab-ci-local');
const hasRsync = spawnSync('rsync', ['--version']).status === 0;
const missing = !existsSync(GCL) ? 'gitlab-ci-local is not installed (npm install)' : !hasRsync ? 'rsync is not installed (gitlab-ci-local --shell-isolation needs it)' : undefined;
if (missing) console.warn(`skipping the GitLab end-to-end tests: ${missing}`);

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

interface FakeGitlab {
  url: string;
  requests: Array<{ method: string; path: string; token: string | undefined; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** `POST /api/v4/projects/:id/merge_requests` → 201 with iid 1; anything else 404. */
async function fakeGitlab(): Promise<FakeGitlab> {
  const requests: FakeGitlab['requests'] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      requests.push({ method: req.method ?? '', path: req.url ?? '', token: req.headers['private-token'] as string | undefined, body });
      res.setHeader('content-type', 'application/json');
      if (req.method === 'POST' && /^\/api\/v4\/projects\/[^/]+\/merge_requests$/.test(req.url ?? '')) {
        res.statusCode = 201;
        res.end(JSON.stringify({ iid: 1, web_url: 'http://127.0.0.1/stand-in/-/merge_requests/1' }));
      } else {
        res.statusCode = 404;
        res.end(JSON.stringify({ message: '404 Not Found' }));
      }
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/api/v4`, requests, close: () => new Promise((ok) => server.close(() => ok())) };
}

function run(cmd: string, args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, NO_COLOR: '1' }, timeout: 170_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (status) => ok({ status, stdout, stderr }));
  });
}

describe.skipIf(missing !== undefined)('built-in workflows on GitLab CI (gitlab-ci-local, stub mode)', () => {
  it('freeform ends like the local run and opens one merge request', async () => {
    const repo = makeRepo(projectFiles('freeform', FAST_GATES));
    const compiled = await gump(repo, 'compile', 'freeform', '--target', 'gitlab');
    expect(compiled.code, compiled.stdout + compiled.stderr).toBe(0);
    const init = await gump(repo, 'init', '--target', 'gitlab');
    expect(init.code, init.stdout + init.stderr).toBe(0);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'gump: compile');
    const origin = mkdtempSync(join(tmpdir(), 'gump-gl-origin-'));
    made.push(origin);
    git(origin, 'init', '-q', '--bare');
    git(repo, 'remote', 'add', 'origin', origin);
    git(repo, 'push', '-q', 'origin', 'HEAD:main');
    const api = await fakeGitlab();
    try {
      // gitlab-ci-local's `--cwd` takes relative paths only: run it from the repository root. Run it
      // asynchronously: the fake API answers from this process.
      const r = await run(
        GCL,
        [
          '--force-shell-executor',
          '--shell-isolation',
          '--no-artifacts-to-source',
          '--ignore-predefined-vars',
          'CI_API_V4_URL,CI_PROJECT_ID,CI_DEFAULT_BRANCH',
          ...['GUMP_WORKFLOW=freeform', 'GUMP_SPEC=spec.md', 'GUMP_STUB=true', 'GUMP_PUSH_TOKEN=test-token', `CI_API_V4_URL=${api.url}`, 'CI_PROJECT_ID=1', 'CI_DEFAULT_BRANCH=main'].flatMap((v) => ['--variable', v]),
        ],
        repo,
      );
      const log = `${r.stdout}${r.stderr}`;
      expect(r.status, log).toBe(0);
      const artifacts = join(repo, '.gitlab-ci-local', 'artifacts');
      const report = JSON.parse(readFileSync(join(artifacts, 'gump-report', 'gump-report', 'report.json'), 'utf8')) as { status: string; branch: string };
      const state = JSON.parse(readFileSync(join(artifacts, 'execute', '.gump-ci', 'execute', 'run', 'state.json'), 'utf8')) as { status: string; branch: string; steps: Record<string, { status: string }> };
      const ledger = readFileSync(join(artifacts, 'execute', '.gump-ci', 'execute', 'run', 'ledger.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

      const local = outcomeOf(await startInRepo(repo, { workflow: 'freeform', files: {} }));
      expect(state.status).toBe(local.status);
      expect(report.status).toBe(local.status);
      expect(Object.fromEntries(Object.entries(state.steps).map(([k, v]) => [k, v.status]))).toEqual(local.steps);
      expect(outcomeLines(ledger)).toEqual(local.ledger);
      // The run branch reached origin with the same tree as the local run's; nothing else was pushed.
      expect(git(origin, 'ls-tree', '-r', state.branch)).toBe(local.tree);
      expect(git(origin, 'for-each-ref', '--format=%(refname:short)').split('\n').sort()).toEqual(['main', state.branch].sort());
      const mrs = api.requests.filter((q) => q.method === 'POST');
      expect(mrs).toHaveLength(1);
      expect(mrs[0]).toMatchObject({ path: '/api/v4/projects/1/merge_requests', token: 'test-token', body: { source_branch: state.branch, target_branch: 'main' } });
      expect(String(mrs[0]!.body.description)).toContain(state.branch);
    } finally {
      await api.close();
    }
  }, 180_000);
});
