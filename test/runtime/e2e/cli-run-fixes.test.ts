// `gump run` and friends as a careful user expects (issue 9, defects): the CLI end to end in
// scratch repositories, each case a regression test of one reproduced defect.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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
