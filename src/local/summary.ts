// The end-of-run summary line(s) printed by `gump run`: status, duration, cost, branch, next step.

import { readLedger } from '../../runtime/state/ledger.js';
import { loadState } from '../../runtime/state/run-state.js';
import { buildReport } from '../../runtime/run/report.js';
import { runPaths } from '../../runtime/run/layout.js';
import { dollars } from '../../runtime/run/summary-helpers.js';
import { viewOfRun } from '../../runtime/run/summary-view.js';
import { loadPlan } from '../../runtime/run/plan-file.js';
import { renderApprovalSummary } from './approval-summary.js';

export function printSummary(worktree: string, write: (s: string) => void): void {
  const paths = runPaths(worktree);
  const state = loadState(paths.state);
  const report = buildReport(state, readLedger(paths.ledger));
  const end = report.finishedAt ? Date.parse(report.finishedAt) : Date.now();
  const secs = Math.max(0, Math.round((end - Date.parse(state.startedAt) - state.waitedMs) / 1000));
  const duration = `${Math.floor(secs / 60)}m${String(secs % 60).padStart(2, '0')}s`;
  write(
    `\nRun ${state.status === 'waiting' ? 'waiting' : 'completed'}: ${state.status}  duration: ${duration}  cost: ${dollars(report.totals.cost)}${report.totals.costSources.includes('estimated') ? ' (estimated)' : ''}\n`,
  );
  if (state.message) write(`${state.message.split('\n')[0]}\n`);
  if (state.status === 'waiting')
    write(renderApprovalSummary(viewOfRun({ state, plan: loadPlan(paths.plan), worktree, env: {} })));
  write(`branch: ${state.branch}\n`);
  if (state.status === 'pass') write(`next: gump apply ${state.runId}   (merge the result into your current branch)\n`);
  else if (state.status === 'waiting')
    write(`next: gump approve ${state.runId}  or  gump reject ${state.runId} --reason "<why>"\n`);
  // A merge conflict is not retried (language.md §6.3): resuming meets the same conflict.
  else if (state.failureKind === 'merge_conflict')
    write(
      `next: gump report ${state.runId}; a merge conflict is final: change the workflow or the spec so tasks do not edit the same lines, and start a new run\n`,
    );
  else
    write(
      `next: gump report ${state.runId}; gump run --resume ${state.runId} continues without redoing passed steps\n`,
    );
}
