// runShell (language.md §8.3): sh -c in the given folder and env, stdin closed, output captured
// with a tail cap, the whole process group killed on timeout.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runShell } from '../../../runtime/gates/shell.js';
import { makeProject, type Project } from './helpers.js';

let p: Project | undefined;
afterEach(() => p?.cleanup());

const env = (): Record<string, string> => ({ PATH: process.env.PATH ?? '', GUMP_STEP_PATH: 'impl' });

describe('runShell', () => {
  it('runs sh -c in cwd with exactly the given env and closed stdin', async () => {
    p = makeProject();
    const r = await runShell('pwd; echo "step=$GUMP_STEP_PATH home=${HOME:-unset}"; cat; echo err >&2; exit 3', {
      cwd: p.root,
      env: env(),
      timeoutMs: 5000,
    });
    expect(r).toEqual({
      code: 3,
      stdout: expect.stringContaining('step=impl home=unset'),
      stderr: 'err\n',
      timedOut: false,
    });
    expect(r.stdout.split('\n')[0]).toMatch(/gump-gates-/);
  });

  it('keeps the tail of an oversized stream', async () => {
    p = makeProject();
    const r = await runShell(`node -e 'process.stdout.write("a".repeat(5000) + "END")'`, {
      cwd: p.root,
      env: env(),
      timeoutMs: 5000,
      maxOutputChars: 1000,
    });
    expect(r.stdout).toHaveLength(1000);
    expect(r.stdout.endsWith('aaaEND')).toBe(true);
  });

  it('kills the whole process group on timeout, SIGKILL after the grace', async () => {
    p = makeProject();
    const marker = join(p.root, 'survived');
    const started = Date.now();
    // The child shell ignores SIGTERM; its background grandchild would write the marker later.
    const r = await runShell(`trap '' TERM; (sleep 1; touch ${marker}) & echo started; while :; do sleep 0.05; done`, {
      cwd: p.root,
      env: env(),
      timeoutMs: 300,
      graceMs: 300,
    });
    expect(r.timedOut).toBe(true);
    expect(r.code).toBeNull();
    expect(r.stdout).toBe('started\n');
    expect(Date.now() - started).toBeLessThan(1000);
    await new Promise((res) => setTimeout(res, 1300 - (Date.now() - started)));
    expect(existsSync(marker)).toBe(false);
  });

  it('does not wait for a background process that keeps the pipes open', async () => {
    p = makeProject();
    const started = Date.now();
    const r = await runShell('sleep 3 & echo done', { cwd: p.root, env: env(), timeoutMs: 10_000 });
    expect(r).toMatchObject({ code: 0, stdout: 'done\n', timedOut: false });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a missing working directory instead of throwing', async () => {
    p = makeProject();
    const r = await runShell('true', { cwd: join(p.root, 'nope'), env: env(), timeoutMs: 1000 });
    expect(r.code).toBeNull();
    expect(r.stderr).toContain('does not exist');
  });
});
