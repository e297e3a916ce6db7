// State across invocations: "re-run failed jobs" as a new attempt of the same run (earlier
// successful jobs and their outputs kept, failed and skipped-by-failure jobs run again, of a matrix
// job only the failed legs), artifacts
// visible without a token only in the current attempt, and a new run reading an earlier run's
// artifacts with run-id + github-token.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from './stand-in.js';

describe('re-runs and runs', () => {
  it('re-runs failed jobs as attempt 2, keeping the earlier outputs; artifacts of attempt 1 need a token', async () => {
    const f = fixture();
    const first = await f.run('rerun.yml');
    expect(first.jobs).toEqual({ build: 'success', flaky: 'failure', after: 'skipped', never: 'skipped' });
    expect(first.attempt).toBe(1);
    const stamp = first.details.find((j) => j.id === 'build')!.outputs.stamp!;
    expect(stamp).toMatch(/^\d+-attempt-1$/);

    const second = await f.run('rerun.yml', { rerunFailed: first.runId });
    expect(second.runId).toBe(first.runId);
    expect(second.attempt).toBe(2);
    expect(second.jobs).toEqual({ build: 'success', flaky: 'success', after: 'success', never: 'skipped' });
    expect(second.details.map((j) => j.id)).toEqual(['flaky', 'after']);
    expect(existsSync(join(f.out, 'logs', 'build.log'))).toBe(false);
    const summary = f.read('summary.md');
    expect(summary).toContain(`stamp=${stamp}`);
    expect(summary).toContain('with-token=built in attempt 1');
    expect(summary).toContain('without-token=failure');
    expect(summary).toContain('after ran in attempt 2');
    expect(f.read('artifacts/built/built.txt')).toBe('built in attempt 1\n');
    expect(second.exitCode).toBe(0);
  });

  it('re-runs only the failed legs of a matrix job; the re-run leg finishes last and sets the output', async () => {
    const f = fixture();
    const first = await f.run('rerun-matrix.yml');
    expect(first.jobs).toEqual({
      'legs (1)': 'success',
      'legs (2)': 'failure',
      'legs (3)': 'success',
      report: 'skipped',
    });
    const second = await f.run('rerun-matrix.yml', { rerunFailed: first.runId });
    expect(second.jobs).toEqual({
      'legs (1)': 'success',
      'legs (2)': 'success',
      'legs (3)': 'success',
      report: 'success',
    });
    expect(second.details[0]!.legs.map((l) => `${l.key}${l.kept ? ' kept' : ''}`)).toEqual([
      'legs (1) kept',
      'legs (2)',
      'legs (3) kept',
    ]);
    expect(f.read('summary.md')).toContain('last=2-attempt-2');
  });

  it('a new run downloads an earlier run’s artifacts with run-id and a token, not without one', async () => {
    const f = fixture();
    const source = await f.run('artifacts.yml');
    const reader = await f.run('cross-run.yml', { inputs: { 'source-run': String(source.runId) } });
    expect(reader.runId).toBe(source.runId + 1);
    expect(reader.jobs).toEqual({ fetch: 'success' });
    const summary = f.read('summary.md');
    expect(summary).toContain('content=fixture data');
    expect(summary).toContain('notoken=failure');
    expect(summary).toContain('dirs=data data-hidden\n');
    expect(reader.details[0]!.permissions).toEqual({ actions: 'read' });
  });
});
