// `gump run` and friends as a careful user expects (issue 9, defects): the CLI end to end in
// scratch repositories, each case a regression test of one reproduced defect.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo } from '../scenario/harness.js';
import { CLASH_WORKFLOW, demoProject, FAST_GATES, gitIn, gump, SIMPLE_WORKFLOW, stubWritingA } from './library-run.js';

function repo(extra: Record<string, string> = {}): string {
  return makeRepo(demoProject({ ...FAST_GATES, '.gump/workflows/simple.yaml': SIMPLE_WORKFLOW, ...extra }));
}

function runBranches(dir: string): string[] {
  return gitIn(dir, 'branch', '--list', 'gump/*', '--format=%(refname:short)')
    .split('\n')
    .filter((b) => b !== '');
}

describe('defect 1: the stub script comes from the working tree', () => {
  it('uses an uncommitted .gump/stub.yaml', async () => {
    const dir = repo();
    writeFileSync(join(dir, '.gump', 'stub.yaml'), stubWritingA(1));
    const run = await gump(dir, 'run', 'simple', '--spec', 'spec.md', '--stub');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(gitIn(dir, 'show', `${runBranches(dir)[0]}:src/a.js`)).toBe('module.exports = 1;');
  });

  it('uses uncommitted edits to a committed stub script', async () => {
    const dir = repo({ '.gump/stub.yaml': stubWritingA(1) });
    writeFileSync(join(dir, '.gump', 'stub.yaml'), stubWritingA(2));
    const run = await gump(dir, 'run', 'simple', '--spec', 'spec.md', '--stub');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(gitIn(dir, 'show', `${runBranches(dir)[0]}:src/a.js`)).toBe('module.exports = 2;');
  });

  it("refuses a missing or malformed stub script before creating a run branch, naming the user's file", async () => {
    const dir = repo();
    const missing = await gump(dir, 'run', 'simple', '--spec', 'spec.md', '--stub');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^gump run: --stub needs a stub script: cannot read \.gump\/stub\.yaml \(no such file\)/,
    );
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
    const dir = repo({ '.gump/stub.yaml': stubWritingA(1), 'src/a.js': 'module.exports = 0;\n' });
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
    expect(apply.stderr).toBe(
      `gump apply: run ${id} conflicts with main in src/a.js; nothing was changed.\nTo merge it and resolve the conflicts by hand: git merge gump/run-${id}  (then edit the files, git add them, git commit; git merge --abort gives up)\n`,
    );
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
    const dir = repo({ '.gump/stub.yaml': stubWritingA(1) });
    const run = await gump(dir, 'run', 'simple', '--spec', 'spec.md', '--stub');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const id = runBranches(dir)[0]!.replace('gump/run-', '');
    writeFileSync(join(dir, 'src', 'a.js'), 'mine, untracked\n');
    const apply = await gump(dir, 'apply', id);
    expect(apply.code).toBe(2);
    expect(apply.stderr).toBe(
      `gump apply: untracked files in your working tree would be overwritten by run ${id}: src/a.js; nothing was changed.\nMove them away (or commit them), then run gump apply ${id} again\n`,
    );
    expect(readFileSync(join(dir, 'src', 'a.js'), 'utf8')).toBe('mine, untracked\n');
    rmSync(join(dir, 'src', 'a.js'));
    const again = await gump(dir, 'apply', id);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(dir, 'src', 'a.js'), 'utf8')).toBe('module.exports = 1;\n');
  });
});

const REVIEWED = `name: reviewed
steps:
  - name: impl
    type: code
    get: { prompt: "{spec}" }
    run:
      agent: claude-sonnet
      hitl: before_gate
    gate: [compile]
`;

/** The shortest prefix of `id` no other of `ids` starts with. */
function uniquePrefix(id: string, ids: string[]): string {
  for (let n = 1; n <= id.length; n++)
    if (ids.filter((o) => o.startsWith(id.slice(0, n))).length === 1) return id.slice(0, n);
  return id;
}

describe('defect 8 and housekeeping: the waiting run, id prefixes, gump runs, gump clean', () => {
  it('approve/reject without an id take the run that waits, not the newest; several waiting are listed', async () => {
    const dir = repo({ '.gump/stub.yaml': stubWritingA(1), '.gump/workflows/reviewed.yaml': REVIEWED });
    expect((await gump(dir, 'run', 'reviewed', '--spec', 'spec.md', '--stub')).code).toBe(3);
    expect((await gump(dir, 'run', 'reviewed', '--spec', 'spec.md', '--stub')).code).toBe(3);
    const [first, second] = runBranches(dir)
      .map((b) => b.replace('gump/run-', ''))
      .sort();
    const ambiguous = await gump(dir, 'approve');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toBe(
      `gump approve: 2 runs are waiting for an approval: ${first}, ${second}; name one: gump approve <run-id>\n`,
    );

    const ids = [first!, second!];
    const approved = await gump(dir, 'approve', uniquePrefix(second!, ids));
    expect(approved.code, approved.stdout + approved.stderr).toBe(0);
    // Now the newest run has passed; a bare reject takes the older, waiting one.
    const rejected = await gump(dir, 'reject');
    expect(rejected.code, rejected.stdout + rejected.stderr).toBe(4);
    expect(JSON.parse((await gump(dir, 'report', uniquePrefix(first!, ids), '--format', 'json')).stdout)).toMatchObject(
      { runId: first, status: 'aborted' },
    );
    const none = await gump(dir, 'approve');
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'gump approve: no run is waiting for an approval (gump runs lists the runs and their status)\n',
    );
    const prefix = await gump(dir, 'report', first!.slice(0, 4));
    expect(prefix.code).toBe(2);
    expect(prefix.stderr).toBe(
      `gump report: "${first!.slice(0, 4)}" matches 2 runs (${first}, ${second}): give more of the id\n`,
    );

    const runs = await gump(dir, 'runs');
    expect(runs.code, runs.stderr).toBe(0);
    const lines = runs.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+status\s+workflow\s+age\s+cost$/);
    // Rows come in start order (test/local/run-order.test.ts); ids of one second may sort either way.
    expect(
      lines
        .slice(1)
        .map((l) => l.split(/\s+/).slice(0, 3))
        .sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    ).toEqual([
      [first, 'aborted', 'reviewed'],
      [second, 'pass', 'reviewed'],
    ]);
    expect(lines[1]).toMatch(/\s\d+[smhd]\s+\$0\.00$/);
  });

  it("clean removes finished runs and their branches, keeps waiting and unapplied runs and the user's branches", async () => {
    const dir = repo({ '.gump/stub.yaml': stubWritingA(1), '.gump/workflows/reviewed.yaml': REVIEWED });
    gitIn(dir, 'branch', 'gump/mine');
    // Each run's id from its own output: ids started within one second do not sort by start.
    const start = async (workflow: string, code: number): Promise<string> => {
      const r = await gump(dir, 'run', workflow, '--spec', 'spec.md', '--stub');
      expect(r.code, r.stdout + r.stderr).toBe(code);
      return /^branch: gump\/run-(\S+)$/m.exec(r.stdout)![1]!;
    };
    const appliedId = await start('simple', 0); // passed, applied below
    // A new base commit: two stub runs of one second on one base would make the very same commit,
    // and applying one would apply both.
    writeFileSync(join(dir, 'notes.txt'), 'a user commit between the runs\n');
    gitIn(dir, 'add', 'notes.txt');
    gitIn(dir, 'commit', '-q', '-m', 'notes');
    const unapplied = await start('simple', 0); // passed, not applied
    const waiting = await start('reviewed', 3);
    expect((await gump(dir, 'apply', appliedId!)).code).toBe(0);

    const clean = await gump(dir, 'clean');
    expect(clean.code, clean.stderr).toBe(0);
    // One line per run, in run-id order (runs of one second: not their start order), then the count.
    const lines = clean.stdout.trimEnd().split('\n');
    expect(lines.slice(0, -1).sort()).toEqual([
      `kept ${unapplied} (passed, not applied: gump apply ${unapplied}, or gump clean --all)`,
      `removed ${appliedId} (pass, simple) and branch gump/run-${appliedId}`,
    ]);
    expect(lines.at(-1)).toBe('1 run removed');
    expect(runBranches(dir).sort()).toEqual(['gump/mine', `gump/run-${unapplied}`, `gump/run-${waiting}`].sort());
    expect(gitIn(dir, 'worktree', 'list').split('\n')).toHaveLength(3);

    const all = await gump(dir, 'clean', '--all', '--keep', '0');
    expect(all.stdout).toBe(`removed ${unapplied} (pass, simple) and branch gump/run-${unapplied}\n1 run removed\n`);
    expect(runBranches(dir).sort()).toEqual(['gump/mine', `gump/run-${waiting}`]);
    expect((await gump(dir, 'approve')).code).toBe(0);
    expect((await gump(dir, 'clean', '--all', '--keep', '1')).stdout).toBe('0 runs removed\n');
    expect((await gump(dir, 'clean', '--keep', 'x')).code).toBe(2);
  });
});

const CLASH_STUB =
  'version: 1\nrules:\n  - match: both/one\n    write: { "src/x.js": "module.exports = 1;\\n" }\n  - match: both/two\n    write: { "src/x.js": "module.exports = 2;\\n" }\n';

interface ReportJson {
  status: string;
  message?: string;
  finishedAt?: string;
  steps: { step: string; attempts: { status: string }[] }[];
}

describe('defect 7: status after resume, open attempts, passed and conflicted runs', () => {
  it('a rejected run, resumed, no longer says rejected; open attempts read waiting and aborted, not running', async () => {
    const dir = repo({ '.gump/stub.yaml': stubWritingA(1), '.gump/workflows/reviewed.yaml': REVIEWED });
    expect((await gump(dir, 'run', 'reviewed', '--spec', 'spec.md', '--stub')).code).toBe(3);
    const report = async (): Promise<ReportJson> =>
      JSON.parse((await gump(dir, 'report', '--format', 'json')).stdout) as ReportJson;
    expect((await report()).steps[0]!.attempts.map((a) => a.status)).toEqual(['waiting']);
    expect((await gump(dir, 'reject')).code).toBe(4);
    expect(await report()).toMatchObject({
      status: 'aborted',
      message: 'rejected at before gate of impl',
      steps: [{ attempts: [{ status: 'aborted' }] }],
    });
    const resumed = await gump(dir, 'run', '--resume');
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(3);
    expect(resumed.stdout).toContain('Run waiting: waiting');
    expect(resumed.stdout).not.toContain('rejected');
    const after = await report();
    expect(after.status).toBe('waiting');
    expect(after.message).toBeUndefined();
    expect(after.steps[0]!.attempts.map((a) => a.status)).not.toContain('running');
  });

  it('resuming a passed run changes nothing', async () => {
    const dir = repo({ '.gump/stub.yaml': stubWritingA(1) });
    expect((await gump(dir, 'run', 'simple', '--spec', 'spec.md', '--stub')).code).toBe(0);
    const before = (await gump(dir, 'report', '--format', 'json')).stdout;
    const id = runBranches(dir)[0]!.replace('gump/run-', '');
    const resumed = await gump(dir, 'run', '--resume');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toBe(
      `run ${id} has passed; nothing to resume\nnext: gump apply ${id}   (merge the result into your current branch)\n`,
    );
    expect((await gump(dir, 'report', '--format', 'json')).stdout).toBe(before);
  });

  it('a fatal merge conflict does not suggest --resume', async () => {
    const dir = repo({ '.gump/stub.yaml': CLASH_STUB, '.gump/workflows/clash.yaml': CLASH_WORKFLOW });
    const run = await gump(dir, 'run', 'clash', '--spec', 'spec.md', '--stub');
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain('parallel merge conflict in both');
    expect(run.stdout).not.toContain('--resume');
    expect(run.stdout).toContain('a merge conflict is final');
  });
});

describe('early checks before any agent spends', () => {
  it('refuses an empty or unreadable spec, an unknown --input and a gate command that cannot run; no run branch', async () => {
    const dir = repo({ '.gump/stub.yaml': stubWritingA(1), 'empty.md': ' \n\n' });
    const empty = await gump(dir, 'run', 'simple', '--spec', 'empty.md', '--stub');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('gump run: the spec file empty.md is empty: write what the agents should build\n');
    const missing = await gump(dir, 'run', 'simple', '--spec', 'nope.md', '--stub');
    expect(missing.stderr).toBe('gump run: cannot read the spec file nope.md: no such file\n');
    const folder = await gump(dir, 'run', 'simple', '--spec', 'src', '--stub');
    expect(folder.stderr).toBe('gump run: cannot read the spec file src: it is a folder\n');
    const input = await gump(dir, 'run', 'simple', '--spec', 'spec.md', '--stub', '--input', 'colour=red');
    expect(input.code).toBe(2);
    expect(input.stderr).toBe('gump run: unknown input "colour": workflow simple takes no inputs\n');

    // The gates resolve in the run's checkout of the last commit: its gump.toml, not the working tree's.
    writeFileSync(join(dir, 'gump.toml'), '[validation]\ncompile_cmd = "no-such-compiler-xyz --all"\n');
    gitIn(dir, 'add', 'gump.toml');
    gitIn(dir, 'commit', '-qm', 'a compile command that cannot run');
    const problem =
      'gump run: the workflow\'s gates cannot run; nothing was started:\n  compile command "no-such-compiler-xyz --all" (from gump.toml [validation] compile_cmd) cannot run: "no-such-compiler-xyz" is not on PATH; install it or set compile_cmd in gump.toml [validation]';
    const gate = await gump(dir, 'run', 'simple', '--spec', 'spec.md', '--stub');
    expect(gate.code).toBe(2);
    expect(gate.stderr).toBe(`${problem}\n`);
    expect(runBranches(dir)).toEqual([]);
    expect((await gump(dir, 'runs')).stdout).toBe(
      'no gump run in this repository yet: start one with gump run <workflow> --spec <file>\n',
    );
    // A fix not yet committed is not in the run: said so.
    writeFileSync(join(dir, 'gump.toml'), '[validation]\ncompile_cmd = "true"\n');
    const uncommitted = await gump(dir, 'run', 'simple', '--spec', 'spec.md', '--stub');
    expect(uncommitted.code).toBe(2);
    expect(uncommitted.stderr).toBe(
      `${problem}\n(the run starts from the last commit; uncommitted changes to gump.toml are not in it: commit them first)\n`,
    );
    expect(runBranches(dir)).toEqual([]);
  });
});
