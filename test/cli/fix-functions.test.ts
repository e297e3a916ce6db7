// src/fix pure functions: applyEdits (non-overlap, line endings), selectFixes, fixText rounds,
// the Myers line diff (minimal, checked against an LCS) and unifiedDiff (round-trips through a
// tiny patch applier written here).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, TextEdit } from '../../src/diagnostics/diagnostic.js';
import { applyEdits, lineEnding } from '../../src/fix/apply-edits.js';
import { fixText } from '../../src/fix/fix-text.js';
import { diffLines } from '../../src/fix/line-diff.js';
import { selectFixes } from '../../src/fix/select-fixes.js';
import { splitLines, unifiedDiff } from '../../src/fix/unified-diff.js';

const edit = (offset: number, endOffset: number, text: string): TextEdit => ({ offset, endOffset, text });

function diag(code: string, edits: TextEdit[], file = 'w.yaml'): Diagnostic {
  const span = {
    line: 1,
    col: edits[0]!.offset + 1,
    endLine: 1,
    endCol: 1,
    offset: edits[0]!.offset,
    endOffset: edits[0]!.offset,
  };
  return { code, slug: 'x', severity: 'warning', message: 'm', file, span, fix: { description: `fix ${code}`, edits } };
}

describe('applyEdits', () => {
  it('applies edits in any order against the original offsets', () => {
    expect(applyEdits('abcdef', [edit(4, 5, 'E'), edit(0, 1, 'AA'), edit(2, 2, '+')])).toBe('AAb+cdEf');
  });

  it('rejects overlapping edits', () => {
    expect(() => applyEdits('abcdef', [edit(0, 3, 'x'), edit(2, 4, 'y')])).toThrow(/overlapping/);
    expect(() => applyEdits('abc', [edit(0, 9, 'x')])).toThrow(/outside/);
  });

  it('gives inserted line breaks the file line ending', () => {
    expect(lineEnding('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(lineEnding('a\nb')).toBe('\n');
    expect(applyEdits('a\r\nb\r\n', [edit(3, 4, 'x\ny')])).toBe('a\r\nx\r\ny\r\n');
    expect(applyEdits('a\nb\n', [edit(2, 3, 'x\r\ny')])).toBe('a\nx\ny\n');
  });
});

describe('selectFixes', () => {
  it('takes whole fixes and defers the ones that conflict', () => {
    const a = diag('GUMP510', [edit(0, 4, 'x')]);
    const b = diag('GUMP504', [edit(2, 6, 'y')]);
    const c = diag('GUMP507', [edit(8, 9, 'z'), edit(10, 10, '!')]);
    const s = selectFixes([c, b, a]);
    expect(s.chosen.map((d) => d.code)).toEqual(['GUMP510', 'GUMP507']);
    expect(s.deferred.map((d) => d.code)).toEqual(['GUMP504']);
    expect(s.edits).toHaveLength(3);
  });

  it('treats two insertions at one offset as a conflict', () => {
    const s = selectFixes([diag('GUMP001', [edit(3, 3, 'a')]), diag('GUMP002', [edit(3, 3, 'b')])]);
    expect(s.chosen).toHaveLength(1);
  });
});

describe('fixText', () => {
  // A toy checker: every "old" is fixable to "new"; "new new" becomes fixable to "done".
  const check = (text: string): Diagnostic[] => {
    const out: Diagnostic[] = [];
    for (const m of text.matchAll(/old/g)) out.push(diag('GUMP507', [edit(m.index, m.index + 3, 'new')]));
    if (!text.includes('old') && text.includes('new new')) {
      const i = text.indexOf('new new');
      out.push(diag('GUMP504', [edit(i, i + 7, 'done')]));
    }
    return out;
  };

  it('repeats rounds until nothing fixable remains', () => {
    const r = fixText('old old', 'w.yaml', check);
    expect(r.text).toBe('done');
    expect(r.rounds).toBe(2);
    expect(r.applied.map((f) => `${f.code}#${f.round}`)).toEqual(['GUMP507#1', 'GUMP507#1', 'GUMP504#2']);
    expect(r.remaining).toEqual([]);
    expect(r.settled).toBe(true);
  });

  it('is idempotent: fixing the result changes nothing', () => {
    const once = fixText('x old y old', 'w.yaml', check).text;
    const twice = fixText(once, 'w.yaml', check);
    expect(twice.text).toBe(once);
    expect(twice.applied).toEqual([]);
  });

  it('ignores fixes of other files and stops on a fix that changes nothing or cycles', () => {
    expect(fixText('old', 'w.yaml', () => [diag('GUMP507', [edit(0, 3, 'new')], 'other.yaml')]).text).toBe('old');
    const noop = fixText('abc', 'w.yaml', () => [diag('GUMP507', [edit(0, 1, 'a')])]);
    expect(noop).toMatchObject({ text: 'abc', settled: false, applied: [] });
    const cycle = fixText('a', 'w.yaml', (t) => [diag('GUMP507', [edit(0, 1, t === 'a' ? 'b' : 'a')])], 10);
    expect(cycle.rounds).toBe(10);
    expect(cycle.settled).toBe(false);
  });
});

/** Length of a longest common subsequence (reference for minimality). */
function lcs(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(up, row[j - 1]!);
      diag = up;
    }
  }
  return row[b.length]!;
}

/** Applies a unified diff produced by unifiedDiff to `before` (test-only patch). */
function applyPatch(before: string, patch: string): string {
  if (patch === '') return before;
  const old = splitLines(before);
  const lines = patch.split(/(?<=\n)/).slice(2);
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < lines.length; ) {
    const h = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@\n$/.exec(lines[i]!);
    if (!h) throw new Error(`bad hunk header ${lines[i]}`);
    const count = h[2] === undefined ? 1 : Number(h[2]);
    const start = count === 0 ? Number(h[1]) : Number(h[1]) - 1;
    out.push(...old.slice(at, start));
    at = start;
    for (i++; i < lines.length && !lines[i]!.startsWith('@@'); i++) {
      const l = lines[i]!;
      const noEol = lines[i + 1] === '\\ No newline at end of file\n';
      const body = noEol ? l.slice(1, -1) : l.slice(1);
      if (l[0] === ' ' || l[0] === '-') {
        if (old[at] !== body) throw new Error(`context mismatch at ${at}`);
        at++;
      }
      if (l[0] === ' ' || l[0] === '+') out.push(body);
      if (noEol) i++;
    }
  }
  return out.join('') + old.slice(at).join('');
}

describe('line diff and unified diff', () => {
  it('finds a minimal edit script', () => {
    const line = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), fc.array(line, { maxLength: 14 }), (a, b) => {
        const ops = diffLines(a, b);
        expect(ops.filter((o) => o.kind !== 'insert').map((o) => o.line)).toEqual(a);
        expect(ops.filter((o) => o.kind !== 'delete').map((o) => o.line)).toEqual(b);
        expect(ops.filter((o) => o.kind === 'equal')).toHaveLength(lcs(a, b));
      }),
      { numRuns: 300 },
    );
  });

  it('produces patches that turn the old text into the new one', () => {
    const text = fc
      .array(fc.constantFrom('a\n', 'b\n', 'c\r\n', 'd', '\n', 'e\n'), { maxLength: 30 })
      .map((l) => l.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(applyPatch(a, unifiedDiff(a, b, 'w.yaml'))).toBe(b);
      }),
      { numRuns: 400 },
    );
  });

  it('prints git-style headers and hunks with three lines of context', () => {
    const a = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15']
      .map((l) => `${l}\n`)
      .join('');
    const b = a.replace('2\n', 'two\n').replace('14\n', '');
    expect(unifiedDiff(a, b, 'dir/w.yaml')).toBe(
      [
        '--- a/dir/w.yaml',
        '+++ b/dir/w.yaml',
        '@@ -1,5 +1,5 @@',
        ' 1',
        '-2',
        '+two',
        ' 3',
        ' 4',
        ' 5',
        '@@ -11,5 +11,4 @@',
        ' 11',
        ' 12',
        ' 13',
        '-14',
        ' 15',
        '',
      ].join('\n'),
    );
    expect(unifiedDiff('a\nb', 'a\nc', 'w')).toBe(
      '--- a/w\n+++ b/w\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n',
    );
    expect(unifiedDiff('', 'x\n', 'w')).toBe('--- a/w\n+++ b/w\n@@ -0,0 +1 @@\n+x\n');
    expect(unifiedDiff('same\n', 'same\n', 'w')).toBe('');
  });

  it('stays fast on large files with few changes', () => {
    const a = Array.from({ length: 50_000 }, (_, i) => `line ${i}\n`).join('');
    const b = a.replace('line 100\n', 'line one hundred\n').replace('line 40000\n', '');
    const t = Date.now();
    const d = unifiedDiff(a, b, 'w');
    expect(Date.now() - t).toBeLessThan(2000);
    expect(d.match(/^@@/gm)).toHaveLength(2);
  });
});
