// resolveGateCommand (language.md §8.4): gump.toml first, then the first marker that yields a
// command; availability of the leading program on PATH.
import { afterEach, describe, expect, it } from 'vitest';
import {
  leadingProgram,
  PYTHON_COMPILE_COMMAND,
  resolveGateCommand,
  type CommandAlias,
} from '../../../runtime/gates/resolve-command.js';
import { config, makeProject, type Project } from './helpers.js';

let p: Project | undefined;
afterEach(() => p?.cleanup());

const ALL = ['go', 'golangci-lint', 'npm', 'cargo', 'make', 'python', 'python3'];

/** Resolves with every program of the table available on a private PATH. */
function resolve(
  files: Record<string, string>,
  alias: CommandAlias,
  validation = {},
): ReturnType<typeof resolveGateCommand> {
  p = makeProject(files);
  for (const name of ALL) p.program(name);
  return resolveGateCommand(alias, p.root, config(validation), p.bin);
}

const PKG_FULL = JSON.stringify({ scripts: { build: 'tsc', lint: 'eslint .', test: 'vitest' } });
const PKG_BARE = JSON.stringify({ scripts: { test: 'vitest' } });
const MAKEFILE = '.PHONY: build test\nCC := gcc\nbuild: deps\n\tcc x.c\ntest:\n\t./run\n';

describe('resolution table', () => {
  it.each([
    ['go.mod', 'compile', 'go build ./...'],
    ['go.mod', 'test', 'go test ./...'],
    ['go.mod', 'tests_found', 'go test -v ./...'],
    ['go.mod', 'lint', 'golangci-lint run'],
    ['go.mod', 'coverage', 'go test -coverprofile=coverage.out ./... && go tool cover -func=coverage.out'],
    ['Cargo.toml', 'compile', 'cargo build'],
    ['Cargo.toml', 'test', 'cargo test'],
    ['Cargo.toml', 'tests_found', 'cargo test'],
    ['Cargo.toml', 'lint', 'cargo clippy'],
    ['Cargo.toml', 'coverage', 'cargo tarpaulin --out Stdout'],
    ['pyproject.toml', 'compile', PYTHON_COMPILE_COMMAND],
    ['pyproject.toml', 'test', 'python -m pytest'],
    ['pyproject.toml', 'tests_found', 'python -m pytest'],
  ] as const)('%s: %s → %s', (marker, alias, command) => {
    expect(resolve({ [marker]: '' }, alias)).toEqual({ command, source: marker });
  });

  it.each([
    ['compile', 'npm run build'],
    ['test', 'npm test'],
    ['tests_found', 'npm test'],
    ['lint', 'npm run lint'],
    ['coverage', 'npm test -- --coverage'],
  ] as const)('package.json with scripts: %s → %s', (alias, command) => {
    expect(resolve({ 'package.json': PKG_FULL }, alias)).toEqual({ command, source: 'package.json' });
  });

  it.each([
    ['compile', 'make build'],
    ['test', 'make test'],
    ['tests_found', 'make test'],
  ] as const)('Makefile targets: %s → %s', (alias, command) => {
    expect(resolve({ Makefile: MAKEFILE }, alias)).toEqual({ command, source: 'Makefile' });
  });

  it('gump.toml wins over every marker; tests_found uses test_cmd as is', () => {
    const files = { 'go.mod': '', 'package.json': PKG_FULL };
    expect(resolve(files, 'compile', { compile_cmd: 'make all' })).toEqual({
      command: 'make all',
      source: 'gump.toml [validation] compile_cmd',
    });
    expect(resolve(files, 'tests_found', { test_cmd: 'go test ./pkg/...' })).toEqual({
      command: 'go test ./pkg/...',
      source: 'gump.toml [validation] test_cmd',
    });
    expect(resolve(files, 'coverage', { coverage_cmd: 'make cov' })).toMatchObject({ command: 'make cov' });
  });

  it('takes the first marker in table order', () => {
    const all = { 'pyproject.toml': '', Makefile: MAKEFILE, 'Cargo.toml': '', 'package.json': PKG_FULL, 'go.mod': '' };
    expect(resolve(all, 'compile')).toMatchObject({ source: 'go.mod' });
    const { 'go.mod': _, ...noGo } = all;
    expect(resolve(noGo, 'compile')).toMatchObject({ source: 'package.json' });
  });

  it('falls through a marker that yields no command for the alias', () => {
    expect(resolve({ 'package.json': PKG_BARE, Makefile: MAKEFILE }, 'compile')).toEqual({
      command: 'make build',
      source: 'Makefile',
    });
    expect(resolve({ 'package.json': PKG_BARE, 'Cargo.toml': '' }, 'lint')).toEqual({
      command: 'cargo clippy',
      source: 'Cargo.toml',
    });
    expect(resolve({ Makefile: 'all:\n\tx\n', 'pyproject.toml': '' }, 'test')).toEqual({
      command: 'python -m pytest',
      source: 'pyproject.toml',
    });
  });

  it('reads Makefile rules, not assignments or .PHONY lists', () => {
    expect(resolve({ Makefile: '.PHONY: build\nbuild := out\n\tbuild: x\n' }, 'compile')).toMatchObject({
      missing: expect.any(String),
    });
    expect(resolve({ Makefile: 'all build:: dep\n' }, 'compile')).toMatchObject({ command: 'make build' });
  });

  it('ignores an unparsable package.json for scripts but still runs npm test', () => {
    expect(resolve({ 'package.json': '{oops' }, 'compile')).toMatchObject({ missing: expect.any(String) });
    expect(resolve({ 'package.json': '{oops' }, 'test')).toMatchObject({ command: 'npm test' });
  });

  it('explains an unresolvable command with the config-key hint', () => {
    const r = resolve({}, 'tests_found');
    expect(r).toMatchObject({ missing: expect.stringContaining('set test_cmd in gump.toml [validation]') });
    expect(resolve({ 'pyproject.toml': '' }, 'lint')).toMatchObject({
      missing: expect.stringContaining('set lint_cmd in gump.toml [validation]'),
    });
    expect(resolve({ Makefile: MAKEFILE }, 'coverage')).toMatchObject({
      missing: expect.stringContaining('coverage_cmd'),
    });
  });
});

describe('availability', () => {
  it('reports a leading program missing from PATH, with the hint', () => {
    p = makeProject({ 'go.mod': '' });
    const r = resolveGateCommand('compile', p.root, config(), p.bin);
    expect(r).toEqual({
      missing: expect.stringMatching(
        /"go build \.\/\.\.\." \(from go\.mod\).*"go" is not on PATH.*set compile_cmd in gump\.toml \[validation\]/,
      ),
    });
  });

  it('looks only at the program ahead of && / || and after VAR=x prefixes', () => {
    p = makeProject();
    p.program('first');
    const r = (cmd: string) => resolveGateCommand('compile', p!.root, config({ compile_cmd: cmd }), p!.bin);
    expect(r('first && nothere')).toMatchObject({ command: 'first && nothere' });
    expect(r('CI=1 A="x y" first || nothere')).toMatchObject({ command: 'CI=1 A="x y" first || nothere' });
    expect(r('nothere && first')).toMatchObject({ missing: expect.stringContaining('"nothere" is not on PATH') });
  });

  it('presumes $( and backtick commands available, and shell builtins', () => {
    p = makeProject();
    const r = (cmd: string) => resolveGateCommand('test', p!.root, config({ test_cmd: cmd }), p!.bin);
    expect(r('$(which nothere) run')).toHaveProperty('command');
    expect(r('`which nothere` run')).toHaveProperty('command');
    expect(r('cd sub && nothere')).toHaveProperty('command');
  });

  it('checks a program given by path relative to the worktree', () => {
    p = makeProject();
    p.program('tool');
    const r = (cmd: string) => resolveGateCommand('test', p!.root, config({ test_cmd: cmd }), '');
    expect(r('./.bin/tool --x')).toHaveProperty('command');
    expect(r('./.bin/none')).toHaveProperty('missing');
  });
});

describe('leadingProgram', () => {
  it.each([
    ['go test ./...', 'go'],
    ["  FOO=1 BAR='a b' npm test", 'npm'],
    ['make&&x', 'make'],
    [PYTHON_COMPILE_COMMAND, 'python3'],
    ['"my tool" x', 'my tool'],
    ['echo hi', undefined],
    ['$(x)', undefined],
    ['$TOOL run', undefined],
    ['', undefined],
  ])('%j → %s', (cmd, program) => expect(leadingProgram(cmd)).toBe(program));
});
