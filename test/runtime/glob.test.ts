// Glob matching (language.md §6.2 rules, §8.2 compat base-name rule for touched/untouched):
// a table of pattern/path cases, then the list and gate helpers.
import { describe, expect, it } from 'vitest';
import { anyMatch, compileGateGlobs, compileGlob, compileGlobs, matchGateGlob, matchGlob } from '../../runtime/glob.js';

// [pattern, path, expected]
const GLOB_CASES: [string, string, boolean][] = [
  // literal paths, leading ./ on either side
  ['src/a.ts', 'src/a.ts', true],
  ['./src/a.ts', 'src/a.ts', true],
  ['src/a.ts', './src/a.ts', true],
  ['src/a.ts', 'src/a.tsx', false],
  ['src/a.ts', 'lib/src/a.ts', false],
  // `*` stays inside one segment
  ['src/*.ts', 'src/a.ts', true],
  ['src/*.ts', 'src/x/a.ts', false],
  ['*.ts', 'a.ts', true],
  ['*.ts', 'src/a.ts', false],
  ['src/*', 'src/a.ts', true],
  ['src/*', 'src/x/y.ts', true], // src/x names a directory: everything below it
  ['a*b', 'a/b', false],
  // `**` crosses segments and also matches zero segments
  ['src/**/*.ts', 'src/a.ts', true],
  ['src/**/*.ts', 'src/x/y/a.ts', true],
  ['src/**/*.ts', 'lib/a.ts', false],
  ['a/**/b', 'a/b', true],
  ['a/**/b', 'a/x/y/b', true],
  ['a/**/b', 'a/xb', false],
  ['**/x', 'x', true],
  ['**/x', 'p/q/x', true],
  ['**/x', 'p/qx', false],
  ['**', 'any/thing/at/all', true],
  ['src/**', 'src/a/b.ts', true],
  ['src/**', 'srcx/a.ts', false],
  ['a**z', 'a/b/z', true],
  // `?`
  ['src/?.ts', 'src/a.ts', true],
  ['src/?.ts', 'src/ab.ts', false],
  ['a?b', 'a/b', false],
  // classes, negation with ! and ^, ranges, literal ] first
  ['f[abc].ts', 'fb.ts', true],
  ['f[abc].ts', 'fd.ts', false],
  ['f[a-c].ts', 'fb.ts', true],
  ['f[!a-c].ts', 'fd.ts', true],
  ['f[!a-c].ts', 'fa.ts', false],
  ['f[^a].ts', 'fb.ts', true],
  ['f[^a].ts', 'fa.ts', false],
  ['a[!x]b', 'a/b', false],
  ['f[]].ts', 'f].ts', true],
  ['f[\\d].ts', 'fd.ts', true],
  ['f[\\d].ts', 'f1.ts', false],
  ['f[.ts', 'f[.ts', true], // unclosed class: `[` is literal
  // directories cover everything below them
  ['src/auth', 'src/auth/x/y.ts', true],
  ['src/auth/', 'src/auth/x/y.ts', true],
  ['src/auth', 'src/auth', true],
  ['src/auth', 'src/authz/x.ts', false],
  ['src/auth/', 'src/authz.ts', false],
  // regex metacharacters are literal
  ['a.b', 'axb', false],
  ['a+(b)', 'a+(b)', true],
  ['\\*.ts', '*.ts', true],
  ['\\*.ts', 'a.ts', false],
];

describe('matchGlob (§6.2)', () => {
  it.each(GLOB_CASES)('%s vs %s → %s', (pattern, path, expected) => {
    expect(matchGlob(pattern, path)).toBe(expected);
  });
});

// §8.2: no `/` → base name; with `/` → full path
const GATE_CASES: [string, string, boolean][] = [
  ['*_test.*', 'pkg/a_test.go', true],
  ['*_test.*', 'a_test.go', true],
  ['*_test.*', 'pkg/a.go', false],
  ['README.md', 'docs/README.md', true],
  ['*.ts', 'src/deep/a.ts', true],
  ['src/*.ts', 'src/a.ts', true],
  ['src/*.ts', 'lib/src/a.ts', false],
  ['**/*_test.go', 'pkg/x/a_test.go', true],
  ['./a.ts', 'src/a.ts', false],
  ['./a.ts', 'a.ts', true],
  ['docs/', 'docs/x/y.md', true],
];

describe('matchGateGlob (§8.2 compat)', () => {
  it.each(GATE_CASES)('%s vs %s → %s', (pattern, path, expected) => {
    expect(matchGateGlob(pattern, path)).toBe(expected);
  });
});

describe('lists and compiled matchers', () => {
  it('anyMatch / compileGlobs: any pattern of the list', () => {
    const globs = ['src/auth/**', 'test/*.ts'];
    expect(anyMatch(globs, 'src/auth/a/b.ts')).toBe(true);
    expect(anyMatch(globs, 'test/a.ts')).toBe(true);
    expect(anyMatch(globs, 'test/x/a.ts')).toBe(false);
    expect(anyMatch([], 'a')).toBe(false);
    const m = compileGlobs(globs);
    expect(['src/auth/x.ts', 'lib/a.ts', 'test/b.ts'].filter(m)).toEqual(['src/auth/x.ts', 'test/b.ts']);
  });

  it('compileGateGlobs uses the base-name rule per pattern', () => {
    const m = compileGateGlobs(['*.md', 'src/*.go']);
    expect(m('docs/a.md')).toBe(true);
    expect(m('src/a.go')).toBe(true);
    expect(m('pkg/a.go')).toBe(false);
  });

  it('a compiled matcher is reusable and fast', () => {
    const m = compileGlob('src/**/*.ts');
    const t0 = performance.now();
    for (let i = 0; i < 10_000; i++) m(`src/dir${i % 10}/file${i}.ts`);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
