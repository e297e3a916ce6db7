// The report files of a stopped run (docs/runtime.md "the run directory"): report.json and
// report.md (the Markdown summary, with how to continue a waiting run) in `.gump/run/`.

import { writeFileSync } from 'node:fs';
import type { Services } from '../exec/services.js';
import { runPaths } from './layout.js';
import { renderSummary } from './render-summary.js';
import { buildReport, renderReport, type RunReport } from './report.js';
import { viewOfRun } from './summary-view.js';
import { readLedger } from '../state/ledger.js';

export function writeReport(svc: Services): RunReport {
  const paths = runPaths(svc.worktree);
  const report = buildReport(svc.state, readLedger(paths.ledger));
  writeFileSync(paths.reportJson, renderReport(report, 'json'));
  writeFileSync(paths.reportMarkdown, renderSummary(viewOfRun(svc)));
  return report;
}
