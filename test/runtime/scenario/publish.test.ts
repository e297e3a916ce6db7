// The runtime's publish and tasks commands (docs/runtime.md): only a passed run's gump/run-<id>
// branch is ever pushed, the PR body is the Markdown report; tasks prints a planned split's list.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from './harness.js';

const RUNTIME = join(import.meta.dirname, '..', '..', '..', 'dist', 'gump-runtime.mjs');

function runtime(worktree: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [RUNTIME, ...args, '--worktree', worktree], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const SPLIT = [
  'name: p',
  'steps:',
  '  - name: decompose',
  '    type: split',
  '    agent: claude-opus',
  '    prompt: "Plan {spec}"',
  '    each:',
  '      - name: impl',
  '        type: code',
  '        agent: claude-haiku',
  '        prompt: "Do {task.description}"',
  '',
].join('\n');

const STUB =
  'version: 1\nrules:\n  - match: decompose\n    plan: [ { name: one, description: "First", files: ["a.txt"] } ]\n  - match: "decompose/*/impl"\n    write: { "a.txt": "a\\n" }\n';

describe('runtime publish and tasks', () => {
  it('pushes only the run branch of a passed run and writes the PR body', async () => {
    const r = await runScenario({ workflow: SPLIT, stub: STUB });
    expect(r.code).toBe(0);
    const remote = mkdtempSync(join(tmpdir(), 'gump-remote-'));
    execFileSync('git', ['init', '-q', '--bare', remote]);
    const body = join(remote, 'body.md');
    const p = runtime(r.worktree, 'publish', '--remote', remote, '--body', body);
    expect(p.code).toBe(0);
    const heads = execFileSync('git', ['for-each-ref', '--format=%(refname)', 'refs/heads'], {
      cwd: remote,
      encoding: 'utf8',
    })
      .trim()
      .split('\n');
    expect(heads).toEqual([`refs/heads/${r.state.branch}`]);
    expect(
      execFileSync('git', ['rev-parse', `refs/heads/${r.state.branch}`], { cwd: remote, encoding: 'utf8' }).trim(),
    ).toBe(r.git('rev-parse', r.state.branch));
    expect(readFileSync(body, 'utf8')).toContain(`## gump run \`${r.runId}\` (p): passed`);
    const ledger = readFileSync(join(r.worktree, '.gump', 'run', 'ledger.ndjson'), 'utf8');
    expect(ledger).toContain('"event":"run.published"');

    const t = runtime(r.worktree, 'tasks', '--split', 'decompose');
    expect(t.code).toBe(0);
    expect(JSON.parse(t.out)).toEqual([{ name: 'one', description: 'First', files: ['a.txt'] }]);
  });

  it('refuses to publish a run that did not pass', async () => {
    const r = await runScenario({ workflow: SPLIT, stub: `${STUB}    exit_code: 1\n` });
    expect(r.state.status).toBe('fatal');
    const remote = mkdtempSync(join(tmpdir(), 'gump-remote-'));
    execFileSync('git', ['init', '-q', '--bare', remote]);
    const p = runtime(r.worktree, 'publish', '--remote', remote);
    expect(p.code).toBe(1);
    expect(p.err).toContain('only a passed run is published');
    expect(execFileSync('git', ['for-each-ref', 'refs/heads'], { cwd: remote, encoding: 'utf8' }).trim()).toBe('');
  });
});
