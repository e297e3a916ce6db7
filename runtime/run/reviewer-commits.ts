// CI approvals (language.md §12): commits a reviewer pushed to the run branch `gump/run-<id>` on
// the remote while the run waited are part of what the following gates evaluate. When a job
// continues an approved run, it fetches that branch and, if it only adds commits on top of the
// run's head, fast-forwards the run to it; a branch that diverged is left alone, with a warning.

import { git } from '../git/git.js';
import { platformOf, pushAuth } from '../platform/push-auth.js';
import type { Services } from '../exec/services.js';

const REVIEWED = 'refs/gump/reviewed';

/** `env.GUMP_GIT_TOKEN`: a read token for an https remote (the job's own, read-only). */
export async function adoptReviewerCommits(
  svc: Services,
  env: Record<string, string | undefined>,
  remote = 'origin',
): Promise<void> {
  const cwd = svc.worktree;
  const url = (await git(cwd, ['remote', 'get-url', remote], { allowFail: true })).stdout.trim();
  if (url === '') return;
  const auth = pushAuth(platformOf(undefined, env), url, { GUMP_PUSH_TOKEN: env.GUMP_GIT_TOKEN });
  const branch = svc.state.branch;
  const fetched = await git(cwd, ['fetch', '--quiet', '--no-tags', remote, `+refs/heads/${branch}:${REVIEWED}`], {
    allowFail: true,
    env: auth.env,
  });
  if (fetched.code !== 0) {
    // No such branch on the remote: nobody shared or pushed anything.
    if (!/couldn't find remote ref|not our ref/i.test(fetched.stderr))
      warn(
        svc,
        `could not fetch ${branch} from ${remote} to look for reviewer commits: ${redact(fetched.stderr, auth.token).split('\n')[0]}`,
      );
    return;
  }
  const head = (await git(cwd, ['rev-parse', 'HEAD'])).stdout.trim();
  const theirs = (await git(cwd, ['rev-parse', REVIEWED])).stdout.trim();
  const ahead = async (a: string, b: string): Promise<boolean> =>
    (await git(cwd, ['merge-base', '--is-ancestor', a, b], { allowFail: true })).code === 0;
  if (theirs === head || (await ahead(theirs, head))) return;
  if (!(await ahead(head, theirs))) {
    warn(svc, `${branch} on ${remote} has diverged from the run (force-pushed?); reviewer commits there are not used`);
    return;
  }
  const count = Number((await git(cwd, ['rev-list', '--count', `${head}..${theirs}`])).stdout.trim());
  await git(cwd, ['merge', '--ff-only', '--quiet', theirs]);
  const step = svc.state.waiting?.step ?? '';
  svc.ledger.emit('approval.commits', { step, from: head, to: theirs, commits: count });
  svc.trace.line(
    step || branch,
    'review',
    `${count} reviewer commit${count === 1 ? '' : 's'} from ${remote}/${branch}`,
  );
}

function warn(svc: Services, message: string): void {
  svc.trace.warn(message);
  svc.ledger.emit('warning', { step: svc.state.waiting?.step ?? '', message });
}

function redact(text: string, token: string | undefined): string {
  return token ? text.split(token).join('***') : text;
}
