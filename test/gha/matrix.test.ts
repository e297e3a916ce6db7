// strategy.matrix from fromJSON(needs.x.outputs.y), include, a matrix job's output (the last leg
// to finish), fail-fast, and the empty matrix: a guarded job is skipped, an unguarded one fails
// like GitHub.

import { describe, expect, it } from 'vitest';
import { expandMatrix } from './expand-matrix.js';
import { fixture } from './stand-in.js';

describe('matrix', () => {
  it('runs one leg per fromJSON value, include extends a leg, the job output is the last leg', async () => {
    const f = fixture();
    const result = await f.run('matrix.yml');
    expect(result.jobs).toEqual({
      plan: 'success',
      'work (a)': 'success',
      'work (b, bee)': 'success',
      'work (c)': 'success',
      report: 'success',
      'unguarded (a)': 'success',
      'unguarded (b)': 'success',
      'unguarded (c)': 'success',
    });
    expect(f.read('summary.md')).toContain('work=success last=c-2/3');
    expect(f.read('logs/work (b, bee).log')).toContain('##[step]');
  });

  it('an empty matrix skips the guarded job and fails the unguarded one', async () => {
    const f = fixture();
    const result = await f.run('matrix.yml', { inputs: { shards: '[]' } });
    expect(result.jobs).toEqual({ plan: 'success', work: 'skipped', report: 'success', unguarded: 'failure' });
    expect(f.read('summary.md')).toContain('work=skipped last=');
    expect(f.read('logs/unguarded.log')).toContain("Matrix vector 'shard' does not contain any values");
    expect(result.exitCode).toBe(1);
  });

  it('cancels the remaining legs after a failure unless fail-fast is false', async () => {
    const f = fixture();
    const result = await f.run('fail-fast.yml');
    expect(result.jobs).toEqual({
      'fast (1)': 'failure',
      'fast (2)': 'cancelled',
      'fast (3)': 'cancelled',
      'patient (1)': 'success',
      'patient (2)': 'failure',
      'patient (3)': 'success',
      after: 'success',
    });
    expect(f.read('summary.md')).toContain('fast=failure patient=failure');
  });

  it('expands like GitHub: exclude partial matches, include extends or adds', () => {
    expect(
      expandMatrix({
        os: ['linux', 'mac'],
        node: [18, 20],
        exclude: [{ os: 'mac', node: 18 }],
        include: [
          { os: 'linux', experimental: true },
          { os: 'windows', node: 20 },
        ],
      }),
    ).toEqual([
      { os: 'linux', node: 18, experimental: true },
      { os: 'linux', node: 20, experimental: true },
      { os: 'mac', node: 20 },
      { os: 'windows', node: 20 },
    ]);
    // The example of GitHub's docs ("Expanding or adding matrix configurations").
    expect(
      expandMatrix({
        fruit: ['apple', 'pear'],
        animal: ['cat', 'dog'],
        include: [
          { color: 'green' },
          { color: 'pink', animal: 'cat' },
          { fruit: 'apple', shape: 'circle' },
          { fruit: 'banana' },
          { fruit: 'banana', animal: 'cat' },
        ],
      }),
    ).toEqual([
      { fruit: 'apple', animal: 'cat', color: 'pink', shape: 'circle' },
      { fruit: 'apple', animal: 'dog', color: 'green', shape: 'circle' },
      { fruit: 'pear', animal: 'cat', color: 'pink' },
      { fruit: 'pear', animal: 'dog', color: 'green' },
      { fruit: 'banana' },
      { fruit: 'banana', animal: 'cat' },
    ]);
    expect(() => expandMatrix({ include: [] })).toThrow('Matrix must define at least one vector');
    expect(() => expandMatrix({ n: Array.from({ length: 257 }, (_, i) => i) })).toThrow('256');
  });
});
