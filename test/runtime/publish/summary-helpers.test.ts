// The Handlebars helpers of the Markdown report (runtime/run/summary-helpers.ts): table cells never
// break a row, money has the precision a reader needs and marks estimates, durations read
// naturally, code spans and fences outlast the backticks inside, statuses carry an icon.

import { describe, expect, it } from 'vitest';
import { cell, code, duration, fence, inline, money, status } from '../../../runtime/run/summary-helpers.js';
import { firstSpecLine } from '../../../runtime/run/summary-view.js';

describe('report helpers', () => {
  it('escapes pipes and folds newlines in table cells', () => {
    expect(cell('a | b\nc\r\nd')).toBe('a \\| b c d');
    expect(cell('back\\slash|')).toBe('back\\\\slash\\|');
    expect(cell(undefined)).toBe('');
    expect(cell('</details> <b>')).toBe('&lt;/details&gt; &lt;b&gt;');
    expect(inline('a <b>\nc')).toBe('a &lt;b&gt; c');
  });

  it('formats US dollars with sensible precision and marks estimates', () => {
    expect(money(0.12345)).toBe('$0.123');
    expect(money(2, true)).toBe('$2.00*');
    expect(money(0.00421)).toBe('$0.0042');
    expect(money(Number.NaN)).toBe('$0.00');
  });

  it('code spans survive backticks and pipes in a table cell', () => {
    expect(code('src/a.ts')).toBe('`src/a.ts`');
    expect(code('a`b|c')).toBe('``a`b\\|c``');
    expect(code('`x`')).toBe('`` `x` ``');
  });

  it('statuses carry an icon', () => {
    expect(status('pass')).toBe('✅ pass');
    expect(status('fatal')).toBe('❌ fatal');
    expect(status('waiting')).toBe('⏸️ waiting');
    expect(status('not run')).toBe('not run');
  });

  it('formats durations', () => {
    expect(duration(420)).toBe('0.4s');
    expect(duration(12_340)).toBe('12.3s');
    expect(duration(184_000)).toBe('3m 04s');
    expect(duration(3_720_000)).toBe('1h 02m');
  });

  it('fences output longer than any backtick run inside', () => {
    expect(fence(['a', 'b'])).toBe('```text\na\nb\n```');
    expect(fence(['x ```` y'])).toBe('`````text\nx ```` y\n`````');
  });

  it('takes the first spec line without heading marks, at most 72 characters', () => {
    expect(firstSpecLine('\n\n## Add a flag\nmore')).toBe('Add a flag');
    const long = firstSpecLine(`# ${'word '.repeat(30)}`);
    expect(long.length).toBeLessThanOrEqual(72);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('pull request body size', () => {
  it('drops failure output, saying so, when the body would exceed the limit', async () => {
    const { renderPullRequest } = await import('../../../runtime/run/render-summary.js');
    const view = {
      runId: 'r1',
      workflow: 'w',
      specLine: 'Do it',
      spec: 'spec.md',
      branch: 'gump/run-r1',
      base: 'abc',
      outcome: { kind: 'pass' },
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
        costSource: 'no agent ran',
        durationMs: 0,
      },
      failures: [
        { step: 'impl', attempt: 1, status: 'fail', headline: 'gate test failed (exit 1)', lines: ['x'.repeat(500)] },
      ],
    };
    expect(renderPullRequest(view)).toContain('<details><summary>impl attempt 1: gate test failed (exit 1)</summary>');
    const small = renderPullRequest(view, 400);
    expect(small).not.toContain('<details>');
    expect(small).toContain(
      '_The output of 1 failed attempt(s) is left out here for size; see the `gump-report` artifact._',
    );
  });
});
