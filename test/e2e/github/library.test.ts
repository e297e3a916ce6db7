// Every built-in workflow, compiled for GitHub and dispatched in stub mode through the test
// executor, ends exactly as `gump run` of the same workflow and stub script in the same
// repository: status, run-branch tree (the published branch), step statuses, ledger outcome.

import { describe, expect, it } from 'vitest';
import { FAST_GATES, projectFiles, startInRepo } from '../../runtime/e2e/library-run.js';
import { dispatch, expectSameAsLocal, githubRepo } from './harness.js';

const LIBRARY = ['freeform', 'simple', 'tdd', 'bugfix', 'cheap2sota', 'parallel-tasks', 'implement-spec', 'refactor'];

describe('built-in library on GitHub Actions (stub mode, test executor)', () => {
  for (const name of LIBRARY) {
    it(name, async () => {
      const repo = await githubRepo(name, projectFiles(name, FAST_GATES));
      const run = await dispatch(repo, name);
      const local = await startInRepo(repo, { workflow: name, files: {} });
      expectSameAsLocal(run, local, { parallel: name === 'parallel-tasks' });
      if (local.state.status === 'pass') {
        expect(run.result.conclusion).toBe('success');
        expect(run.result.pulls).toHaveLength(1);
        expect(run.result.pulls[0]).toMatchObject({ head: { ref: run.runState!.branch }, base: { ref: 'main' } });
        expect(run.result.pulls[0]!.body).toContain(run.runState!.branch);
      }
      // Every `uses:` the run met is pinned to a full commit SHA (local composite action aside).
      for (const u of run.result.uses) if (!u.uses.startsWith('./')) expect(u.uses).toMatch(/@[0-9a-f]{40}$/);
    });
  }
});
