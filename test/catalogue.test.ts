// The diagnostic catalogue against language.md §19 and the fixtures: every code has a fixture,
// every fixture names a known code with its slug, and every catalogue example does what it says.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, lookupCode } from '../src/diagnostics/catalogue/index.js';
import { checkText } from './helpers/check.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'diagnostics');
const SPEC = join(import.meta.dirname, '..', '..', 'shared', 'docs', 'language.md');
const dirs = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((d) => !d.startsWith('.')) : [];

describe('catalogue', () => {
  // The spec lives beside the project in ../shared/ (CI has it); a bare clone skips this one test.
  it.runIf(existsSync(SPEC))('matches the code tables of language.md §19 (code, slug, severity)', () => {
    const rows = [...readFileSync(SPEC, 'utf8').matchAll(/^\| (GUMP\d{3}) \| ([a-z0-9-]+) \| ([EWN])[^|]*\|/gm)];
    expect(rows.length).toBeGreaterThan(100);
    const sev = { E: 'error', W: 'warning', N: 'note' } as const;
    const fromSpec = rows.map((r) => `${r[1]} ${r[2]} ${sev[r[3] as 'E' | 'W' | 'N']}`);
    const ours = catalogue.map((e) => `${e.code} ${e.slug} ${e.severity}`);
    expect(ours).toEqual(fromSpec);
  });

  it('has unique codes', () => {
    expect(new Set(catalogue.map((e) => e.code)).size).toBe(catalogue.length);
  });

  it('has a fixture folder for every code', () => {
    const missing = catalogue.filter((e) => !dirs.includes(`${e.code}-${e.slug}`)).map((e) => e.code);
    expect(missing).toEqual([]);
  });

  it('has no fixture folder naming an unknown code or a wrong slug', () => {
    const bad = dirs.filter((d) => {
      const m = /^(GUMP\d{3})-(.+)$/.exec(d);
      return !m || lookupCode(m[1]!)?.slug !== m[2];
    });
    expect(bad).toEqual([]);
  });

  it('each fixture expects its own code', () => {
    const bad = dirs.filter((d) => {
      const expected = join(FIXTURES, d, 'expected.txt');
      return !existsSync(expected) || !readFileSync(expected, 'utf8').includes(` ${d.slice(0, 7)} `);
    });
    expect(bad).toEqual([]);
  });
});

describe('catalogue examples', () => {
  for (const entry of catalogue) {
    it(`${entry.code} wrong example triggers it, right example checks clean of it`, () => {
      const options = entry.target ? { target: entry.target } : {};
      const wrong = checkText(entry.wrong, entry.files ?? {}, options);
      expect(wrong.map((d) => d.code)).toContain(entry.code);
      const right = checkText(entry.right, entry.rightFiles ?? entry.files ?? {}, options);
      expect(right.filter((d) => d.severity !== 'note').map((d) => `${d.code} ${d.message}`)).toEqual([]);
    });
  }
});
