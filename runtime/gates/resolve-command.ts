// Gate command resolution (language.md §8.4): gump.toml `[validation] <alias>_cmd` first, then the
// first project marker in the worktree root that yields a command; then the availability check
// (the command's leading program must be on PATH). Pure lookups on the worktree, no side effects.

import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import type { RuntimeConfig } from '../config.js';

export const COMMAND_ALIASES = ['compile', 'test', 'lint', 'coverage', 'tests_found'] as const;
export type CommandAlias = (typeof COMMAND_ALIASES)[number];

export type ResolvedCommand = { command: string; source: string } | { missing: string };

type ConfigKey = 'compile_cmd' | 'test_cmd' | 'lint_cmd' | 'coverage_cmd';

/**
 * Byte-compiles every `*.py` outside hidden folders (`-x` skips any path with a `/.` component)
 * and keeps the `.pyc` files out of the worktree (PYTHONPYCACHEPREFIX, Python ≥ 3.8), so the
 * next snapshot does not commit `__pycache__/`. Exit status 1 when a file does not compile.
 */
export const PYTHON_COMPILE_COMMAND = `PYTHONPYCACHEPREFIX="\${TMPDIR:-/tmp}/gump-pycache" python3 -m compileall -q -x '/\\.' .`;

type CommandTable = Partial<Record<CommandAlias, string>>;

const GO: CommandTable = {
  compile: 'go build ./...',
  test: 'go test ./...',
  tests_found: 'go test -v ./...',
  lint: 'golangci-lint run',
  coverage: 'go test -coverprofile=coverage.out ./... && go tool cover -func=coverage.out',
};
const CARGO: CommandTable = {
  compile: 'cargo build',
  test: 'cargo test',
  tests_found: 'cargo test',
  lint: 'cargo clippy',
  coverage: 'cargo tarpaulin --out Stdout',
};
const PYPROJECT: CommandTable = {
  compile: PYTHON_COMPILE_COMMAND,
  test: 'python -m pytest',
  tests_found: 'python -m pytest',
};

interface Marker {
  file: string;
  /** The command for an alias, or undefined when this marker yields none. */
  command(alias: CommandAlias, root: string): string | undefined;
}

/** §8.4 table, in marker order. */
const MARKERS: Marker[] = [
  {
    file: 'go.mod',
    command: (alias) => GO[alias],
  },
  {
    file: 'package.json',
    command: (alias, root) => {
      if (alias === 'test' || alias === 'tests_found') return 'npm test';
      if (alias === 'coverage') return 'npm test -- --coverage';
      const script = alias === 'compile' ? 'build' : 'lint';
      return hasScript(join(root, 'package.json'), script) ? `npm run ${script}` : undefined;
    },
  },
  {
    file: 'Cargo.toml',
    command: (alias) => CARGO[alias],
  },
  {
    file: 'Makefile',
    command: (alias, root) => {
      const target = alias === 'compile' ? 'build' : alias === 'test' || alias === 'tests_found' ? 'test' : undefined;
      return target !== undefined && hasMakeTarget(join(root, 'Makefile'), target) ? `make ${target}` : undefined;
    },
  },
  {
    file: 'pyproject.toml',
    command: (alias) => PYPROJECT[alias],
  },
];

/** Every file a command alias is resolved from: gump.toml, then the §8.4 markers. */
export const GATE_COMMAND_FILES: readonly string[] = ['gump.toml', ...MARKERS.map((m) => m.file)];

const MARKER_HELP: Record<CommandAlias, string> = {
  compile: 'go.mod, package.json with a "build" script, Cargo.toml, Makefile with a "build:" target, pyproject.toml',
  test: 'go.mod, package.json, Cargo.toml, Makefile with a "test:" target, pyproject.toml',
  tests_found: 'go.mod, package.json, Cargo.toml, Makefile with a "test:" target, pyproject.toml',
  lint: 'go.mod, package.json with a "lint" script, Cargo.toml',
  coverage: 'go.mod, package.json, Cargo.toml',
};

export function configKeyOf(alias: CommandAlias): ConfigKey {
  return alias === 'tests_found' ? 'test_cmd' : (`${alias}_cmd` as ConfigKey);
}

/** Resolves the command of a gate alias; `pathEnv` is the PATH the gate will run with. */
export function resolveGateCommand(
  alias: CommandAlias,
  worktree: string,
  config: RuntimeConfig,
  pathEnv = process.env.PATH ?? '',
): ResolvedCommand {
  const key = configKeyOf(alias);
  const hint = `set ${key} in gump.toml [validation]`;
  const found = findCommand(alias, key, worktree, config);
  if (found === undefined) {
    return {
      missing: `no ${alias} command found: gump.toml [validation] ${key} is unset and no project marker applies (${MARKER_HELP[alias]}); ${hint}`,
    };
  }
  const program = leadingProgram(found.command);
  if (program !== undefined && !isAvailable(program, worktree, pathEnv)) {
    return {
      missing: `${alias} command "${found.command}" (from ${found.source}) cannot run: "${program}" is not on PATH; install it or ${hint}`,
    };
  }
  return found;
}

function findCommand(
  alias: CommandAlias,
  key: ConfigKey,
  root: string,
  config: RuntimeConfig,
): { command: string; source: string } | undefined {
  const configured = config.validation[key];
  if (configured !== undefined && configured.trim() !== '')
    return { command: configured, source: `gump.toml [validation] ${key}` };
  for (const marker of MARKERS) {
    if (!isFile(join(root, marker.file))) continue;
    const command = marker.command(alias, root);
    if (command !== undefined) return { command, source: marker.file };
  }
  return undefined;
}

/** Shell words that are not programs looked up on PATH. */
const SHELL_BUILTINS = new Set(
  (
    '. : [ alias bg break cd command continue echo eval exec exit export false fg getopts hash jobs kill printf pwd read readonly return ' +
    'set shift test times trap true type ulimit umask unalias unset wait if then else elif fi for while until do done case esac { } ! ('
  ).split(' '),
);

/**
 * The program that starts a command: its first word, ahead of any `&&`/`||`, after `VAR=value`
 * prefixes. Undefined when the command is presumed available (`$(`, backticks, builtins, empty).
 */
export function leadingProgram(command: string): string | undefined {
  if (command.includes('$(') || command.includes('`')) return undefined;
  let rest = command.trimStart();
  for (;;) {
    const assignment = /^[A-Za-z_][A-Za-z0-9_]*=(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s;&|'"])*\s*/.exec(rest);
    if (assignment === null || assignment[0] === '') break;
    rest = rest.slice(assignment[0].length);
  }
  const word = /^(?:"([^"]*)"|'([^']*)'|([^\s;&|()<>]+))/.exec(rest);
  if (word === null) return undefined;
  const program = word[1] ?? word[2] ?? word[3] ?? '';
  if (program === '' || SHELL_BUILTINS.has(program) || program.includes('$')) return undefined;
  return program;
}

function isAvailable(program: string, cwd: string, pathEnv: string): boolean {
  if (program.includes('/')) return isExecutable(isAbsolute(program) ? program : join(cwd, program));
  return pathEnv.split(delimiter).some((dir) => dir !== '' && isExecutable(join(dir, program)));
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function hasScript(file: string, script: string): boolean {
  try {
    const scripts = (JSON.parse(readFileSync(file, 'utf8')) as { scripts?: Record<string, unknown> } | null)?.scripts;
    const value = scripts !== null && typeof scripts === 'object' ? scripts[script] : undefined;
    return typeof value === 'string' && value.trim() !== '';
  } catch {
    return false;
  }
}

/** A rule line `target:` / `a target b:` / `target::` (not a `:=` assignment), at column 0. */
function hasMakeTarget(file: string, target: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  for (const line of text.split('\n')) {
    const rule = /^([^\s:=#][^:=#]*?)\s*::?(?!=)/.exec(line);
    if (rule !== null && rule[1]!.split(/\s+/).includes(target)) return true;
  }
  return false;
}
