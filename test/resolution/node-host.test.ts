// NodeHost (CLI side of language.md §7.4, §22): project root detection, §7.4 resolution on disk,
// prompt files relative to the workflow, and display paths relative to the user's cwd.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/compile.js';
import { findProjectRoot, NodeHost } from '../../src/project/node-host.js';

let root = '';
const write = (path: string, text: string): void => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};
const CLEAN = `name: helper
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: { file: impl.md }
    gate: [compile]
`;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'gump-host-'));
  write('gump.toml', '[validation]\ntest_command = "npm test"\n');
  write('.gump/workflows/setup.yaml', CLEAN);
  write('.gump/workflows/impl.md', 'Implement {spec}');
  write('.gump/workflows/tools/lint.yml', CLEAN.replace('{ file: impl.md }', '"Lint {spec}"'));
  write(
    '.gump/validators/broken.yaml',
    'name: broken\nsteps:\n  - name: review\n    type: validate\n    agent: claude-opus\n    prompt: "Review {diff}"\n    gate: [tset]\n',
  );
  write(
    'flows/ship.yaml',
    `name: ship
steps:
  - name: setup
    workflow: setup
  - name: lint
    workflow: workflows/tools/lint
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: { file: prompts/ship.md }
    gate:
      - compile
      - validate: validators/broken
`,
  );
  write('flows/prompts/ship.md', 'Ship {spec}');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('NodeHost', () => {
  it('finds the project root from a nested folder', () => {
    expect(findProjectRoot(join(root, 'flows', 'prompts'))).toBe(root);
    expect(findProjectRoot(join(root, '.gump', 'workflows'))).toBe(root);
  });

  it('resolves project files (.yaml, .yml, subfolders) before built-ins, with paths relative to the cwd', () => {
    const host = new NodeHost(root, join(root, 'flows'));
    expect(host.resolve('setup', 'workflow')?.file).toBe('../.gump/workflows/setup.yaml');
    expect(host.resolve('tools/lint', 'workflow')?.file).toBe('../.gump/workflows/tools/lint.yml');
    expect(host.resolve('tdd', 'workflow')).toMatchObject({ file: 'builtin:tdd.yaml', builtin: true });
    expect(host.resolve('nope', 'workflow')).toBeUndefined();
    expect(host.config()?.file).toBe('../gump.toml');
    expect(host.list('workflow')).toEqual(expect.arrayContaining(['setup', 'tools/lint', 'tdd']));
    expect(host.list('validator')).toEqual(['arch-review', 'broken']);
  });

  it('loads command-line files with a normalised display path and reads prompt files beside them', () => {
    const host = new NodeHost(root, root);
    const ship = host.load('./flows/ship.yaml');
    expect(ship.file).toBe('flows/ship.yaml');
    expect(host.readRelative(ship, 'prompts/ship.md')).toBe('Ship {spec}');
    expect(host.readRelative(ship, 'prompts/none.md')).toBeUndefined();
  });

  it('checks a project file end to end: callees, nested locations, gump.toml', () => {
    const host = new NodeHost(root, root);
    const { results, configDiagnostics } = checkFiles(host, [host.load('flows/ship.yaml')]);
    expect(configDiagnostics.map((d) => `${d.file}:${d.span.line}:${d.code}`)).toEqual(['gump.toml:2:GUMP523']);
    const d = results[0]!.diagnostics;
    expect(d.map((x) => `${x.file}:${x.span.line}:${x.span.col}:${x.code}`)).toEqual(['flows/ship.yaml:13:9:GUMP127']);
    expect(d[0]!.nested?.map((x) => `${x.file}:${x.span.line}:${x.code}`)).toEqual([
      '.gump/validators/broken.yaml:7:GUMP211',
    ]);
    expect([...host.sources().keys()]).toEqual(
      expect.arrayContaining(['flows/ship.yaml', '.gump/validators/broken.yaml', 'gump.toml']),
    );
  });
});
