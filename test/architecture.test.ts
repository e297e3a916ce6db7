// Layering is tested, not just written (ARCHITECTURE.md): ts-morph walks every import of src/,
// targets/, runtime/ and protocol/ and the test fails on a forbidden edge, naming file and import.
// A self-test runs the same checker on a small in-memory project with planted violations.

import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Node, Project, SyntaxKind, type SourceFile } from 'ts-morph';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const WALKED = ['src', 'targets', 'runtime', 'protocol'];
const EXTENSIONS = '{ts,mts,cts,tsx,js,mjs,cjs}';

/** What an import points at: a project file (root-relative path), a package, or a Node builtin. */
type Target = { kind: 'file'; path: string } | { kind: 'package'; name: string } | { kind: 'builtin'; name: string };

interface Edge {
  from: string;
  line: number;
  specifier: string;
  target: Target;
}

interface LayerRule {
  name: string;
  /** Importing files the rule constrains (root-relative paths). */
  from: (path: string) => boolean;
  forbids: (target: Target) => boolean;
  /** Follow project-internal imports: the forbidden target may be reached through other files. */
  transitive?: boolean;
}

const under =
  (...folders: string[]) =>
  (p: string) =>
    folders.some((f) => p === f || p.startsWith(`${f}/`));
const fileUnder =
  (...folders: string[]) =>
  (t: Target) =>
    t.kind === 'file' && under(...folders)(t.path);
const pkg = (name: string) => (t: Target) => t.kind === 'package' && t.name === name;
const not = (f: (p: string) => boolean) => (p: string) => !f(p);

export const RULES: LayerRule[] = [
  {
    name: 'targets never see the AST or the parser',
    from: under('targets'),
    forbids: fileUnder('src/1-parse', 'src/2-check'),
  },
  {
    name: 'the runtime imports nothing from the compiler (only protocol/)',
    from: under('runtime'),
    forbids: fileUnder('src', 'targets'),
  },
  {
    name: 'protocol/ imports nothing from the project',
    from: under('protocol'),
    forbids: (t) => t.kind === 'file' && !under('protocol')(t.path),
  },
  {
    name: "yaml is used only by the parse phase, the targets' one serialiser (and the runtime)",
    from: not(under('src/1-parse', 'targets/ci/yaml.ts', 'runtime')),
    forbids: pkg('yaml'),
  },
  { name: 'zod is used only by the parse phase', from: not(under('src/1-parse')), forbids: pkg('zod') },
  {
    name: 'smol-toml is used only by check-config (and the runtime)',
    from: not(under('src/2-check/check-config.ts', 'runtime')),
    forbids: pkg('smol-toml'),
  },
  { name: 'ts-morph is a test-only dependency', from: not(under('test')), forbids: pkg('ts-morph') },
  {
    name: 'the CLI never loads ts-morph, even indirectly',
    from: under('src/cli'),
    forbids: pkg('ts-morph'),
    transitive: true,
  },
  {
    name: 'the parse phase imports no later phase',
    from: under('src/1-parse'),
    forbids: fileUnder('src/2-check', 'src/cli', 'src/project'),
  },
  { name: 'the check phase does not import the CLI', from: under('src/2-check'), forbids: fileUnder('src/cli') },
  {
    name: 'check rules only report: no driver, no pass, no project access (program.ts runs the passes)',
    from: under('src/2-check/rules'),
    forbids: fileUnder(
      'src/2-check/program.ts',
      'src/2-check/resolve-callees.ts',
      'src/2-check/bind-templates.ts',
      'src/2-check/collect-inputs.ts',
      'src/2-check/host.ts',
      'src/project',
    ),
  },
  {
    name: 'lowering does no I/O: no project host, no check driver, no file system',
    from: under('src/3-lower'),
    forbids: (t) =>
      fileUnder('src/2-check/host.ts', 'src/2-check/program.ts', 'src/project')(t) ||
      (t.kind === 'builtin' && /^(fs|child_process)(\/|$)/.test(t.name)),
  },
];

/** Resolve a module specifier written in `from` (root-relative) the way NodeNext + TypeScript do. */
function resolveTarget(from: string, specifier: string, exists: (path: string) => boolean): Target {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const joined = posix.normalize(specifier.startsWith('/') ? specifier : posix.join(posix.dirname(from), specifier));
    const stem = joined.replace(/\.(m|c)?js$/, '');
    const ext = /\.(m|c)?js$/.exec(joined)?.[1] ?? '';
    const candidates = [
      `${stem}.${ext}ts`,
      `${stem}.tsx`,
      joined,
      `${joined}.ts`,
      `${joined}/index.ts`,
      `${joined}/index.js`,
    ];
    return { kind: 'file', path: candidates.find(exists) ?? candidates[0]! };
  }
  const bare = specifier.replace(/^node:/, '');
  if (specifier.startsWith('node:') || builtinModules.includes(bare.split('/')[0]!))
    return { kind: 'builtin', name: bare };
  const parts = specifier.split('/');
  return { kind: 'package', name: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]! };
}

/** Every static import/export, `import()` and `require()` of one file, with its line. */
function specifiersOf(sf: SourceFile): { specifier: string; line: number }[] {
  const found: { specifier: string; line: number }[] = [];
  for (const d of [...sf.getImportDeclarations(), ...sf.getExportDeclarations()]) {
    const spec = d.getModuleSpecifierValue();
    if (spec !== undefined) found.push({ specifier: spec, line: d.getStartLineNumber() });
  }
  for (const call of sf.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    const isImport = callee.getKind() === SyntaxKind.ImportKeyword;
    const isRequire = Node.isIdentifier(callee) && callee.getText() === 'require';
    const arg = call.getArguments()[0];
    if ((isImport || isRequire) && arg && Node.isStringLiteral(arg))
      found.push({ specifier: arg.getLiteralValue(), line: call.getStartLineNumber() });
  }
  for (const ref of sf.getDescendantsOfKind(SyntaxKind.ExternalModuleReference)) {
    const expr = ref.getExpression();
    if (expr && Node.isStringLiteral(expr))
      found.push({ specifier: expr.getLiteralValue(), line: ref.getStartLineNumber() });
  }
  return found;
}

/** The import graph of every file of `project` under `root`, paths root-relative. */
export function collectEdges(project: Project, root: string): Edge[] {
  const fs = project.getFileSystem();
  const rel = (abs: string) => posix.relative(root, abs);
  const exists = (path: string) => fs.fileExistsSync(posix.join(root, path));
  return project.getSourceFiles().flatMap((sf) => {
    const from = rel(sf.getFilePath());
    return specifiersOf(sf).map(({ specifier, line }) => ({
      from,
      line,
      specifier,
      target: resolveTarget(from, specifier, exists),
    }));
  });
}

/**
 * Forbidden edges as `file:line imports "x" — rule`. Rules constrain files of the walked folders;
 * a transitive rule follows project imports anywhere and prints the import chain.
 */
export function findViolations(edges: Edge[], rules: LayerRule[] = RULES): string[] {
  const byFile = new Map<string, Edge[]>();
  for (const e of edges) byFile.set(e.from, [...(byFile.get(e.from) ?? []), e]);
  const out: string[] = [];
  for (const rule of rules) {
    const files = [...byFile.keys()].filter((f) => under(...WALKED)(f) && rule.from(f)).sort();
    for (const file of files) {
      if (!rule.transitive) {
        for (const e of byFile.get(file)!)
          if (rule.forbids(e.target)) out.push(`${e.from}:${e.line} imports "${e.specifier}" — ${rule.name}`);
        continue;
      }
      const seen = new Set([file]);
      const queue = [[file]];
      for (let chain = queue.shift(); chain; chain = queue.shift()) {
        for (const e of byFile.get(chain[chain.length - 1]!) ?? []) {
          if (rule.forbids(e.target))
            out.push(`${chain.join(' → ')}:${e.line} imports "${e.specifier}" — ${rule.name}`);
          else if (e.target.kind === 'file' && !seen.has(e.target.path)) {
            seen.add(e.target.path);
            queue.push([...chain, e.target.path]);
          }
        }
      }
    }
  }
  return out;
}

function loadRepository(): Project {
  const project = new Project({
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    compilerOptions: { allowJs: true },
  });
  // test/, bench/ and scripts/ are loaded too so that transitive rules can follow imports into them.
  project.addSourceFilesAtPaths([...WALKED, 'test', 'scripts', 'bench'].map((d) => `${ROOT}/${d}/**/*.${EXTENSIONS}`));
  return project;
}

describe('architecture: forbidden imports', () => {
  const edges = collectEdges(loadRepository(), ROOT);

  it('walks the real import graph', () => {
    const has = (from: string, target: Target) =>
      edges.some((e) => e.from === from && JSON.stringify(e.target) === JSON.stringify(target));
    expect(has('src/compile.ts', { kind: 'file', path: 'src/2-check/program.ts' })).toBe(true);
    expect(has('src/2-check/check-config.ts', { kind: 'package', name: 'smol-toml' })).toBe(true);
    expect(
      edges.some((e) => e.from.startsWith('src/1-parse/') && e.target.kind === 'package' && e.target.name === 'yaml'),
    ).toBe(true);
  });

  it('has no forbidden edge in src/, targets/, runtime/, protocol/', () => {
    expect(findViolations(edges)).toEqual([]);
  });

  it('keeps ts-morph out of the bundled CLI (dist/gump.mjs and its dist/cli chunks, when built)', () => {
    const chunks = existsSync(`${ROOT}/dist/cli`)
      ? readdirSync(`${ROOT}/dist/cli`).map((f) => `${ROOT}/dist/cli/${f}`)
      : [];
    for (const bundle of [`${ROOT}/dist/gump.mjs`, ...chunks]) {
      if (existsSync(bundle)) expect(readFileSync(bundle, 'utf8').includes('ts-morph'), bundle).toBe(false);
    }
  });
});

describe('architecture checker self-test (in-memory project)', () => {
  function memoryEdges(files: Record<string, string>): Edge[] {
    const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } });
    for (const [path, text] of Object.entries(files)) project.createSourceFile(`/p/${path}`, text);
    return collectEdges(project, '/p');
  }

  const allowed = {
    'src/1-parse/parse.ts':
      "import { parseAllDocuments } from 'yaml';\nimport { z } from 'zod';\nimport type { Ast } from './ast.js';",
    'src/1-parse/ast.ts': "import type { Span } from '../diagnostics/span.js';\nexport type Ast = { span: Span };",
    'src/diagnostics/span.ts': 'export type Span = { line: number };',
    'src/2-check/check-config.ts': "import { parse } from 'smol-toml';\nimport type { Ast } from '../1-parse/ast.js';",
    'src/cli/main.ts': "import { readFileSync } from 'node:fs';\nimport { run } from '../2-check/check-config.js';",
    'targets/github/emit.ts': "import type { Plan } from '../../protocol/plan.js';",
    'runtime/main.ts':
      "import { parse } from 'yaml';\nimport { parse as toml } from 'smol-toml';\nimport type { Plan } from '../protocol/plan.js';",
    'protocol/plan.ts': "export type Plan = {};\nexport * from './env.js';",
    'protocol/env.ts': 'export const ENV = 1;',
    'test/helpers/morph.ts': "export { Project } from 'ts-morph';",
  };

  it('accepts a project with allowed edges only', () => {
    expect(findViolations(memoryEdges(allowed))).toEqual([]);
  });

  it('reports one line per forbidden edge: file, line, import and rule', () => {
    const edges = memoryEdges({
      ...allowed,
      'src/1-parse/parse.ts': "import { run } from '../2-check/check-config.js';",
      'src/2-check/program.ts':
        "import type { Ast } from '../1-parse/ast.js';\nimport { z } from 'zod';\nimport { main } from '../cli/main.js';",
      'src/cli/main.ts': "import './helper.js';",
      'src/cli/helper.ts': "export * from '../../test/helpers/morph.js';",
      'targets/github/emit.ts':
        "import type { Ast } from '../../src/1-parse/ast.js';\nimport { stringify } from 'yaml';",
      'runtime/main.ts':
        "import type { Plan } from '../protocol/plan.js';\nconst run = async () => {\n  await import('../src/compile.js');\n};",
      'protocol/plan.ts': "export type Plan = {};\nimport { x } from '../src/1-parse/parse.js';",
      'src/project/host.ts': "import { Project } from 'ts-morph';",
    });
    expect(findViolations(edges)).toEqual([
      'targets/github/emit.ts:1 imports "../../src/1-parse/ast.js" — targets never see the AST or the parser',
      'runtime/main.ts:3 imports "../src/compile.js" — the runtime imports nothing from the compiler (only protocol/)',
      'protocol/plan.ts:2 imports "../src/1-parse/parse.js" — protocol/ imports nothing from the project',
      'targets/github/emit.ts:2 imports "yaml" — yaml is used only by the parse phase, the targets\' one serialiser (and the runtime)',
      'src/2-check/program.ts:2 imports "zod" — zod is used only by the parse phase',
      'src/project/host.ts:1 imports "ts-morph" — ts-morph is a test-only dependency',
      'src/cli/helper.ts → test/helpers/morph.ts:1 imports "ts-morph" — the CLI never loads ts-morph, even indirectly',
      'src/cli/main.ts → src/cli/helper.ts → test/helpers/morph.ts:1 imports "ts-morph" — the CLI never loads ts-morph, even indirectly',
      'src/1-parse/parse.ts:1 imports "../2-check/check-config.js" — the parse phase imports no later phase',
      'src/2-check/program.ts:3 imports "../cli/main.js" — the check phase does not import the CLI',
    ]);
  });
});
