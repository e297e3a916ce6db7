// What `gump run` prints when a run stops at an approval point (issue 9): the changes so far and
// the gate results of the attempt it waits in — exact text from a report view.

import { describe, expect, it } from 'vitest';
import { renderApprovalSummary } from '../../src/local/approval-summary.js';
import type { SummaryView } from '../../runtime/run/summary-view.js';

function view(over: Partial<SummaryView>): SummaryView {
  return {
    runId: 'r1',
    workflow: 'w',
    specLine: '',
    spec: 'spec.md',
    branch: 'gump/run-r1',
    base: 'abc',
    outcome: {
      kind: 'waiting',
      step: 'impl',
      point: 'after gate',
      attempt: 2,
      gates: [
        { name: 'test', status: 'pass' },
        { name: 'lint', status: 'fail' },
      ],
    },
    steps: [],
    tasks: [],
    escalations: [],
    totals: {
      steps: 1,
      tasks: 0,
      attempts: 2,
      turns: 0,
      tokensIn: 0,
      tokensOut: 0,
      cost: 0,
      estimated: false,
      costSource: '',
      durationMs: 0,
    },
    failures: [],
    files: {
      list: [{ path: 'src/cart.js', added: 1, removed: 1 }, { path: 'logo.png' }],
      count: 2,
      added: 1,
      removed: 1,
      omitted: 0,
    },
    ...over,
  };
}

describe('renderApprovalSummary', () => {
  it('after the gates: the diffstat and each gate of the waiting attempt', () => {
    expect(renderApprovalSummary(view({}))).toBe(
      [
        'Waiting for approval at impl (after gate, attempt 2).',
        '  changes so far: 2 files, +1 −1',
        '    src/cart.js  +1 −1',
        '    logo.png     binary',
        '  gates: test ✓  lint ✗',
        '',
      ].join('\n'),
    );
  });

  it('before the gates: says they run after approval; long file lists are cut', () => {
    const list = Array.from({ length: 12 }, (_, i) => ({ path: `f${i}.txt`, added: 1, removed: 0 }));
    const text = renderApprovalSummary(
      view({
        outcome: { kind: 'waiting', step: 'impl', point: 'before gate', attempt: 1, gates: [] },
        files: { list, count: 12, added: 12, removed: 0, omitted: 0 },
      }),
    );
    expect(text.split('\n').slice(-3)).toEqual([
      '    … and 2 more (gump report r1 --format markdown)',
      '  gates: not run yet (they run after approval)',
      '',
    ]);
  });

  it('prints nothing for a run that is not waiting', () => {
    expect(renderApprovalSummary(view({ outcome: { kind: 'pass' } }))).toBe('');
  });
});
