// needs / if / job outputs and GitHub's job-level status functions: a failed job skips its
// dependents, always() runs, failure() sees a failed ancestor through a skipped job, !failure() is
// false then; and with nothing failed, !failure() runs and failure() does not.

import { describe, expect, it } from 'vitest';
import { fixture } from './stand-in.js';

describe('job status functions', () => {
  it('a failed job skips dependents; always() and failure() run; !failure() with a failed ancestor is skipped', async () => {
    const f = fixture();
    const result = await f.run('status.yml');
    expect(result.jobs).toEqual({
      produce: 'success',
      breaks: 'failure',
      'after-break': 'skipped',
      cleanup: 'success',
      'not-failed': 'skipped',
      'on-failure': 'success',
    });
    expect(result.conclusion).toBe('failure');
    expect(result.exitCode).toBe(1);
    expect(f.read('summary.md')).toContain('breaks=failure produce=hello');
    expect(f.read('summary.md')).toContain('after-break=skipped');
    expect(f.read('logs/breaks.log')).toContain('got hello');
    expect(f.read('logs/breaks.log')).toContain('##[error]Process completed with exit code 1.');
  });

  it('with nothing failed, dependents run, !failure() runs and failure() is skipped', async () => {
    const f = fixture();
    const result = await f.run('status.yml', { inputs: { fail: 'false' } });
    expect(result.jobs).toEqual({
      produce: 'success',
      breaks: 'success',
      'after-break': 'success',
      cleanup: 'success',
      'not-failed': 'success',
      'on-failure': 'skipped',
    });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(f.read('jobs.json'))).toEqual(result.jobs);
  });

  it('a job skipped by its if (not by a failure) lets !failure() run and skips implicit success()', async () => {
    const f = fixture();
    const result = await f.run('skipped-ancestor.yml');
    expect(result.jobs).toEqual({ gate: 'skipped', middle: 'skipped', 'not-failed': 'success', implicit: 'skipped' });
    expect(result.conclusion).toBe('success');
  });
});
