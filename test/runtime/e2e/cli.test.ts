// The local CLI end to end in a scratch repository (`node bin/gump.mjs …`): approval points with
// gump approve / gump reject and their exit codes (0 pass, 3 waiting, 4 aborted, 2 error, as in
// src/cli/run-command.ts), gump report in every format, gump apply and its refusals.

import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo } from '../scenario/harness.js';
import { runsDir } from '../../../src/local/runs.js';
import { demoProject, FAST_GATES, gitIn, gump } from './library-run.js';

const REVIEWED = `name: reviewed
steps:
  - name: impl
    type: code
    get: { prompt: "{spec}" }
    run:
      agent: claude-sonnet
      hitl: before_gate
    gate: [compile]
  - name: quality
    gate: [compile, test]
`;
const STUB =
  'version: 1\nrules:\n  - match: impl\n    write: { "src/a.js": "module.exports = 1;\\n", "src/a.test.js": "require(\'./a.js\');\\n" }\n    cost: 0.25\n';

function repo(): string {
  return makeRepo(demoProject({ ...FAST_GATES, '.gump/workflows/reviewed.yaml': REVIEWED, '.gump/stub.yaml': STUB }));
}

function runIds(dir: string): string[] {
  return readdirSync(runsDir(dir)).sort();
}

describe('gump CLI end to end', () => {
  it('waits at an approval point (exit 3); approve continues to pass (exit 0); report in text, json and markdown; apply merges', async () => {
    const dir = repo();
    const run = await gump(dir, 'run', 'reviewed', '--spec', 'spec.md', '--stub');
    expect(run.code, run.stdout + run.stderr).toBe(3);
    const [id] = runIds(dir);
    expect(run.stdout).toContain('Run waiting: waiting');
    // What is being approved: the changes so far; the gates run after a before_gate approval.
    expect(run.stdout).toContain(
      '\nWaiting for approval at impl (before gate, attempt 1).\n  changes so far: 2 files, +2 −0\n    src/a.js       +1 −0\n    src/a.test.js  +1 −0\n  gates: not run yet (they run after approval)\n',
    );
    expect(run.stdout).toContain(`next: gump approve ${id}  or  gump reject ${id} --reason "<why>"`);
    // The agent's work is already committed on the run branch; the gates have not run.
    expect(gitIn(dir, 'log', '-1', '--format=%s', `gump/run-${id}`)).toBe('[gump] step:impl task:- attempt:1');

    const notPassed = await gump(dir, 'apply', id!);
    expect(notPassed.code).toBe(2);
    expect(notPassed.stderr.trim()).toBe(`gump apply: run ${id} has status waiting; only a passed run can be applied`);

    const approved = await gump(dir, 'approve', id!);
    expect(approved.code, approved.stdout + approved.stderr).toBe(0);
    expect(approved.stdout).toContain('Run completed: pass');
    expect(approved.stdout).toContain(`next: gump apply ${id}`);

    const again = await gump(dir, 'approve', id!);
    expect(again.code).toBe(2);
    expect(again.stderr.trim()).toBe(`gump approve: run ${id} is not waiting for an approval (status pass)`);

    const json = await gump(dir, 'report', id!, '--format', 'json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as {
      status: string;
      steps: {
        step: string;
        status: string;
        attempts: { status: string; gates: { name: string; status: string }[]; cost: number }[];
      }[];
      totals: { cost: number };
    };
    expect(report.status).toBe('pass');
    expect(report.steps.map((s) => [s.step, s.status])).toEqual([
      ['impl', 'pass'],
      ['quality', 'pass'],
    ]);
    expect(report.steps[0]!.attempts).toMatchObject([
      { status: 'pass', gates: [{ name: 'compile', status: 'pass' }], cost: 0.25 },
    ]);
    expect(report.totals.cost).toBe(0.25);
    const markdown = await gump(dir, 'report', id!, '--format', 'markdown');
    // Markdown: the pull/merge request body, outcome first.
    expect(markdown.stdout.split('\n')[0]).toMatch(new RegExp(`^## gump run \`${id}\` \\(.+\\): passed$`));
    expect(markdown.stdout.split('\n')[2]).toMatch(/^\*\*✅ Passed\*\*: 2 steps, 2 attempts, /);
    expect(markdown.stdout).toMatch(/^\| `impl` \| ✅ pass \| 1 \| claude-sonnet \|/m);
    const text = await gump(dir, 'report', '--format', 'text');
    expect(text.stdout.split('\n')[0]).toMatch(/^step\s+attempt\s+status\s+agent/);
    expect(text.stdout).toContain(`Run ${id}: pass  cost: $0.250`);
    const badFormat = await gump(dir, 'report', '--format', 'yaml');
    expect(badFormat.code).toBe(2);

    // apply: refused on a dirty working tree, then merges into the current branch.
    writeFileSync(join(dir, 'spec.md'), '# changed\n');
    const dirty = await gump(dir, 'apply', id!);
    expect(dirty.code).toBe(2);
    expect(dirty.stderr).toMatch(/^gump apply: your working tree has uncommitted changes; commit or stash them first/);
    expect(gitIn(dir, 'log', '-1', '--format=%s', 'main')).toBe('base');
    gitIn(dir, 'checkout', '--', 'spec.md');
    const applied = await gump(dir, 'apply', id!);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout.trim()).toBe(`merged gump/run-${id} into main`);
    expect(gitIn(dir, 'log', '-1', '--format=%s', 'main')).toBe(`Merge gump run ${id}`);
    expect(gitIn(dir, 'show', 'main:src/a.js')).toBe('module.exports = 1;');
  });

  it('reject aborts the run (exit 4); apply refuses it; resume waits at the same point again (exit 3)', async () => {
    const dir = repo();
    expect((await gump(dir, 'run', 'reviewed', '--spec', 'spec.md', '--stub')).code).toBe(3);
    const [id] = runIds(dir);
    const rejected = await gump(dir, 'reject', id!, '--reason', 'use a constant');
    expect(rejected.code, rejected.stdout + rejected.stderr).toBe(4);
    expect(rejected.stdout).toContain('Run completed: aborted');
    expect(rejected.stdout).toContain('rejected at before gate of impl: use a constant');
    const report = JSON.parse((await gump(dir, 'report', id!, '--format', 'json')).stdout) as {
      status: string;
      message: string;
    };
    expect(report).toMatchObject({ status: 'aborted', message: 'rejected at before gate of impl: use a constant' });
    expect((await gump(dir, 'report', id!, '--format', 'markdown')).stdout).toContain(
      '**⛔ Aborted:** rejected at before gate of impl: use a constant\n',
    );
    const apply = await gump(dir, 'apply', id!);
    expect(apply.code).toBe(2);
    expect(apply.stderr.trim()).toBe(`gump apply: run ${id} has status aborted; only a passed run can be applied`);
    expect(gitIn(dir, 'log', '-1', '--format=%s', 'main')).toBe('base');

    const resumed = await gump(dir, 'run', '--resume', id!);
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(3);
    expect(resumed.stdout).toContain('Run waiting: waiting');
    const approved = await gump(dir, 'approve', id!);
    expect(approved.code, approved.stdout + approved.stderr).toBe(0);
    // The agent ran once: the approval resumed the same attempt at its gates.
    expect(gitIn(dir, 'log', '--format=%s', `main..gump/run-${id}`)).toBe('[gump] step:impl task:- attempt:1');

    const unknown = await gump(dir, 'approve', 'no-such-run');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^gump approve: no run "no-such-run" in this repository/);
  });
});
