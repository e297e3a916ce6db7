// Job boundaries (docs/runtime.md): a later job starts from a fresh checkout of the base with no run
// directory, restores the run branch and run directory from the boundaries folder, and continues the run.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTHING_RESTORED, saveBoundary } from '../../../runtime/run/boundary.js';
import { runPaths } from '../../../runtime/run/layout.js';
import { loadState } from '../../../runtime/state/run-state.js';
import { runScenario } from './harness.js';

const RUNTIME = join(import.meta.dirname, '..', '..', '..', 'dist', 'gump-runtime.mjs');

describe('job boundary', () => {
  it('continues a run in a fresh clone that has only the boundary', async () => {
    const r = await runScenario({
      workflow: [
        'name: b',
        'steps:',
        '  - { name: first, type: code, agent: claude-haiku, prompt: "One" }',
        '  - { name: second, type: code, agent: claude-haiku, prompt: "Two", gate: [compile], hitl: before_gate }',
        '',
      ].join('\n'),
      stub: 'version: 1\nrules:\n  - match: first\n    write: { "one.txt": "1\\n" }\n  - match: second\n    write: { "two.txt": "2\\n" }\n',
    });
    expect(r.state.status).toBe('waiting');
    expect(spawnSync(process.execPath, [RUNTIME, 'approve', '--worktree', r.worktree]).status).toBe(0);
    const boundaries = mkdtempSync(join(tmpdir(), 'gump-boundary-'));
    await saveBoundary(r.worktree, join(boundaries, 'approved'), {
      name: 'approved',
      unit: '',
      restored: NOTHING_RESTORED,
      state: loadState(runPaths(r.worktree).state),
    });

    const clone = join(mkdtempSync(join(tmpdir(), 'gump-job-')), 'checkout');
    execFileSync('git', ['clone', '-q', r.repo, clone]);
    expect(existsSync(join(clone, '.gump', 'run'))).toBe(false);
    const job = spawnSync(
      process.execPath,
      [RUNTIME, 'unit', '--worktree', clone, '--unit', 'step-1', '--boundaries', boundaries, '--skip-source-check'],
      { encoding: 'utf8', env: { ...process.env, GUMP_STUB: '1' } },
    );
    expect(job.stderr).toBe('');
    expect(job.status).toBe(0);
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: clone, encoding: 'utf8' }).trim();
    expect(git('rev-parse', '--abbrev-ref', 'HEAD')).toBe(r.state.branch);
    expect(git('log', '--format=%s', `${r.state.base}..HEAD`).split('\n')).toEqual([
      '[gump] step:second task:- attempt:1',
      '[gump] step:first task:- attempt:1',
    ]);
    const after = spawnSync(process.execPath, [RUNTIME, 'report', '--worktree', clone, '--format', 'json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(after.stdout)).toMatchObject({ status: 'pass', runId: r.runId });
  });
});
