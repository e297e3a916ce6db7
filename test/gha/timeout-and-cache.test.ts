// timeout-minutes kills the job at its wall-clock deadline and cancels it: only steps whose `if`
// holds for a cancelled job (always(), cancelled()) run after; the job concludes failure;
// job-level continue-on-error makes a failed job read `success` to dependents; actions/cache saves
// at the end of a successful job and restores by key (cache-hit) or restore-keys prefix.

import { describe, expect, it } from 'vitest';
import { fixture } from './stand-in.js';

describe('timeouts, continue-on-error and caches', () => {
  it('kills a job at timeout-minutes, tolerates a continue-on-error job, restores caches', async () => {
    const f = fixture();
    const started = Date.now();
    const result = await f.run('timeout-and-cache.yml');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.jobs).toEqual({ slow: 'failure', tolerated: 'failure', fill: 'success', reuse: 'success' });
    expect(f.read('logs/slow.log')).toContain('started');
    expect(f.read('logs/slow.log')).toContain('has exceeded the maximum execution time of 0.02 minutes');
    const summary = f.read('summary.md');
    expect(summary).not.toContain('success step after timeout');
    expect(summary).toContain('always step after timeout status=cancelled');
    expect(summary).toContain('cancelled step after timeout');
    expect(summary).not.toContain('failure step after timeout');
    expect(summary).toContain('hit=true partial=false tolerated=success miss=failure');
    expect(f.read('logs/reuse.log')).toContain(
      "##[warning]Unexpected input(s) 'restore-key', valid inputs are ['path', 'key', 'restore-keys'",
    );
    expect(summary).toContain(`marker=filled in run ${result.runId} tool=tool`);
  });
});
