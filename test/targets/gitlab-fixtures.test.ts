// Golden fixtures of the GitLab target (style.md "golden files are the spec"): every mapping case
// and every built-in workflow compiles to exactly fixtures/targets/<case>/expected/gitlab.yml, and
// each parallel split's compiled child file to gitlab.<split>.yml (the plan is the GitHub test's
// golden: one plan for every target). Regenerate with
// GUMP_UPDATE_FIXTURES=1, then review the diff like code.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../targets/ci/build-graph.js';
import { renderGitlabGraph } from '../../targets/gitlab/graph.js';
import { ciOptions } from '../../src/compile.js';
import { MemoryHost } from '../../src/project/memory-host.js';
import { Program } from '../../src/2-check/program.js';
import { compileCase, targetCases } from './fixture-project.js';

const UPDATE = process.env.GUMP_UPDATE_FIXTURES === '1';

function golden(file: string, text: string): void {
  if (UPDATE) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  expect(existsSync(file), `${file} is missing: run with GUMP_UPDATE_FIXTURES=1`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('GitLab target golden fixtures', () => {
  for (const c of targetCases()) {
    it(c.name, () => {
      const result = compileCase(c, ['gitlab']);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const [plan, pipeline, ...children] = result.workflows[0]!.files;
      expect(pipeline!.path).toMatch(/^\.gitlab\/gump\/[a-z0-9-]+\.yml$/);
      // One plan for every target.
      expect(plan!.text).toBe(readFileSync(join(c.dir, 'expected', 'plan.json'), 'utf8'));
      expect(result.shared).toEqual([]);
      golden(join(c.dir, 'expected', 'gitlab.yml'), pipeline!.text);
      // The compiled child file of each parallel split (gitlab-child adds the task jobs at run time).
      for (const child of children) {
        expect(child.path).toMatch(/^\.gitlab\/gump\/[a-z0-9-]+\/[a-z0-9-]+\.yml$/);
        golden(join(c.dir, 'expected', `gitlab.${child.path.split('/').pop()}`), child.text);
      }
      const stale = readdirSync(join(c.dir, 'expected')).filter(
        (f) => /^gitlab\..+\.yml$/.test(f) && !children.some((ch) => f === `gitlab.${ch.path.split('/').pop()}`),
      );
      expect(stale, 'golden child files no longer emitted').toEqual([]);
      // `gump graph --target gitlab`: the pipelines (parent, dynamic children) and their jobs in stage order, drawn.
      const options = ciOptions(new Program(new MemoryHost(c.files), {}).config()?.config);
      golden(
        join(c.dir, 'expected', 'gitlab.mmd'),
        renderGitlabGraph(
          buildGraph(result.workflows[0]!.plan!, options, 'gitlab'),
          pipeline!.path.replace(/^.*\/|\.yml$/g, ''),
          options,
        ),
      );
    });
  }
});
