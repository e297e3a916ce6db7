// `gump report [<run-id>] [--format text|json|markdown]`: the report of a local run (default: the
// latest): per step and attempt agent, turns, tokens, cost and its source, duration, gates.

import { readLedger } from '../../runtime/state/ledger.js';
import { loadState } from '../../runtime/state/run-state.js';
import { buildReport, renderReport } from '../../runtime/run/report.js';
import { renderPullRequest } from '../../runtime/run/render-summary.js';
import { viewOfRun } from '../../runtime/run/summary-view.js';
import { loadPlan } from '../../runtime/run/plan-file.js';
import { runPaths } from '../../runtime/run/layout.js';
import { pickRun, repoRoot, runWorktree } from '../local/runs.js';
import { runIsLive } from '../local/lock.js';
import { oneOf, parseArgs } from './args.js';
import type { Command } from './commands.js';
import { localRunFailure } from './local-run-failure.js';
import { reportHelp } from './local-run-help.js';

export const reportCommand: Command = {
  summary: 'print the report of a local run',
  help: reportHelp,
  run(argv) {
    const args = parseArgs(argv, ['format'], ['help']);
    const format = oneOf('format', args.flags.get('format'), ['text', 'json', 'markdown'] as const, 'text');
    try {
      const repo = repoRoot(process.cwd());
      const id = pickRun(repo, args.positionals[0]);
      const worktree = runWorktree(repo, id);
      const paths = runPaths(worktree);
      const state = loadState(paths.state);
      // Markdown is the report for people, as it becomes a pull/merge request body in CI.
      if (format === 'markdown')
        process.stdout.write(renderPullRequest(viewOfRun({ state, plan: loadPlan(paths.plan), worktree, env: {} })));
      else
        process.stdout.write(renderReport(buildReport(state, readLedger(paths.ledger), runIsLive(repo, id)), format));
      return 0;
    } catch (e) {
      return localRunFailure('report', e);
    }
  },
};
