// Golden fixtures of the GitHub target (style.md "golden files are the spec"): every mapping case
// and every built-in workflow compiles to exactly fixtures/targets/<case>/expected/{plan.json,
// github.yml}, and the composite action to fixtures/targets/github-action.yml. Regenerate with
// GUMP_UPDATE_FIXTURES=1, then review the diff like code.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../targets/ci/build-graph.js';
import { renderMermaid } from '../../targets/ci/mermaid.js';
import { ciOptions } from '../../src/compile.js';
import { MemoryHost } from '../../src/project/memory-host.js';
import { Program } from '../../src/2-check/program.js';
import { compileCase, FIXTURES, targetCases } from './fixture-project.js';

const UPDATE = process.env.GUMP_UPDATE_FIXTURES === '1';

function golden(file: string, text: string): void {
  if (UPDATE) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  expect(existsSync(file), `${file} is missing: run with GUMP_UPDATE_FIXTURES=1`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('GitHub target golden fixtures', () => {
  for (const c of targetCases()) {
    it(c.name, () => {
      const result = compileCase(c);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const [plan, workflow] = result.workflows[0]!.files;
      expect(plan!.path).toMatch(/^\.gump\/compiled\/[a-z0-9-]+\.plan\.json$/);
      expect(workflow!.path).toMatch(/^\.github\/workflows\/gump-[a-z0-9-]+\.yml$/);
      golden(join(c.dir, 'expected', 'plan.json'), plan!.text);
      golden(join(c.dir, 'expected', 'github.yml'), workflow!.text);
      // `gump graph --target github`: the same job graph, drawn.
      const options = ciOptions(new Program(new MemoryHost(c.files), {}).config()?.config);
      golden(
        join(c.dir, 'expected', 'github.mmd'),
        renderMermaid(buildGraph(result.workflows[0]!.plan!, options, 'github')),
      );
    });
  }
  it('the composite action every job calls', () => {
    const result = compileCase(targetCases()[0]!);
    expect(result.shared.map((f) => f.path)).toEqual(['.github/actions/gump/action.yml']);
    golden(join(FIXTURES, 'github-action.yml'), result.shared[0]!.text);
  });
});
