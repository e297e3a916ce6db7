// Test helper: the target fixtures (fixtures/targets/<case>/: workflow.yaml, optional project/
// files, expected/ outputs) compiled in memory through the one pipeline, `compile()`.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compile, type CompileResult } from '../../src/compile.js';
import { MemoryHost } from '../../src/project/memory-host.js';
import type { Target } from '../../targets/ci/limits.js';
import { listBuiltins, readBuiltin } from '../../src/library/library.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'targets');

export interface TargetCase {
  name: string;
  dir: string;
  files: Record<string, string>;
  /** Path of the workflow in the project, or the built-in name. */
  workflow: string;
}

export function targetCases(): TargetCase[] {
  const own = readdirSync(FIXTURES)
    .filter((n) => existsSync(join(FIXTURES, n, 'workflow.yaml')))
    .sort()
    .map((name) => {
      const dir = join(FIXTURES, name);
      const files: Record<string, string> = {
        [`.gump/workflows/${name}.yaml`]: readFileSync(join(dir, 'workflow.yaml'), 'utf8'),
      };
      const project = join(dir, 'project');
      for (const f of existsSync(project) ? walk(project) : []) files[relative(project, f)] = readFileSync(f, 'utf8');
      return { name, dir, files, workflow: `.gump/workflows/${name}.yaml` };
    });
  const library = listBuiltins('workflow').map((name) => ({
    name: `library/${name}`,
    dir: join(FIXTURES, 'library', name),
    files: {},
    workflow: name,
  }));
  return [...own, ...library];
}

export function compileCase(c: TargetCase, targets: readonly Target[] = ['github']): CompileResult {
  const host = new MemoryHost(c.files);
  const source = c.workflow.startsWith('.gump/') ? host.source(c.workflow) : host.resolve(c.workflow, 'workflow');
  if (!source) throw new Error(`no workflow ${c.workflow}`);
  return compile(host, [source], targets);
}

export function builtinText(name: string): string {
  return readBuiltin(name, 'workflow')!;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}
