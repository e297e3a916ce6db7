// Error context of a failed gate (language.md §8.3) and the head+tail cap.
import { describe, expect, it } from 'vitest';
import {
  capMiddle,
  gateErrorContext,
  gateFailureMessage,
  TRUNCATION_MARKER,
} from '../../../runtime/gates/error-context.js';
import { config } from './helpers.js';

describe('capMiddle', () => {
  it('keeps short text', () => expect(capMiddle('abc', 3)).toBe('abc'));

  it('keeps head and tail around the marker within the cap', () => {
    const text = `HEAD${'x'.repeat(1000)}TAIL`;
    const capped = capMiddle(text, 100);
    expect(capped).toHaveLength(100);
    expect(capped.startsWith('HEAD')).toBe(true);
    expect(capped.endsWith('TAIL')).toBe(true);
    expect(capped).toContain('[... truncated ...]');
  });

  it('never exceeds a cap smaller than the marker', () => {
    expect(capMiddle('x'.repeat(50), 5)).toBe('xxxxx');
    expect(capMiddle('x'.repeat(50), 0)).toBe('');
    expect(capMiddle('x'.repeat(50), TRUNCATION_MARKER.length + 1)).toHaveLength(TRUNCATION_MARKER.length + 1);
  });
});

describe('gateErrorContext', () => {
  const cfg = config({}, { stdoutTailChars: 10, maxErrorChars: 2000 });

  it('is the header, the stderr, then the stdout tail', () => {
    const text = gateErrorContext('test', 1, 'boom\n', 'line 1\nFAIL: x_test\n', cfg);
    expect(text).toBe('gate test failed (exit 1)\nboom\nL: x_test');
  });

  it('accepts the whole config or its errorContext part, and a status text', () => {
    expect(gateErrorContext('bash_1', 'timed out after 10m', '', '', cfg.errorContext)).toBe(
      'gate bash_1 failed (timed out after 10m)',
    );
    expect(gateErrorContext('b', null, 'x', '', cfg)).toBe('gate b failed (killed or not started)\nx');
  });

  it('omits stdout when stdout_tail_chars is 0', () => {
    expect(gateErrorContext('lint', 2, 'e', 'out', config({}, { stdoutTailChars: 0 }))).toBe(
      'gate lint failed (exit 2)\ne',
    );
  });

  it('caps the whole at max_error_chars keeping head and tail', () => {
    const small = config({}, { maxErrorChars: 200, stdoutTailChars: 2000 });
    const text = gateErrorContext(
      'compile',
      2,
      `first error\n${'noise\n'.repeat(500)}`,
      `${'o'.repeat(3000)}LAST`,
      small,
    );
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text.startsWith('gate compile failed (exit 2)\nfirst error')).toBe(true);
    expect(text.endsWith('LAST')).toBe(true);
    expect(text).toContain('[... truncated ...]');
  });

  it('formats failures without a command', () => {
    expect(gateFailureMessage('touched_0', 'no file was changed', cfg)).toBe(
      'gate touched_0 failed: no file was changed',
    );
    expect(gateFailureMessage('x', 'y'.repeat(5000), config({}, { maxErrorChars: 50 }))).toHaveLength(50);
  });
});
