// actions/checkout emulation: fetches the stand-in repository over a file:// URL into the
// workspace (or `path`) at `ref` or the dispatched SHA; `fetch-depth` 1 (default) is shallow, 0
// fetches every branch and tag. origin stays the stand-in repository, so `git push origin` lands
// there. A branch ref is checked out as that local branch, like the action does.

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { input, type ActionCall } from '../emulated-actions.js';

export async function checkout(call: ActionCall): Promise<Record<string, string>> {
  const { job } = call;
  const dir = resolve(job.workspace, input(call, 'path', '.'));
  const depth = Number(input(call, 'fetch-depth', '1'));
  if (!Number.isInteger(depth) || depth < 0)
    throw new Error(`actions/checkout: invalid fetch-depth '${input(call, 'fetch-depth')}'`);
  input(call, 'persist-credentials', 'true'); // accepted; the file:// remote needs no credentials
  const ref = input(call, 'ref');
  const repository = input(call, 'repository', job.run.repository);
  if (repository !== job.run.repository)
    throw new Error(
      `actions/checkout: only the stand-in repository ${job.run.repository} can be checked out, not '${repository}'`,
    );
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      env: { ...call.env, GIT_TERMINAL_PROMPT: '0' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();

  mkdirSync(dir, { recursive: true });
  git('init', '-q');
  git('remote', 'add', 'origin', `file://${resolve(job.run.repoDir)}`);
  const shallow = depth > 0 ? [`--depth=${depth}`] : [];
  const target = resolveRef(job.run.repoDir, ref === '' ? job.run.ref : ref, ref === '' ? job.run.sha : undefined);
  let refspecs: string[];
  if (depth === 0) refspecs = ['+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*'];
  else if (target.branch !== undefined) refspecs = [`+${target.sha}:refs/remotes/origin/${target.branch}`];
  else if (target.tag !== undefined) refspecs = [`+refs/tags/${target.tag}:refs/tags/${target.tag}`];
  else refspecs = [target.sha];
  git('-c', 'protocol.version=2', 'fetch', '-q', '--no-tags', ...shallow, 'origin', ...refspecs);
  if (target.branch !== undefined) git('checkout', '-q', '--force', '-B', target.branch, target.sha);
  else git('checkout', '-q', '--force', '--detach', target.sha);
  const head = git('rev-parse', 'HEAD');
  job.log.info(
    `checkout (emulated): ${target.branch ?? target.tag ?? target.sha} at ${head} into ${dir}${depth > 0 ? ` (depth ${depth})` : ' (full history)'}`,
  );
  return { ref: target.branch ?? target.tag ?? '', commit: head };
}

interface Target {
  sha: string;
  branch?: string;
  tag?: string;
}

/** A branch, tag or commit of the stand-in repository; the dispatch's ref pairs with its SHA. */
function resolveRef(repoDir: string, ref: string, dispatchedSha: string | undefined): Target {
  const revParse = (r: string) => {
    try {
      return execFileSync('git', ['--git-dir', gitDir(repoDir), 'rev-parse', '--verify', '-q', `${r}^{commit}`], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      return undefined;
    }
  };
  const short = ref.replace(/^refs\/(heads|tags)\//, '');
  if (!ref.startsWith('refs/tags/')) {
    const sha = revParse(`refs/heads/${short}`);
    if (sha !== undefined) return { sha: dispatchedSha ?? sha, branch: short };
  }
  if (!ref.startsWith('refs/heads/')) {
    const sha = revParse(`refs/tags/${short}`);
    if (sha !== undefined) return { sha, tag: short };
  }
  const sha = revParse(ref);
  if (sha !== undefined) return { sha };
  throw new Error(`actions/checkout: A branch or tag with the name '${ref}' could not be found`);
}

export function gitDir(repoDir: string): string {
  return execFileSync('git', ['rev-parse', '--absolute-git-dir'], { cwd: repoDir, encoding: 'utf8' }).trim();
}
