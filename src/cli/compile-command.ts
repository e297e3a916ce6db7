// `gump compile [<workflow>...] [--target plan] [--check] [--root dir]`: checks each workflow
// (default: every file of .gump/workflows/) and writes its compiled plan to
// .gump/compiled/<name>.plan.json. `--check` writes nothing and exits 1 when a file is stale.

import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { checkFiles } from '../compile.js';
import { render } from '../diagnostics/render.js';
import { lowerPlan, serialisePlan } from '../3-lower/lower.js';
import { findProjectRoot, NodeHost } from '../project/node-host.js';
import { oneOf, parseArgs, UsageError } from './args.js';
import type { Command } from './commands.js';
import { loadFiles } from './load-files.js';
import { runtimeBundle } from '../local/runs.js';
import { writeFileAtomic } from './write-file-atomic.js';

const HELP = `usage: gump compile [<workflow>...] [--target plan] [--check] [--root <dir>]

Checks each workflow and writes its compiled plan (.gump/compiled/<name>.plan.json), the file the
gump runtime executes, and the runtime itself (.gump/runtime/gump-runtime.mjs). Without files, compiles every workflow in .gump/workflows/.
  --target plan   the output to produce (plan is the only target so far)
  --check         write nothing; exit 1 when a generated file is missing or differs
Exit status: 0 ok, 1 errors (or stale files with --check), 2 usage or I/O error.
`;

export const compileCommand: Command = {
  summary: 'check workflows and write their compiled plans',
  run(argv) {
    const args = parseArgs(argv, ['target', 'root'], ['check', 'help']);
    if (args.flags.has('help')) {
      process.stdout.write(HELP);
      return 0;
    }
    oneOf('target', args.flags.get('target'), ['plan'] as const, 'plan');
    const rootFlag = args.flags.get('root');
    const root = resolve(typeof rootFlag === 'string' ? rootFlag : findProjectRoot(args.positionals[0] ? dirname(args.positionals[0]) : '.'));
    const paths = args.positionals.length > 0 ? args.positionals.map((p) => relative(root, resolve(p)).split(sep).join('/')) : projectWorkflows(root);
    if (paths.length === 0) throw new UsageError('no workflow to compile: name files or add .gump/workflows/<name>.yaml');
    // Display paths relative to the project root: plans must not depend on the caller's cwd.
    const host = new NodeHost(root, root);
    const loaded = loadFiles(host, paths);
    const { results, configDiagnostics } = checkFiles(host, loaded.map((f) => f.source));
    const diagnostics = [...configDiagnostics, ...results.flatMap((r) => r.diagnostics)];
    process.stdout.write(render(diagnostics, 'text', host.sources()));
    if (diagnostics.some((d) => d.severity === 'error')) {
      process.stderr.write('gump compile: errors found; nothing written\n');
      return 1;
    }
    let stale = 0;
    results.forEach((result, i) => {
      const file = loaded[i]!;
      const plan = lowerPlan(result.workflow!, file.source, host, file.source.file);
      const out = join(root, '.gump', 'compiled', `${basename(file.source.file).replace(/\.ya?ml$/, '')}.plan.json`);
      const text = serialisePlan(plan);
      const shown = relative(root, out).split(sep).join('/');
      if (args.flags.has('check')) {
        if (!existsSync(out) || readFileSync(out, 'utf8') !== text) {
          stale++;
          process.stdout.write(`stale: ${shown} (run gump compile)\n`);
        }
        return;
      }
      mkdirSync(dirname(out), { recursive: true });
      writeFileAtomic(out, text);
      process.stdout.write(`wrote ${shown}\n`);
    });
    // The runtime the plans run with (design.md): one self-contained file, no npm install in jobs.
    const runtimeOut = join(root, '.gump', 'runtime', 'gump-runtime.mjs');
    const runtimeText = readFileSync(runtimeBundle(), 'utf8');
    if (args.flags.has('check')) {
      if (!existsSync(runtimeOut) || readFileSync(runtimeOut, 'utf8') !== runtimeText) {
        stale++;
        process.stdout.write('stale: .gump/runtime/gump-runtime.mjs (run gump compile)\n');
      }
    } else {
      mkdirSync(dirname(runtimeOut), { recursive: true });
      writeFileAtomic(runtimeOut, runtimeText);
      process.stdout.write('wrote .gump/runtime/gump-runtime.mjs\n');
    }
    return stale > 0 ? 1 : 0;
  },
};

function projectWorkflows(root: string): string[] {
  const dir = join(root, '.gump', 'workflows');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => `.gump/workflows/${f}`);
}
