// Runtime commands behind main.ts, also called in-process by `gump run`: each opens the run from
// its directory, does one thing, and maps the outcome to an exit code.

import { join, resolve } from 'node:path';
import type { Outcome, Services } from '../exec/services.js';
import { decide } from './approval.js';
import { NOTHING_RESTORED, restoreBoundaries, saveBoundary } from './boundary.js';
import { parseUnit, unitKey } from '../../protocol/units.js';
import { runAll } from './driver.js';
import { runUnit } from './run-unit.js';
import { openRun } from './open.js';
import { planSourceProblem } from './plan-source.js';
import { createTrace } from './trace.js';
import { userFacingMessage } from './errors.js';
import { ciCommand } from './ci.js';
import { gitlabChildCommand } from './ci-gitlab-child.js';
import { HELP } from './help.js';
import { publishCommand, reportCommand } from './publish-report-commands.js';

export function exitCodeOf(o: Outcome): number {
  return o.status === 'pass' ? 0 : o.status === 'waiting' ? 3 : o.status === 'aborted' ? 4 : 1;
}

function usage(message: string): number {
  process.stderr.write(`gump-runtime: ${message}\n`);
  return 2;
}

export function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

export async function executeCommand(command: string | undefined, argv: string[], entry: string): Promise<number> {
  try {
    return await dispatch(command, argv, entry);
  } catch (e) {
    const message = userFacingMessage(e);
    if (message === undefined) throw e;
    process.stderr.write(`gump-runtime: ${message}\n`);
    return 2;
  }
}

/**
 * A plan compiled from another version of its workflow is refused (design.md). `gump run` compiles
 * from the user's working tree, which may differ from the commit, and says so with the flag.
 */
function refused(svc: Services, argv: string[]): boolean {
  if (argv.includes('--skip-source-check')) return false;
  const problem = planSourceProblem(svc.worktree, svc.plan, svc.state);
  if (problem) process.stderr.write(`gump-runtime: ${problem}\n`);
  return problem !== undefined;
}

async function dispatch(command: string | undefined, argv: string[], entry: string): Promise<number> {
  const worktree = resolve(flag(argv, 'worktree') ?? '.');
  const trace = createTrace((s) => process.stdout.write(s));
  const open = () => openRun(worktree, { trace, runtimeEntry: resolve(entry) });
  switch (command) {
    case 'run': {
      const svc = open();
      if (refused(svc, argv)) return 2;
      svc.ledger.emit('run.resumed', { runId: svc.state.runId });
      return exitCodeOf(await runAll(svc));
    }
    case 'unit': {
      const unit = parseUnit(flag(argv, 'unit') ?? '');
      if (!unit)
        return usage(
          `--unit must be a unit key (step-0, slot-1-2-last, branch-3-0, …), got ${JSON.stringify(flag(argv, 'unit') ?? '')}`,
        );
      const boundaries = flag(argv, 'boundaries');
      const restored = boundaries ? await restoreBoundaries(worktree, resolve(boundaries)) : NOTHING_RESTORED;
      const svc = open();
      if (refused(svc, argv)) return 2;
      const outcome = await runUnit(svc, unit);
      if (boundaries)
        await saveBoundary(worktree, join(resolve(boundaries), flag(argv, 'name') ?? unitKey(unit)), {
          name: flag(argv, 'name') ?? unitKey(unit),
          unit: unitKey(unit),
          restored,
          state: svc.state,
        });
      return exitCodeOf(outcome);
    }
    case 'ci': {
      const plan = flag(argv, 'plan');
      const boundaries = flag(argv, 'boundaries');
      if (!plan || !boundaries) return usage('ci needs --plan <repo-relative plan.json> and --boundaries <dir>');
      const opt = (name: string): Record<string, string> =>
        flag(argv, name) !== undefined ? { [name]: flag(argv, name)! } : {};
      return ciCommand({
        plan,
        boundaries,
        ...opt('unit'),
        ...opt('name'),
        ...opt('out'),
        worktree,
        skipSourceCheck: argv.includes('--skip-source-check'),
        runtimeEntry: resolve(entry),
        env: process.env,
        write: (t) => process.stdout.write(t),
        sourceProblem: (svc) => planSourceProblem(svc.worktree, svc.plan, svc.state),
      });
    }
    case 'help':
      process.stdout.write(HELP);
      return 0;
    case 'tasks': {
      // The planner's task list, for a CI matrix (fan-out): a JSON array of {name, description, files}.
      const svc = open();
      const split = flag(argv, 'split') ?? '';
      const rec = svc.state.splits[split];
      if (!rec || svc.state.steps[split]?.status !== 'pass') {
        process.stderr.write(`gump-runtime: split "${split}" has not planned yet\n`);
        return 2;
      }
      process.stdout.write(`${JSON.stringify(rec.tasks)}\n`);
      return 0;
    }
    case 'gitlab-child': {
      const split = flag(argv, 'split');
      const config = flag(argv, 'config');
      const template = flag(argv, 'extends');
      const out = flag(argv, 'out');
      if (!split || !config || !template || !out)
        return usage(
          'gitlab-child needs --split <path> --config <repo-relative child file> --extends <hidden job> --out <file>',
        );
      return gitlabChildCommand(open(), { split, config, template, out, worktree });
    }
    case 'approve':
    case 'reject': {
      const problem = decide(open(), command, undefined, command === 'reject' ? flag(argv, 'reason') : undefined);
      if (problem) {
        process.stderr.write(`gump-runtime: ${problem}\n`);
        return 2;
      }
      return 0;
    }
    // The publish and report jobs (publish-report-commands.ts).
    case 'publish':
      return publishCommand(open, argv);
    case 'report':
      return reportCommand(open, argv);
    default:
      process.stderr.write(`gump-runtime: unknown command ${JSON.stringify(command)}\n`);
      return 2;
  }
}
