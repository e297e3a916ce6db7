// Publishing a passed run (design.md "result"): push the run branch `gump/run-<id>` to a remote and
// write the pull/merge request body (the Markdown report). The runtime never pushes anything else:
// a branch that is not a run branch, or the base branch, is refused. Opening the PR/MR itself is the
// CI target's job (it owns the platform token).

import { writeFileSync } from 'node:fs';
import { git } from '../git/git.js';
import type { Services } from '../exec/services.js';
import { renderReport } from './report.js';
import { writeReport } from './report.js';

export interface PublishResult {
  ok: boolean;
  message: string;
}

export async function publish(svc: Services, opts: { remote: string; bodyFile?: string; dryRun?: boolean }): Promise<PublishResult> {
  const s = svc.state;
  if (s.status !== 'pass') return { ok: false, message: `run ${s.runId} has status ${s.status}; only a passed run is published` };
  const branch = s.branch;
  if (!/^gump\/run-[A-Za-z0-9._-]+$/.test(branch)) return { ok: false, message: `refusing to push "${branch}": the runtime only pushes gump/run-<id> branches` };
  const head = (await git(svc.worktree, ['rev-parse', `refs/heads/${branch}`])).stdout.trim();
  const report = writeReport(svc);
  if (opts.bodyFile) writeFileSync(opts.bodyFile, renderReport(report, 'markdown'));
  const refspec = `${head}:refs/heads/${branch}`;
  if (opts.dryRun) return { ok: true, message: `would push ${refspec} to ${opts.remote}` };
  await git(svc.worktree, ['push', '--quiet', opts.remote, refspec]);
  svc.ledger.emit('run.published', { remote: opts.remote, branch, commit: head });
  return { ok: true, message: `pushed ${branch} (${head.slice(0, 12)}) to ${opts.remote}` };
}
