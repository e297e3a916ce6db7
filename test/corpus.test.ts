// Spec-derived corpus: every folder fixtures/corpus/<nn>-<name>/ holds workflow.yaml (plus project
// files) and expected.json = {"codes": [{"code", "line", "file"?}], "note"?}, written from
// language.md alone. Compares the multiset of (file, code, line) of errors and warnings; notes
// count only for codes the expectation lists.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../src/compile.js';
import { NodeHost } from '../src/project/node-host.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'corpus');

interface Expected {
  codes: { code: string; line: number; file?: string }[];
  note?: string;
}

function caseDirs(): string[] {
  return existsSync(ROOT)
    ? readdirSync(ROOT)
        .filter((d) => /^\d{3}-/.test(d))
        .sort()
    : [];
}

function key(code: string, line: number, file = 'workflow.yaml'): string {
  return `${file === 'workflow.yaml' ? '' : `${file}:`}${code}@${line}`;
}

function actualKeys(dir: string, listed: Set<string>): string[] {
  const host = new NodeHost(dir, dir);
  const { results, configDiagnostics } = checkFiles(host, [host.load('workflow.yaml')]);
  return [...configDiagnostics, ...results.flatMap((r) => r.diagnostics)]
    .filter((d) => d.severity !== 'note' || listed.has(d.code))
    .map((d) => key(d.code, d.span.line, d.file))
    .sort();
}

describe('spec-derived corpus', () => {
  for (const name of caseDirs()) {
    it(name, () => {
      const dir = join(ROOT, name);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
      const want = expected.codes.map((c) => key(c.code, c.line, c.file)).sort();
      const got = actualKeys(dir, new Set(expected.codes.map((c) => c.code)));
      expect(got).toEqual(want);
    });
  }
});
