// upload-artifact / download-artifact v4 within one run: hidden files left out unless
// include-hidden-files, the artifact root (directory, several paths' common ancestor, a single
// file's parent), duplicate names, if-no-files-found, download by name into `path`, by pattern into
// `<path>/<name>/`, merge-multiple, no pattern match is not an error, a missing name is.

import { describe, expect, it } from 'vitest';
import { fixture } from './stand-in.js';

describe('artifacts', () => {
  it('round-trips files with v4 semantics', async () => {
    const f = fixture();
    const result = await f.run('artifacts.yml');
    expect(result.jobs).toEqual({ up: 'success', down: 'success' });
    const summary = f.read('summary.md');
    expect(summary).toContain('dup=failure/success none=failure');
    expect(summary).toContain('nomatch=success absent=failure');
    const listed = summary.split('\n').filter((l) => /^(by-pattern|single|merged|everything)\//.test(l));
    expect(listed).toEqual([
      'by-pattern/report-a/sub/nested.txt',
      'by-pattern/report-a/visible.txt',
      'everything/data-hidden/.hidden',
      'everything/data-hidden/.hidden-dir/inside.txt',
      'everything/data-hidden/sub/nested.txt',
      'everything/data-hidden/visible.txt',
      'everything/data/sub/nested.txt',
      'everything/data/visible.txt',
      'everything/only-visible/visible.txt',
      'everything/report-a/sub/nested.txt',
      'everything/report-a/visible.txt',
      'merged/.hidden',
      'merged/.hidden-dir/inside.txt',
      'merged/sub/nested.txt',
      'merged/visible.txt',
      'single/sub/nested.txt',
      'single/visible.txt',
    ]);
    expect(f.read('artifacts/only-visible/visible.txt')).toBe('fixture data\n');
    expect(f.read('artifacts/data-hidden/.hidden')).toBe('secret-ish\n');
    expect(() => f.read('artifacts/data/.hidden')).toThrow();
    expect(f.read('logs/up.log')).toContain('(409) Conflict: an artifact with this name already exists');
    expect(f.read('logs/down.log')).toContain('Artifact not found for name: absent');
  });
});
