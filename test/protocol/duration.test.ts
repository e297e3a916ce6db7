// protocol/duration.ts: the one duration grammar (language.md §2.1) and the one way to write a
// duration back, used by diagnostics (GUMP407) and the runtime's gate errors alike.

import { describe, expect, it } from 'vitest';
import { durationMs, formatDuration } from '../../protocol/duration.js';

describe('formatDuration', () => {
  it('writes hours, minutes and seconds, largest first, without zero parts', () => {
    expect(formatDuration(600_000)).toBe('10m');
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(8 * 3_600_000 + 30 * 60_000)).toBe('8h30m');
    expect(formatDuration(3_600_000 + 5_000)).toBe('1h5s');
    expect(formatDuration(90_000)).toBe('1m30s');
  });

  it('keeps fractions of a second instead of rounding them away, and writes zero as 0s', () => {
    expect(formatDuration(1500)).toBe('1.5s');
    expect(formatDuration(250)).toBe('0.25s');
    expect(formatDuration(0)).toBe('0s');
  });

  it('round-trips through durationMs for whole milliseconds', () => {
    for (const ms of [
      0,
      1,
      999,
      1000,
      1500,
      59_999,
      60_000,
      61_001,
      3_599_999,
      3_600_000,
      7 * 3_600_000 + 30 * 60_000,
      25 * 3_600_000 + 1,
    ]) {
      expect(durationMs(formatDuration(ms)), formatDuration(ms)).toBe(ms);
    }
  });
});
