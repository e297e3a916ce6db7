// `gump explain`: every catalogue entry renders with its examples; codes are accepted in several
// spellings; unknown codes exit 2 with a did-you-mean; --list lists every code.

import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/diagnostics/catalogue/index.js';
import { findEntry, normaliseCode, renderCodeList, renderExplanation } from '../../src/cli/explain-command.js';
import { gump } from './run-cli.js';

describe('gump explain (in process)', () => {
  it('normalises GUMP104, gump104, 104 and 0104, and finds slugs', () => {
    expect(['GUMP104', 'gump104', '104', '0104', ' 104 '].map(normaliseCode)).toEqual(Array(5).fill('GUMP104'));
    expect(normaliseCode('5')).toBe('GUMP005');
    expect(findEntry('unknown-step-reference')?.code).toBe('GUMP104');
    expect(findEntry('GUMP9999')).toBeUndefined();
  });

  it('renders every entry with code, slug, severity, message, hint, explanation and both examples', () => {
    for (const e of catalogue) {
      const text = renderExplanation(e);
      expect(text.startsWith(`${e.code} ${e.slug} (${e.severity}`)).toBe(true);
      expect(text).toContain(`message: ${e.message}\n`);
      if (e.hint) expect(text).toContain(`hint:    ${e.hint}\n`);
      expect(text.replace(/\s+/g, ' ')).toContain(e.explain.replace(/\s+/g, ' '));
      const wrongAt = text.indexOf('\nWrong:\n');
      const rightAt = text.indexOf('\nRight:\n');
      expect(wrongAt).toBeGreaterThan(0);
      expect(rightAt).toBeGreaterThan(wrongAt);
      const firstWrongLine = e.wrong.split('\n').find((l) => l.trim() !== '')!;
      expect(text.slice(wrongAt, rightAt)).toContain(`    ${firstWrongLine}`);
      if (e.fixable) expect(text).toContain('fixable with gump fix');
      if (e.target) expect(text).toContain(`--target ${e.target}`);
      for (const f of Object.keys(e.files ?? {})) expect(text).toContain(`  ${f}:\n`);
    }
  });

  it('lists every code once, in catalogue order', () => {
    const lines = renderCodeList(catalogue).trimEnd().split('\n');
    expect(lines.map((l) => l.slice(0, 7))).toEqual(catalogue.map((e) => e.code));
    expect(lines.find((l) => l.startsWith('GUMP005'))).toBe('GUMP005  error    fix  inline-session-from');
  });
});

describe('gump explain (CLI)', () => {
  it('prints the same entry for GUMP104, gump104 and 104', () => {
    const a = gump(['explain', 'GUMP104']);
    expect(a.status).toBe(0);
    expect(a.stdout.split('\n')[0]).toBe('GUMP104 unknown-step-reference (error)');
    expect(gump(['explain', 'gump104']).stdout).toBe(a.stdout);
    expect(gump(['explain', '104']).stdout).toBe(a.stdout);
  });

  it('exits 2 with a did-you-mean for an unknown code or slug', () => {
    const swapped = gump(['explain', 'GUMP140']);
    expect(swapped.status).toBe(2);
    expect(swapped.stdout).toBe('');
    expect(swapped.stderr).toMatch(/^gump explain: unknown diagnostic code "GUMP140"; did you mean GUMP104, /);
    const slug = gump(['explain', 'unknown-step-refrence']);
    expect(slug.status).toBe(2);
    expect(slug.stderr).toContain('did you mean "unknown-step-reference"?');
    expect(gump(['explain']).status).toBe(2);
  });

  it('--list prints one line per code', () => {
    const r = gump(['explain', '--list']);
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(catalogue.length);
  });
});
