// `report` in a CI job (design.md "job summary"): the report files of the `gump-report` artifact
// (report.json, report.md), the Markdown job summary appended to GITHUB_STEP_SUMMARY, and the step
// output `state`. A waiting run whose environment review was rejected (GUMP_DECISION=reject) is
// aborted first, with the reviewer's GUMP_REASON if given, so the report shows how the run ended.

import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV, OUTPUTS, REPORT } from '../../protocol/runtime-cli.js';
import type { Services } from '../exec/services.js';
import { appendStepOutputs } from '../platform/step-output.js';
import { readLedger } from '../state/ledger.js';
import { decide } from './approval.js';
import { runPaths } from './layout.js';
import { renderSummary } from './render-summary.js';
import { buildReport, renderReport, type RunReport } from './report.js';
import { viewOfRun } from './summary-view.js';
import { writeReport } from './write-report.js';

export interface CiReportOptions {
  /** Directory receiving report.json and report.md. */
  outDir?: string;
  /** Append the Markdown summary to GITHUB_STEP_SUMMARY when it is set. */
  summary?: boolean;
}

export function ciReport(svc: Services, opts: CiReportOptions): { report: RunReport; problem?: string } {
  const env = svc.env;
  if (svc.state.status === 'waiting' && env.GUMP_DECISION === 'reject') {
    const problem = decide(svc, 'reject', env[ENV.actor] || 'ci', env[ENV.reason]);
    if (problem) return { report: buildReport(svc.state, readLedger(runPaths(svc.worktree).ledger)), problem };
    // The run stopped: its own report files are written as for any stop (docs/runtime.md).
    writeReport(svc);
  }
  const events = readLedger(runPaths(svc.worktree).ledger);
  const report = buildReport(svc.state, events);
  const markdown = opts.outDir || (opts.summary && env.GITHUB_STEP_SUMMARY) ? renderSummary(viewOfRun(svc)) : '';
  if (opts.outDir) {
    mkdirSync(opts.outDir, { recursive: true });
    writeFileSync(join(opts.outDir, REPORT.json), renderReport(report, 'json'));
    writeFileSync(join(opts.outDir, REPORT.markdown), markdown);
  }
  if (opts.summary && env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, markdown);
  appendStepOutputs(env, { [OUTPUTS.state]: svc.state.status });
  return { report };
}
