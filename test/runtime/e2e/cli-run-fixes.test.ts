// `gump run` and friends as a careful user expects (issue 9, defects): the CLI end to end in
// scratch repositories, each case a regression test of one reproduced defect.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo } from '../scenario/harness.js';
import { demoProject, FAST_GATES, gitIn, gump } from './library-run.js';

const SIMPLE = `name: simple
steps:
  - name: impl
    type: code
    get: { prompt: "{spec}" }
    run: { agent: claude-sonnet }
    gate: [compile]
`;
const stubWriting = (value: number): string => `version: 1\nrules:\n  - match: impl\n    write: { "src/a.js": "module.exports = ${value};\\n" }\n`;

function repo(extra: Record<string, string> = {}): string {
  return makeRepo(demoProject({ ...FAST_GATES, '.gump/workflows/simple.yaml': SIMPLE, ...extra }));
}

function runBranches(dir: string): string[] {
  return gitIn(dir, 'branch', '--list', 'gump/*', '--format=%(refname:short)').split('\n').filter((b) => b !== '');
}

describe('defect 1: the stub script comes from the working tree', () => {
  it('uses an uncommitted .gump/stub.yaml', async () => {
    const dir = repo();
    writeFileSync(join(dir, '.gump', 'stub.yaml'), stubWriting(1));
    const run = await gump(dir, 'run', 'simple', '--spec', 'spec.md', '--stub');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(gitIn(dir, 'show', `${runBranches(dir)[0]}:src/a.js`)).toBe('module.exports = 1;');
  });

  it('uses uncommitted edits to a committed stub script', async () => {
    const dir = repo({ '.gump/stub.yaml': stubWriting(1) });
    writeFileSync(join(dir, '.gump', 'stub.yaml'), stubWriting(2));
    const run = await gump(dir, 'run', 'simple', '--spec', 'spec.md', '--stub');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(gitIn(dir, 'show', `${runBranches(dir)[0]}:src/a.js`)).toBe('module.exports = 2;');
  });

  it('refuses a missing or malformed stub script before creating a run branch, naming the user\'s file', async () => {
    const dir = repo();
    const missing = await gump(dir, 'run', 'simple', '--spec', 'spec.md', '--stub');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^gump run: --stub needs a stub script: cannot read \.gump\/stub\.yaml \(no such file\)/);
    mkdirSync(join(dir, '.gump'), { recursive: true });
    writeFileSync(join(dir, '.gump', 'stub.yaml'), 'version: 1\nrules:\n  - match: impl\n    colour: red\n');
    const bad = await gump(dir, 'run', 'simple', '--spec', 'spec.md', '--stub');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^gump run: invalid stub script: \.gump\/stub\.yaml:4: /);
    expect(bad.stderr).toContain('colour');
    expect(runBranches(dir)).toEqual([]);
    expect(existsSync(join(dir, '.git', 'MERGE_HEAD'))).toBe(false);
  });
});

describe('defect 2: gump apply changes nothing on a conflict', () => {
  async function passedRun(): Promise<{ dir: string; id: string }> {
    const dir = repo({ '.gump/stub.yaml': stubWriting(1), 'src/a.js': 'module.exports = 0;\n' });
    const run = await gump(dir, 'run', 'simple', '--spec', 'spec.md', '--stub');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    return { dir, id: runBranches(dir)[0]!.replace('gump/run-', '') };
  }

  it('refuses a conflicting merge naming the files and the next command; the tree is untouched', async () => {
    const { dir, id } = await passedRun();
    writeFileSync(join(dir, 'src', 'a.js'), 'module.exports = 9;\n');
    gitIn(dir, 'commit', '-qam', 'mine');
    const head = gitIn(dir, 'rev-parse', 'HEAD');
    const apply = await gump(dir, 'apply', id);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toBe(`gump apply: run ${id} conflicts with main in src/a.js; nothing was changed.\nTo merge it and resolve the conflicts by hand: git merge gump/run-${id}  (then edit the files, git add them, git commit; git merge --abort gives up)\n`);
    expect(existsSync(join(dir, '.git', 'MERGE_HEAD'))).toBe(false);
    expect(gitIn(dir, 'status', '--porcelain')).toBe('');
    expect(gitIn(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(readFileSync(join(dir, 'src', 'a.js'), 'utf8')).toBe('module.exports = 9;\n');
  });

  it('names untracked files the merge would overwrite, and keeps them', async () => {
    const { dir, id } = await passedRun();
    gitIn(dir, 'rm', '-q', 'src/a.js');
    gitIn(dir, 'commit', '-qm', 'drop a.js');
    writeFileSync(join(dir, 'src', 'a.js'), 'mine, untracked\n');
    const apply = await gump(dir, 'apply', id);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain(`run ${id} conflicts with main in src/a.js; nothing was changed.`);
    expect(readFileSync(join(dir, 'src', 'a.js'), 'utf8')).toBe('mine, untracked\n');
    expect(existsSync(join(dir, '.git', 'MERGE_HEAD'))).toBe(false);
  });

  it('names an untracked file in the way of a file the run adds', async () => {
    const dir = repo({ '.gump/stub.yaml': stubWriting(1) });
    const run = await gump(dir, 'run', 'simple', '--spec', 'spec.md', '--stub');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const id = runBranches(dir)[0]!.replace('gump/run-', '');
    writeFileSync(join(dir, 'src', 'a.js'), 'mine, untracked\n');
    const apply = await gump(dir, 'apply', id);
    expect(apply.code).toBe(2);
    expect(apply.stderr).toBe(`gump apply: untracked files in your working tree would be overwritten by run ${id}: src/a.js; nothing was changed.\nMove them away (or commit them), then run gump apply ${id} again\n`);
    expect(readFileSync(join(dir, 'src', 'a.js'), 'utf8')).toBe('mine, untracked\n');
    rmSync(join(dir, 'src', 'a.js'));
    const again = await gump(dir, 'apply', id);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(dir, 'src', 'a.js'), 'utf8')).toBe('module.exports = 1;\n');
  });
});
