// State between CI jobs (design.md "state between jobs"): the run branch travels as git bundles,
// whole, as `base..ref` for a receiver that has the base (a fresh, possibly shallow, checkout of the
// pipeline commit), or as what one job added since the heads it restored. restoreBundle fetches one.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { git, GitError } from './git.js';

/**
 * Writes `file`: the history of `ref` (a branch name, full ref name or HEAD; not a bare sha), or
 * only `base..ref` when `base` is given. When `ref` is still at `base` git refuses an empty bundle,
 * so a valid bundle with no objects is written by hand (prerequisite = ref = base).
 */
export async function saveBundle(cwd: string, file: string, ref: string, base?: string): Promise<void> {
  const target = resolve(cwd, file);
  if (base !== undefined) {
    const args = ['rev-parse', `${base}^{commit}`, `${ref}^{commit}`, '--symbolic-full-name', ref, '--'];
    const [baseSha, sha, name] = (await git(cwd, args)).stdout.split('\n');
    if (name === undefined || name === '' || name === '--') {
      throw new GitError(`cannot bundle ${ref}: not a branch or ref name`, args, -1, '');
    }
    if (sha === baseSha) return writeFile(target, emptyBundle(sha as string, name));
    await git(cwd, ['bundle', 'create', '--quiet', target, `${base}..${ref}`]);
    return;
  }
  await git(cwd, ['bundle', 'create', '--quiet', target, ref]);
}

/**
 * Writes `file`: the commits of `ref` (a branch name) not reachable from any of `since` — what one
 * job added on top of the boundaries it restored. When there are none, a valid bundle with no
 * objects is written by hand (prerequisite = ref's commit, present wherever `since` is).
 */
export async function saveBundleSince(cwd: string, file: string, ref: string, since: readonly string[]): Promise<void> {
  const target = resolve(cwd, file);
  const args = ['rev-parse', `${ref}^{commit}`, '--symbolic-full-name', ref, '--'];
  const [sha, name] = (await git(cwd, args)).stdout.split('\n');
  if (name === undefined || name === '' || name === '--')
    throw new GitError(`cannot bundle ${ref}: not a branch or ref name`, args, -1, '');
  const excluded = since.map((s) => `^${s}`);
  const count = (await git(cwd, ['rev-list', '--count', ref, ...excluded, '--'])).stdout.trim();
  if (count === '0') return writeFile(target, emptyBundle(sha as string, name));
  await git(cwd, ['bundle', 'create', '--quiet', target, ref, ...excluded]);
}

/** The commits among `shas` that `repo` lacks (a bundle whose head is present need not be fetched). */
export async function missingCommits(repo: string, shas: readonly string[]): Promise<Set<string>> {
  if (shas.length === 0) return new Set();
  const out = (await git(repo, ['cat-file', '--batch-check'], { input: `${shas.join('\n')}\n` })).stdout
    .trim()
    .split('\n');
  return new Set(out.filter((l) => l.endsWith(' missing')).map((l) => l.split(' ')[0]!));
}

/**
 * Fetches the single head of bundle `file` into `refs/heads/<branch>` (forced) and returns its sha.
 * The branch must not be checked out in `repo`. Works in any clone that has the bundle's base.
 */
export async function restoreBundle(repo: string, file: string, branch: string): Promise<string> {
  const source = resolve(repo, file);
  const heads = (await git(repo, ['bundle', 'list-heads', source])).stdout.trim().split('\n').filter(Boolean);
  const first = heads[0]?.split(' ');
  if (heads.length !== 1 || first === undefined || first.length < 2) {
    const args = ['bundle', 'list-heads', source];
    throw new GitError(`bundle ${source} must hold exactly one ref, found ${heads.length}`, args, -1, '');
  }
  const [sha, name] = first as [string, string];
  await git(repo, ['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', source, `+${name}:refs/heads/${branch}`]);
  return sha;
}

/** A v2 (sha1) or v3 (sha256) bundle whose prerequisite and only ref are `sha`, with an empty pack. */
function emptyBundle(sha: string, refName: string): Buffer {
  const sha256 = sha.length === 64;
  const header = sha256 ? '# v3 git bundle\n@object-format=sha256\n' : '# v2 git bundle\n';
  const text = `${header}-${sha} gump base\n${sha} ${refName}\n\n`;
  const pack = Buffer.from([0x50, 0x41, 0x43, 0x4b, 0, 0, 0, 2, 0, 0, 0, 0]); // "PACK", v2, 0 objects
  const trailer = createHash(sha256 ? 'sha256' : 'sha1')
    .update(pack)
    .digest();
  return Buffer.concat([Buffer.from(text), pack, trailer]);
}
