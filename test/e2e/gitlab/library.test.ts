// End-to-end on gitlab-ci-local 4.72.0 (harness.ts): every built-in workflow, compiled for GitLab
// and run in stub mode, ends like `gump run` locally — status, step statuses, ledger outcome — and
// a passed run pushes only its run branch, with the local run's tree, and opens one merge request.

import { describe, expect, it } from 'vitest';
import { byStep, FAST_GATES, outcomeOf, projectFiles, startInRepo } from '../../runtime/e2e/library-run.js';
import { outcomeLines } from '../github/harness.js';
import { git, gitlabProject, missing, runPipeline } from './harness.js';

const LIBRARY = ['freeform', 'simple', 'tdd', 'bugfix', 'cheap2sota', 'parallel-tasks', 'implement-spec', 'refactor'];

describe.skipIf(missing !== undefined)('built-in workflows on GitLab CI (gitlab-ci-local, stub mode)', () => {
  for (const name of LIBRARY) {
    it(`${name} ends like the local run and opens one merge request when it passes`, async () => {
      // A split's tasks run as one child job per planned task; two task slots only where a split
      // keeps slots: gitlab-ci-local spends many seconds per job on isolation and artifacts.
      const p = await gitlabProject(
        name,
        projectFiles(name, { 'gump.toml': `${FAST_GATES['gump.toml']}\n[ci]\ntask_slots = 2\n` }),
      );
      const run = await runPipeline(p, name);
      expect(run.status, run.log).toBe(0);
      const local = outcomeOf(await startInRepo(p.repo, { workflow: name, files: {} }));
      expect(run.state?.status, run.log).toBe(local.status);
      expect(run.report?.status).toBe(local.status);
      expect(Object.fromEntries(Object.entries(run.state!.steps).map(([k, v]) => [k, v.status]))).toEqual(local.steps);
      if (name === 'parallel-tasks') expect(byStep(outcomeLines(run.ledger))).toEqual(byStep(local.ledger));
      else expect(outcomeLines(run.ledger)).toEqual(local.ledger);
      if (local.status !== 'pass') return;
      // The run branch reached origin with the local run's tree; nothing else was pushed.
      const branch = run.state!.branch;
      expect(git(p.origin, 'ls-tree', '-r', branch)).toBe(local.tree);
      expect(run.branches).toEqual(['main', branch].sort());
      expect(run.mergeRequests).toHaveLength(1);
      expect(run.mergeRequests[0]).toMatchObject({
        path: '/api/v4/projects/1/merge_requests',
        token: 'test-token',
        body: { source_branch: branch, target_branch: 'main' },
      });
      expect(String(run.mergeRequests[0]!.body.description)).toContain(branch);
    }, 290_000);
  }
});
