// `gump compile [<workflow>...] [--target plan|github|gitlab]... [--check] [--root dir]`: checks each
// workflow (names — project, then built-in — or files; default: every file of .gump/workflows/)
// and writes its plan, its pipelines for the targets (flag, else gump.toml `[ci] targets`, else
// plan only), the runtime, the shared CI files and the `.gitattributes` block marking them all
// generated. `--check` writes nothing and exits 1 when a file is stale. A GitLab child pipeline file
// of a compiled workflow whose split no longer exists is removed (only a file gump generated).

import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { compile, workflowName } from '../compile.js';
import { Program } from '../2-check/program.js';
import { render } from '../diagnostics/render.js';
import { findProjectRoot, NodeHost } from '../project/node-host.js';
import { RUNTIME_PATH, STUB_RUNTIME_PATH } from '../../protocol/runtime-cli.js';
import { hasGeneratedHeader } from '../../targets/ci/header.js';
import type { Target } from '../../targets/ci/limits.js';
import { childDir } from '../../targets/gitlab/emit.js';
import { parseArgs, UsageError } from './args.js';
import type { Command } from './commands.js';
import { ROOT_OPTION, type CommandHelp } from './command-help.js';
import { loadFiles } from './load-files.js';
import { runtimeBundle } from '../local/runs.js';
import { writeFileAtomic } from './write-file-atomic.js';
import { withGitattributes } from './gitattributes.js';

const help: CommandHelp = {
  usage: ['gump compile [<workflow>...] [--target plan|github|gitlab] [--check] [--root <dir>]'],
  description: `Checks each workflow and writes what runs it: the compiled plan (.gump/compiled/<name>.plan.json),
the runtime (.gump/runtime/gump-runtime.mjs, gump-stub.cjs) and, per target, the pipeline:
  github   .github/workflows/gump-<name>.yml and .github/actions/gump/action.yml
  gitlab   .gitlab/gump/<name>.yml (included from .gitlab-ci.yml: gump init --target gitlab)
<workflow> is a file or a name (.gump/workflows/<name>.yaml, then the built-in library); without
one, every workflow in .gump/workflows/. Generated files are marked linguist-generated in
.gitattributes.`,
  options: [
    [
      '--target plan|github|gitlab',
      'what to write (repeatable, or a comma list); default: gump.toml\n[ci] targets, else the plan alone',
    ],
    ['--check', 'write nothing; exit 1 when a generated file is missing or differs'],
    ROOT_OPTION,
  ],
  exit: [
    [0, 'written (or, with --check, up to date)'],
    [1, 'errors in a workflow, or stale files with --check'],
    [2, 'usage or I/O error'],
  ],
};

const TARGETS = ['plan', 'github', 'gitlab'] as const;

export const compileCommand: Command = {
  summary: 'check workflows and write their plans and CI pipelines',
  help,
  run(argv) {
    const targetFlags: string[] = [];
    const rest: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '--target') targetFlags.push(argv[++i] ?? '');
      else if (a.startsWith('--target=')) targetFlags.push(a.slice('--target='.length));
      else rest.push(a);
    }
    const args = parseArgs(rest, ['root'], ['check', 'help']);
    const rootFlag = args.flags.get('root');
    const root = resolve(typeof rootFlag === 'string' ? rootFlag : findProjectRoot('.'));
    if (!existsSync(root)) throw new UsageError(`--root ${root} does not exist`);
    // Display paths relative to the project root: output must not depend on the caller's cwd.
    const host = new NodeHost(root, root);
    const sources =
      args.positionals.length > 0
        ? args.positionals.map((p) => sourceOf(host, root, p))
        : loadFiles(host, projectWorkflows(root)).map((f) => f.source);
    if (sources.length === 0)
      throw new UsageError('no workflow to compile: name workflows or files, or add .gump/workflows/<name>.yaml');
    const targets = pickTargets(targetFlags, host);
    const result = compile(host, sources, targets);
    process.stdout.write(render(result.diagnostics, 'text', host.sources()));
    if (result.diagnostics.some((d) => d.severity === 'error')) {
      process.stderr.write('gump compile: errors found; nothing written\n');
      return 1;
    }
    const files = [...result.workflows.flatMap((w) => w.files), ...result.shared];
    // The runtime the plans run with (design.md): one self-contained file, no npm install in jobs.
    files.push({ path: RUNTIME_PATH, text: readFileSync(runtimeBundle(), 'utf8') });
    // A stub attempt's process loads only this (11 KB) instead of the whole runtime.
    files.push({
      path: STUB_RUNTIME_PATH,
      text: readFileSync(join(dirname(runtimeBundle()), basename(STUB_RUNTIME_PATH)), 'utf8'),
    });
    const attributes = join(root, '.gitattributes');
    const current = existsSync(attributes) ? readFileSync(attributes, 'utf8') : undefined;
    const wanted = withGitattributes(current, targets);
    if (wanted !== current) files.push({ path: '.gitattributes', text: wanted });
    let stale = 0;
    let written = 0;
    for (const f of files) {
      const out = join(root, f.path);
      if (args.flags.has('check')) {
        if (!existsSync(out) || readFileSync(out, 'utf8') !== f.text) {
          stale++;
          process.stdout.write(
            `stale: ${f.path} (run: npx gump compile${targets.map((t) => ` --target ${t}`).join('')}, then commit)\n`,
          );
        }
        continue;
      }
      if (existsSync(out) && readFileSync(out, 'utf8') === f.text) continue;
      mkdirSync(dirname(out), { recursive: true });
      writeFileAtomic(out, f.text);
      written++;
      process.stdout.write(`wrote ${f.path}\n`);
    }
    const orphans = targets.includes('gitlab') ? orphanChildFiles(root, result.workflows, files) : [];
    for (const path of orphans) {
      if (args.flags.has('check')) {
        stale++;
        process.stdout.write(
          `stale: ${path} (the child pipeline of a split that no longer exists; run: npx gump compile --target gitlab, then commit)\n`,
        );
        continue;
      }
      unlinkSync(join(root, path));
      process.stderr.write(`gump compile: removed ${path} (the child pipeline of a split that no longer exists)\n`);
      const dir = join(root, dirname(path));
      if (readdirSync(dir).length === 0) rmdirSync(dir);
    }
    if (!args.flags.has('check') && written === 0 && orphans.length === 0)
      process.stdout.write(`${files.length} file${files.length === 1 ? '' : 's'} up to date\n`);
    return stale > 0 ? 1 : 0;
  },
};

/**
 * Compiled GitLab child pipeline files (`.gitlab/gump/<workflow>/<split>.yml`) of the compiled
 * workflows that this compile no longer writes, sorted; only files that carry gump's generated
 * header (anything else in the folder is the project's own and is never touched).
 */
function orphanChildFiles(
  root: string,
  workflows: { source: { file: string } }[],
  files: { path: string }[],
): string[] {
  const written = new Set(files.map((f) => f.path));
  const out: string[] = [];
  for (const w of workflows) {
    const dir = childDir(workflowName(w.source.file));
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const path = `${dir}/${e.name}`;
      if (!e.isFile() || !/\.yml$/.test(e.name) || written.has(path)) continue;
      if (hasGeneratedHeader(readFileSync(join(abs, e.name), 'utf8'))) out.push(path);
    }
  }
  return out.sort();
}

/** A workflow file, or a name: `.gump/workflows/<name>.yaml`, then the built-in library. */
function sourceOf(host: NodeHost, root: string, arg: string) {
  if (existsSync(resolve(arg))) return loadFiles(host, [relative(root, resolve(arg)).split(sep).join('/')])[0]!.source;
  const source = host.resolve(arg.replace(/^workflows\//, '').replace(/\.ya?ml$/, ''), 'workflow');
  if (!source) throw new UsageError(`no workflow "${arg}" (not a file, not in .gump/workflows/, not built in)`);
  return source;
}

function pickTargets(flags: string[], host: NodeHost): Target[] {
  const named = flags
    .flatMap((f) => f.split(','))
    .map((t) => t.trim())
    .filter((t) => t !== '');
  for (const t of named)
    if (!(TARGETS as readonly string[]).includes(t))
      throw new UsageError(`--target must be one of ${TARGETS.join(', ')}, not "${t}"`);
  const chosen = named.length > 0 ? named : (new Program(host, {}).config()?.config.ci.targets ?? []);
  return [...new Set(chosen.filter((t): t is Target => t === 'github' || t === 'gitlab'))].sort();
}

function projectWorkflows(root: string): string[] {
  const dir = join(root, '.gump', 'workflows');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => `.gump/workflows/${f}`);
}
