// Jobs bound to an environment wait for a review: decisions are taken in job order; approve runs
// the job, reject fails it without running (a rejected deployment review), and with no decision
// left the job is `waiting`, the run stops there and exits 3; a re-run (new attempt) picks up there.

import { describe, expect, it } from 'vitest';
import { fixture } from './stand-in.js';

describe('environment reviews', () => {
  it('approved environments run', async () => {
    const f = fixture();
    const result = await f.run('environments.yml', { decisions: ['approve', 'approve'] });
    expect(result.jobs).toEqual({ build: 'success', staging: 'success', production: 'success', notify: 'success' });
    expect(result.details.map((j) => `${j.id}:${j.environment ?? '-'}:${j.decision ?? '-'}`)).toEqual([
      'build:-:-',
      'staging:staging:approve',
      'production:production:approve',
      'notify:-:-',
    ]);
    expect(f.read('summary.md')).toContain('deployed to production');
    expect(result.exitCode).toBe(0);
  });

  it('a rejected environment fails its job without running it', async () => {
    const f = fixture();
    const result = await f.run('environments.yml', { decisions: ['approve', 'reject'] });
    expect(result.jobs).toEqual({ build: 'success', staging: 'success', production: 'failure', notify: 'success' });
    expect(f.read('summary.md')).not.toContain('deployed to production');
    expect(f.read('summary.md')).toContain('production=failure');
    expect(result.exitCode).toBe(1);
  });

  it('with no decision left the job waits and the run stops with exit code 3', async () => {
    const f = fixture();
    const result = await f.run('environments.yml', { decisions: ['approve'] });
    expect(result.jobs).toEqual({ build: 'success', staging: 'success', production: 'waiting' });
    expect(result.conclusion).toBe('waiting');
    expect(result.exitCode).toBe(3);

    const resumed = await f.run('environments.yml', { rerunFailed: result.runId, decisions: ['approve'] });
    expect(resumed.attempt).toBe(2);
    expect(resumed.jobs).toEqual({ build: 'success', staging: 'success', production: 'success', notify: 'success' });
    expect(resumed.details.map((j) => j.id)).toEqual(['production', 'notify']);
  });
});
