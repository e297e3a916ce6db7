// protocol/did-you-mean.ts: the one edit distance and nearest-name rule, shared by parse, check,
// the CLI and the runtime's stub scripts.

import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../protocol/did-you-mean.js';

describe('did you mean', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('gate', 'gate')).toBe(0);
    expect(editDistance('gat', 'gate')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
  });

  it('suggests the first nearest candidate within two edits, ignoring case', () => {
    expect(closest('promt', ['agent', 'prompt', 'gate'])).toBe('prompt');
    expect(closest('PROMPT', ['prompt'])).toBe('prompt');
    expect(closest('ab', ['xy', 'ay', 'ab'])).toBe('ab');
    expect(closest('ax', ['ay', 'az'])).toBe('ay');
    expect(closest('retry', ['agent', 'session'])).toBeUndefined();
    expect(closest('a', ['abcd'])).toBeUndefined();
  });
});
