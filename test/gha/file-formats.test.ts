// The runner's file-command formats and upload-artifact's file search, in isolation.

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKeyValueFile } from './env-files.js';
import { findFiles } from './find-files.js';

describe('file formats', () => {
  it('parses name=value and name<<DELIMITER blocks', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gha-env-')), 'out');
    writeFileSync(file, 'a=1\nb=x=y\nbody<<EOF_1\nline 1\n\nline=3\nEOF_1\nc=\n');
    expect(parseKeyValueFile(file)).toEqual({ a: '1', b: 'x=y', body: 'line 1\n\nline=3', c: '' });
    writeFileSync(file, 'open<<END\nnever closed\n');
    expect(() => parseKeyValueFile(file)).toThrow("Matching delimiter not found 'END'");
  });

  it('finds files like @actions/glob: descendants, excludes, hidden files skipped unless asked', () => {
    const ws = mkdtempSync(join(tmpdir(), 'gha-find-'));
    for (const f of ['dist/a.js', 'dist/.env', 'dist/.cache/x', 'dist/sub/b.js', 'dist/sub/b.map', '.hidden-root/c']) {
      mkdirSync(join(ws, f, '..'), { recursive: true });
      writeFileSync(join(ws, f), f);
    }
    const rel = (files: string[]) => files.map((f) => relative(ws, f)).sort();
    expect(rel(findFiles(ws, ['dist/'], { includeHidden: false }).files)).toEqual([
      'dist/a.js',
      'dist/sub/b.js',
      'dist/sub/b.map',
    ]);
    expect(rel(findFiles(ws, ['dist/', '!**/*.map'], { includeHidden: true }).files)).toEqual([
      'dist/.cache/x',
      'dist/.env',
      'dist/a.js',
      'dist/sub/b.js',
    ]);
    expect(rel(findFiles(ws, ['**/*.js'], { includeHidden: false }).files)).toEqual(['dist/a.js', 'dist/sub/b.js']);
    expect(findFiles(ws, ['.hidden-root'], { includeHidden: false }).files).toEqual([]);
  });
});
