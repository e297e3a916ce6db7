// Why an attempt failed, as people see it (issue 9, defect 4): the error's first line and the tail
// of the gate output — in the live progress, the text report and report.json's `error`.

import { describe, expect, it } from 'vitest';
import { errorExcerpt, excerptText, progressDetail, EXCERPT_LINE_CHARS } from '../../../runtime/exec/error-excerpt.js';
import { buildReport, renderReport } from '../../../runtime/run/report.js';
import { createTrace } from '../../../runtime/run/trace.js';
import type { LedgerEvent } from '../../../runtime/state/ledger.js';
import type { RunState } from '../../../runtime/state/run-state.js';

const GATE_ERROR = [
  'gate test failed (exit 1)',
  'FAIL src/cart.test.js',
  '',
  '',
  '  ● total › adds prices',
  '    expected 3, got 12',
  'Tests: 1 failed, 4 passed, 5 total',
  '',
].join('\n');

describe('errorExcerpt', () => {
  it('keeps the first line as the headline and the rest trimmed, blank runs folded', () => {
    expect(errorExcerpt(GATE_ERROR)).toEqual({
      headline: 'gate test failed (exit 1)',
      lines: [
        'FAIL src/cart.test.js',
        '',
        '  ● total › adds prices',
        '    expected 3, got 12',
        'Tests: 1 failed, 4 passed, 5 total',
      ],
      omitted: 0,
    });
  });

  it('keeps the tail when the output is long, and says how much was left out', () => {
    const error = ['gate lint failed (exit 2)', ...Array.from({ length: 50 }, (_, i) => `problem ${i + 1}`)].join('\n');
    const e = errorExcerpt(error, 3);
    expect(e).toEqual({
      headline: 'gate lint failed (exit 2)',
      lines: ['problem 48', 'problem 49', 'problem 50'],
      omitted: 47,
    });
    expect(excerptText(e)).toBe('gate lint failed (exit 2)\n… 47 earlier lines\nproblem 48\nproblem 49\nproblem 50');
  });

  it('caps long lines and removes ANSI colours', () => {
    const e = errorExcerpt(`gate test failed (exit 1)\n\u001b[31mred\u001b[0m\n${'x'.repeat(1000)}`);
    expect(e.lines[0]).toBe('red');
    expect(e.lines[1]).toHaveLength(EXCERPT_LINE_CHARS);
    expect(e.lines[1]!.endsWith('…')).toBe(true);
  });

  it('an empty error gives an empty excerpt', () => {
    expect(errorExcerpt('\n\n')).toEqual({ headline: '', lines: [], omitted: 0 });
  });
});

describe('the progress line of a failed attempt', () => {
  it('prints the headline in the row and a short excerpt indented below', () => {
    let out = '';
    createTrace((s) => (out += s)).line('impl', 'fail', progressDetail(GATE_ERROR));
    expect(out).toBe(
      [
        '[impl]                       fail     gate test failed (exit 1)',
        '    │ FAIL src/cart.test.js',
        '    │',
        '    │   ● total › adds prices',
        '    │     expected 3, got 12',
        '    │ Tests: 1 failed, 4 passed, 5 total',
        '',
      ].join('\n'),
    );
  });
});

describe('the report', () => {
  const state = {
    runId: 'r1',
    status: 'fatal',
    message: 'step impl: all 1 attempt failed; last error: gate test failed (exit 1)',
    branch: 'gump/run-r1',
    base: 'a'.repeat(40),
    spec: { path: 'spec.md', text: '' },
    startedAt: '2026-01-01T00:00:00.000Z',
    steps: {},
  } as unknown as RunState;
  const at = '2026-01-01T00:00:01.000Z';
  const events: LedgerEvent[] = [
    { at, event: 'step.started', step: 'impl' },
    { at, event: 'attempt.started', step: 'impl', attempt: 1 },
    { at, event: 'gate.finished', step: 'impl', attempt: 1, gate: 'test', status: 'fail' },
    { at, event: 'attempt.finished', step: 'impl', attempt: 1, status: 'fail', error: GATE_ERROR },
    { at, event: 'step.finished', step: 'impl', status: 'fatal' },
  ] as LedgerEvent[];

  it('JSON: the attempt error holds the failing lines, not only the headline', () => {
    const r = JSON.parse(renderReport(buildReport(state, events), 'json'));
    expect(r.steps[0].attempts[0].error).toBe(
      'gate test failed (exit 1)\nFAIL src/cart.test.js\n\n  ● total › adds prices\n    expected 3, got 12\nTests: 1 failed, 4 passed, 5 total',
    );
  });

  it('text: a Failures section under the table with the excerpt', () => {
    const text = renderReport(buildReport(state, events), 'text');
    expect(text).toContain(
      [
        'Failures:',
        '  impl attempt 1: fail — gate test failed (exit 1)',
        '      FAIL src/cart.test.js',
        '',
        '        ● total › adds prices',
        '          expected 3, got 12',
        '      Tests: 1 failed, 4 passed, 5 total',
        '',
      ].join('\n'),
    );
  });
});
