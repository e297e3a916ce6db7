// `gump run <workflow> --spec <file> [--stub] [--isolate-steps] [--input name=value]...`
// `gump run --resume [<id>]`: runs a workflow locally on branch gump/run-<id> in its own worktree
// (your branch and working tree untouched), with a live trace and a final summary.

import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { compile } from '../compile.js';
import { render } from '../diagnostics/render.js';
import { NodeHost } from '../project/node-host.js';
import { executeRun } from '../local/execute.js';
import { headCommit, pickRun, readState, repoRoot, runWorktree } from '../local/runs.js';
import { removeRun, runInfo } from '../local/housekeeping.js';
import { startRun } from '../local/start-run.js';
import { lockRun } from '../local/lock.js';
import { checkGateCommands, checkInputs, checkSpec } from '../local/preflight.js';
import { hasStagedStub, readStubScript, stageStubScript } from '../local/stub-copy.js';
import { printSummary } from '../local/summary.js';
import { parseArgs, UsageError } from './args.js';
import type { Command } from './commands.js';
import { localRunFailure } from './local-run-failure.js';
import { runHelp } from './local-run-help.js';

/** A terminal gets a live status line; anything else (CI logs, pipes) plain lines and heartbeats. */
function progressOptions(): { live: boolean; columns?: number } {
  const out = process.stdout;
  return out.isTTY === true ? { live: true, ...(out.columns ? { columns: out.columns } : {}) } : { live: false };
}

export const runCommand: Command = {
  summary: 'run a workflow locally on a run branch',
  help: runHelp,
  async run(argv) {
    const inputs: Record<string, string> = {};
    const rest: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      if (argv[i] === '--input') {
        const kv = argv[++i] ?? '';
        const eq = kv.indexOf('=');
        if (eq <= 0) throw new UsageError('--input takes name=value');
        inputs[kv.slice(0, eq)] = kv.slice(eq + 1);
      } else rest.push(argv[i]!);
    }
    const args = parseArgs(rest, ['spec'], ['stub', 'isolate-steps', 'resume', 'help']);
    const write = (s: string): void => void process.stdout.write(s);
    try {
      const repo = repoRoot(process.cwd());
      const isolate = args.flags.has('isolate-steps');
      if (args.flags.has('resume')) {
        const id = pickRun(repo, args.positionals[0]);
        lockRun(repo, id, write);
        if (readState(runWorktree(repo, id)).status === 'pass') {
          write(
            `run ${id} has passed; nothing to resume\nnext: gump apply ${id}   (merge the result into your current branch)\n`,
          );
          return 0;
        }
        // A stub run reads the working-tree stub script again: a fixed script takes effect.
        if (hasStagedStub(runWorktree(repo, id)))
          stageStubScript(runWorktree(repo, id), readStubScript(repo, process.cwd()));
        write(`resuming run ${id}\n`);
        const code = await executeRun(runWorktree(repo, id), {
          isolate,
          write,
          resumed: true,
          progress: progressOptions(),
        });
        printSummary(runWorktree(repo, id), write);
        return code;
      }
      const [workflow] = args.positionals;
      const spec = args.flags.get('spec');
      if (!workflow || typeof spec !== 'string') throw new UsageError('name a workflow and --spec <file>');
      headCommit(repo);
      if (existsSync(resolve(workflow)) && statSync(resolve(workflow)).isDirectory())
        throw new UsageError(`${workflow} is a folder: name a workflow file or a workflow name`);
      const host = new NodeHost(repo, repo);
      const source = existsSync(resolve(workflow))
        ? host.load(resolve(workflow))
        : host.resolve(workflow.replace(/^workflows\//, ''), 'workflow');
      if (!source)
        throw new UsageError(`no workflow "${workflow}" (not a file, not in .gump/workflows/, not built in)`);
      const compiled = compile(host, [source]);
      if (compiled.diagnostics.length > 0) write(render(compiled.diagnostics, 'text', host.sources()));
      const plan = compiled.workflows[0]?.plan;
      if (!plan || compiled.diagnostics.some((d) => d.severity === 'error')) return 1;
      const planText = compiled.workflows[0]!.files[0]!.text;
      // Before any agent spends, before a run branch exists.
      checkSpec(resolve(spec), spec);
      checkInputs(plan, inputs);
      const stub = args.flags.has('stub');
      const stubText = stub ? readStubScript(repo, process.cwd()) : undefined;
      const run = await startRun({
        repo,
        plan,
        planText,
        planPath: source.file,
        specFile: resolve(spec),
        inputs,
        stub,
        ...(stubText !== undefined ? { stubText } : {}),
      });
      try {
        // In the run's checkout (the last commit), before any agent spends; a run that cannot start leaves nothing.
        checkGateCommands(plan, run.worktree, repo);
      } catch (e) {
        removeRun(repo, runInfo(repo, run.id));
        throw e;
      }
      lockRun(repo, run.id, write);
      write(`run ${run.id} on branch ${run.branch}\n`);
      const code = await executeRun(run.worktree, { isolate, write, progress: progressOptions() });
      printSummary(run.worktree, write);
      return code;
    } catch (e) {
      return localRunFailure('run', e);
    }
  },
};
