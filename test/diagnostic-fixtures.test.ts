// Golden diagnostics: every folder fixtures/diagnostics/GUMPnnn-slug/ holds workflow.yaml (and
// any project files it needs); expected.txt lists the exact first line of every diagnostic.
// Regenerate with GUMP_UPDATE_FIXTURES=1, then review the diff like code.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../src/compile.js';
import { headline } from '../src/diagnostics/render.js';
import { NodeHost } from '../src/project/node-host.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'diagnostics');
const UPDATE = process.env.GUMP_UPDATE_FIXTURES === '1';

export function fixtureDirs(): string[] {
  return existsSync(ROOT)
    ? readdirSync(ROOT)
        .filter((d) => /^GUMP\d{3}-/.test(d))
        .sort()
    : [];
}

export function runFixture(dir: string): string {
  const abs = join(ROOT, dir);
  const optionsPath = join(abs, 'options.json');
  const options = existsSync(optionsPath)
    ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as { target?: 'github' | 'gitlab' })
    : {};
  const host = new NodeHost(abs, abs);
  const { results, configDiagnostics } = checkFiles(host, [host.load('workflow.yaml')], options);
  const all = [...configDiagnostics, ...results.flatMap((r) => r.diagnostics)];
  return `${all.map((d) => headline(d).split('\n')[0]).join('\n')}\n`;
}

describe('diagnostic fixtures', () => {
  for (const dir of fixtureDirs()) {
    it(dir, () => {
      const actual = runFixture(dir);
      const expectedPath = join(ROOT, dir, 'expected.txt');
      if (UPDATE) writeFileSync(expectedPath, actual);
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});
