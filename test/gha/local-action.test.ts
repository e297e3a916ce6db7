// A local composite action runs for real: inputs with defaults, nested steps with their own
// if/env/shell/working-directory/id, outputs from its steps, nested emulated actions (setup-node,
// upload-artifact). Every `uses:` ref is recorded, so pins can be asserted; an unknown action fails
// its job, naming it.

import { describe, expect, it } from 'vitest';
import { fixture } from './stand-in.js';

describe('local composite actions', () => {
  it('runs nested steps with inputs, outputs and nested emulated actions', async () => {
    const f = fixture();
    const result = await f.run('local-action.yml', { actor: 'octocat' });
    expect(result.jobs).toEqual({ greet: 'success', unpinned: 'failure' });
    const summary = f.read('summary.md');
    expect(summary).toContain('one=Hello, octocat!');
    expect(summary).toContain('two=Hello, quiet?');
    expect(summary).toContain('skipped=skipped');
    expect(f.read('artifacts/greeting/text.txt')).toBe('Hello, octocat!\n');
    expect(f.read('artifacts/quiet/text.txt')).toBe('Hello, quiet?\n');
    expect(f.read('logs/greet.log')).toContain('action path <ok>');
  });

  it('records every uses: ref, nested ones included, and fails a job using an unknown action', async () => {
    const f = fixture();
    const result = await f.run('local-action.yml');
    const refs = result.uses.map((u) => `${u.job}: ${u.uses}`);
    expect(refs).toEqual([
      'greet: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683',
      'greet: ./.github/actions/greet',
      'greet: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020',
      'greet: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02',
      'greet: ./.github/actions/greet',
      'greet: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020',
      'greet: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02',
    ]);
    const external = result.uses.filter((u) => !u.uses.startsWith('./'));
    expect(external.every((u) => /@[0-9a-f]{40}$/.test(u.uses))).toBe(true);
    expect(result.declaredUses.filter((u) => !/@[0-9a-f]{40}$/.test(u.uses) && !u.uses.startsWith('./'))).toEqual([
      { job: 'unpinned', uses: 'actions/checkout@v4' },
    ]);
    expect(f.read('logs/unpinned.log')).toContain(
      "action 'someone/unknown-action@0123456789abcdef0123456789abcdef01234567' is neither",
    );
  });
});
