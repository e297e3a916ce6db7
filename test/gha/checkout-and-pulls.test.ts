// actions/checkout against the stand-in repository (shallow by default, full with fetch-depth 0,
// the dispatched SHA on its branch) and a push to origin landing there; the fake pull request API
// (201, then 422 for a duplicate head, list, patch, 422 for an unknown branch, 404, 401).

import { describe, expect, it } from 'vitest';
import { fixture, git } from './stand-in.js';

describe('checkout, push and the pull request API', () => {
  it('checks out shallow by default and fully with fetch-depth 0', async () => {
    const f = fixture();
    const result = await f.run('pull-request.yml');
    expect(result.jobs.history).toBe('success');
    const sha = git(f.repo, 'rev-parse', 'main');
    const summary = f.read('summary.md');
    expect(summary).toContain('shallow=true count=1 branch=main');
    expect(summary).toContain(`full=false count=2 head=${sha}`);
    expect(result.details.map((j) => j.permissions)).toEqual([
      { contents: 'read' },
      { contents: 'write', 'pull-requests': 'write' },
    ]);
  });

  it('pushes a branch into the stand-in repository and opens one pull request', async () => {
    const f = fixture();
    const result = await f.run('pull-request.yml');
    expect(result.jobs).toEqual({ history: 'success', propose: 'success' });
    expect(git(f.repo, 'show', 'feature/x:proposal.txt')).toBe('proposed');
    expect(git(f.repo, 'log', '-1', '--format=%s', 'feature/x')).toBe('Propose a change');
    const summary = f.read('summary.md');
    expect(summary).toContain('create=201 number=1');
    expect(summary).toContain('again=422 Validation Failed: A pull request already exists for gump-test:feature/x.');
    expect(summary).toContain('list=200 open=1');
    expect(summary).toContain('patch=200 title=Proposed change');
    expect(summary).toContain('nobranch=422');
    expect(summary).toContain('other=404');
    expect(summary).toContain('anonymous=401');
    const pulls = JSON.parse(f.read('pulls.json')) as {
      number: number;
      title: string;
      head: { ref: string };
      base: { ref: string };
    }[];
    expect(pulls.map((p) => [p.number, p.title, p.head.ref, p.base.ref])).toEqual([
      [1, 'Proposed change', 'feature/x', 'main'],
    ]);
    const requests = JSON.parse(f.read('requests.json')) as {
      method: string;
      status: number;
      authorization: string | null;
    }[];
    expect(requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      'POST 201',
      'POST 422',
      'GET 200',
      'PATCH 200',
      'POST 422',
      'GET 404',
      'POST 401',
    ]);
    expect(requests[0]!.authorization).toBe('Bearer ***');
  });
});
