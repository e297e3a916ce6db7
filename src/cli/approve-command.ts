// `gump approve <run-id>` / `gump reject <run-id>`: decide the approval point a local run waits at
// (language.md §12). Approve continues the run at once; reject ends it `aborted`.

import { decide } from '../../runtime/run/approval.js';
import { openRun } from '../../runtime/run/open.js';
import { createTrace } from '../../runtime/run/trace.js';
import { executeRun } from '../local/execute.js';
import { LocalRunError, pickWaitingRun, repoRoot, runtimeBundle, runWorktree } from '../local/runs.js';
import { printSummary } from '../local/summary.js';
import { lockRun } from '../local/lock.js';
import { parseArgs } from './args.js';
import type { Command } from './commands.js';
import { localRunFailure } from './local-run-failure.js';
import { approveHelp, rejectHelp } from './local-run-help.js';

function decisionCommand(decision: 'approve' | 'reject'): Command {
  return {
    summary:
      decision === 'approve'
        ? 'approve the pending approval point of a run and continue it'
        : 'reject the pending approval point of a run (aborts it)',
    help: decision === 'approve' ? approveHelp : rejectHelp,
    async run(argv) {
      const args = parseArgs(argv, decision === 'reject' ? ['reason'] : [], ['help', 'isolate-steps']);
      const reason = args.flags.get('reason');
      const write = (s: string): void => void process.stdout.write(s);
      try {
        const repo = repoRoot(process.cwd());
        const id = pickWaitingRun(repo, args.positionals[0], decision);
        lockRun(repo, id, write);
        const worktree = runWorktree(repo, id);
        const problem = decide(
          openRun(worktree, { trace: createTrace(write), runtimeEntry: runtimeBundle() }),
          decision,
          undefined,
          typeof reason === 'string' ? reason : undefined,
        );
        if (problem) throw new LocalRunError(problem);
        if (decision === 'reject') {
          printSummary(worktree, write);
          return 4;
        }
        const code = await executeRun(worktree, { isolate: args.flags.has('isolate-steps'), write });
        printSummary(worktree, write);
        return code;
      } catch (e) {
        return localRunFailure(decision, e);
      }
    },
  };
}

export const approveCommand = decisionCommand('approve');
export const rejectCommand = decisionCommand('reject');
