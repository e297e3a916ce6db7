// Local runs in start order: run ids (`20261207-133001-<random hex>`) sort by start time only to the
// second, so two runs started within one second may sort either way by id. `gump runs`, `gump clean
// --keep` (allRuns) and the commands that take the latest run (pickRun without an id) order by the
// recorded start instead.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRuns } from '../../src/local/housekeeping.js';
import { pickRun, runsDir } from '../../src/local/runs.js';
import { runPaths } from '../../runtime/run/layout.js';
import { newRunState } from '../../runtime/state/run-state.js';

let repo: string;
const saved = process.env.GUMP_RUNS_DIR;

/** A run folder holding only its state: id, start time, status. */
function fakeRun(id: string, startedAt: string, status: 'pass' | 'fatal' = 'pass'): void {
  const paths = runPaths(join(runsDir(repo), id, 'worktree'));
  mkdirSync(join(paths.state, '..'), { recursive: true });
  const state = newRunState({
    runId: id,
    plan: { path: '.gump/compiled/simple.plan.json', sha256: '0'.repeat(64) },
    base: '0'.repeat(40),
    branch: `gump/run-${id}`,
    spec: { path: 'spec.md', text: 'x' },
    inputs: {},
    startedAt,
  });
  writeFileSync(paths.state, JSON.stringify({ ...state, status }));
}

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'gump-run-order-'));
  process.env.GUMP_RUNS_DIR = join(root, 'runs');
  repo = join(root, 'repo');
  mkdirSync(repo);
  execFileSync('git', ['init', '-q', repo]);
  // Within one second: the id with the larger random part started first.
  fakeRun('20261207-133001-ffff', '2026-12-07T13:30:01.100Z');
  fakeRun('20261207-133001-0001', '2026-12-07T13:30:01.900Z', 'fatal');
  fakeRun('20261207-132959-8000', '2026-12-07T13:29:59.500Z');
});

afterAll(() => {
  if (saved === undefined) delete process.env.GUMP_RUNS_DIR;
  else process.env.GUMP_RUNS_DIR = saved;
});

describe('local runs in start order', () => {
  it('allRuns lists them oldest first by start time, not by id', () => {
    expect(allRuns(repo).map((r) => r.id)).toEqual([
      '20261207-132959-8000',
      '20261207-133001-ffff',
      '20261207-133001-0001',
    ]);
  });

  it('without an id, the latest run is the one started last', () => {
    expect(pickRun(repo, undefined)).toBe('20261207-133001-0001');
  });
});
