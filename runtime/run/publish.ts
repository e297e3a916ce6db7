// Publishing a run (design.md "result"): push the run branch `gump/run-<id>` — never anything else,
// so the base branch is never pushed — of a passed run (or, with `waiting`, of a run waiting at an
// approval point, for its reviewers), write the PR/MR body, and open or update the PR/MR
// (runtime/platform/). Tokens come from the environment and never reach git config or output.

import { writeFileSync } from 'node:fs';
import { PUBLISH } from '../../protocol/runtime-cli.js';
import { git } from '../git/git.js';
import type { Services } from '../exec/services.js';
import { openGithubPullRequest, githubBase } from '../platform/github.js';
import { openGitlabMergeRequest, gitlabBase } from '../platform/gitlab.js';
import { PlatformError, redact } from '../platform/http.js';
import type { PlatformName, PullRequestResult } from '../platform/pull-request.js';
import { platformOf, pushAuth } from '../platform/push-auth.js';
import { appendStepOutputs } from '../platform/step-output.js';
import { renderPullRequest } from './render-summary.js';
import { firstSpecLine, viewOfRun, workflowName } from './summary-view.js';
import { writeReport } from './write-report.js';

export interface PublishOptions {
  remote: string;
  bodyFile?: string;
  dryRun?: boolean;
  /** Push a run waiting at an approval point (and only such a run). */
  waiting?: boolean;
  openPr?: PlatformName;
  base?: string;
  timeoutMs?: number;
}

export interface PublishResult {
  ok: boolean;
  /** Exit code: 0 done, 1 refused or failed, 2 missing configuration. */
  code: number;
  message: string;
}

const RUN_BRANCH = /^gump\/run-[A-Za-z0-9._-]+$/;

export async function publish(svc: Services, opts: PublishOptions): Promise<PublishResult> {
  const s = svc.state;
  const env = svc.env;
  const fail = (message: string, code = 1): PublishResult => ({ ok: false, code, message });
  if (opts.waiting && s.status !== 'waiting')
    return fail(`run ${s.runId} has status ${s.status}; --waiting publishes only a run waiting at an approval point`);
  if (!opts.waiting && s.status !== 'pass')
    return fail(
      `run ${s.runId} has status ${s.status}; only a passed run is published${s.status === 'waiting' ? ' (use --waiting to push a waiting run for review)' : ''}`,
    );
  const branch = s.branch;
  if (!RUN_BRANCH.test(branch))
    return fail(`refusing to push "${branch}": the runtime only pushes gump/run-<id> branches`);

  const base = opts.openPr ? (opts.base ?? (opts.openPr === 'github' ? githubBase(env) : gitlabBase(env))) : undefined;
  if (opts.openPr && !base)
    return fail(
      `no base branch for the ${opts.openPr === 'github' ? 'pull' : 'merge'} request: give --base or set ${opts.openPr === 'github' ? 'GITHUB_REF_NAME' : 'CI_DEFAULT_BRANCH'}`,
      2,
    );
  if (base === branch) return fail(`the base branch cannot be the run branch ${branch}`, 2);

  const head = (await git(svc.worktree, ['rev-parse', `refs/heads/${branch}`])).stdout.trim();
  // A waiting run has no report files yet; the stored report is refreshed only when the run stopped.
  if (!opts.waiting) writeReport(svc);
  const body = renderPullRequest(viewOfRun(svc));
  if (opts.bodyFile) writeFileSync(opts.bodyFile, body);
  const refspec = `${head}:refs/heads/${branch}`;
  const lines: string[] = [];
  if (opts.dryRun) {
    lines.push(`would push ${refspec} to ${opts.remote}`);
    if (opts.openPr)
      lines.push(
        `would open a ${opts.openPr === 'github' ? 'pull' : 'merge'} request ${branch} → ${base}: ${titleOf(svc)}`,
      );
    return { ok: true, code: 0, message: lines.join('\n') };
  }

  const url =
    (await git(svc.worktree, ['remote', 'get-url', opts.remote], { allowFail: true })).stdout.trim() || opts.remote;
  const auth = pushAuth(platformOf(opts.openPr, env), url, env);
  const secrets = [auth.token, env.GUMP_PUSH_TOKEN, env.CI_JOB_TOKEN];
  const pushed = await git(svc.worktree, ['push', '--quiet', opts.remote, refspec], { env: auth.env, allowFail: true });
  if (pushed.code !== 0) {
    const why = redact(pushed.stderr.trim().split('\n').filter(Boolean).slice(-3).join(' / '), secrets);
    return fail(
      `git push of ${branch} to ${opts.remote} failed (exit ${pushed.code}): ${why}; check the remote and that GUMP_PUSH_TOKEN may push (contents: write)`,
    );
  }
  svc.ledger.emit('run.published', { remote: opts.remote, branch, commit: head });
  lines.push(`pushed ${branch} (${head.slice(0, 12)}) to ${opts.remote}`);
  if (!opts.openPr) return { ok: true, code: 0, message: lines.join('\n') };

  let pr: PullRequestResult;
  try {
    const input = { head: branch, base: base!, title: titleOf(svc), body };
    pr =
      opts.openPr === 'github'
        ? await openGithubPullRequest(env, input, opts.timeoutMs)
        : await openGitlabMergeRequest(env, input, opts.timeoutMs);
  } catch (e) {
    if (!(e instanceof PlatformError)) throw e;
    return fail(redact(e.message, secrets), e.kind === 'config' ? 2 : 1);
  }
  svc.ledger.emit('run.pull_request', { platform: opts.openPr, url: pr.url, number: pr.number });
  appendStepOutputs(env, { [PUBLISH.outputs.prUrl]: pr.url, [PUBLISH.outputs.prNumber]: pr.number });
  const kind = opts.openPr === 'github' ? `pull request #${pr.number}` : `merge request !${pr.number}`;
  lines.push(`${pr.updated ? 'updated' : 'opened'} ${kind}: ${pr.url}`);
  return { ok: true, code: 0, message: lines.join('\n') };
}

/** `gump: <workflow name> — <first line of the spec, ≤ 72 chars>`. */
export function titleOf(svc: Services): string {
  const line = firstSpecLine(svc.state.spec.text);
  return `gump: ${workflowName(svc.plan)} — ${line || `run ${svc.state.runId}`}`;
}
