// State between CI jobs (design.md "state between jobs"): the run branch travels as git bundles,
// whole, as `base..ref` for a receiver that has the base (a fresh, possibly shallow, checkout of the
// pipeline commit), or as what one job added since the heads it restored. unbundleAll stores the
// objects of many, in one process.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { git, GitError, gitScript, shellGit, shellQuote } from './git.js';

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
 * Stores the objects of each bundle in `files`, in order, in one `sh` (`git bundle unbundle`: the
 * prerequisites are checked, no ref is written), so a bundle may build on one before it. Returns
 * the files that could not be stored (a prerequisite still missing, or not a bundle) with git's
 * message; the caller tries those again once the others are in.
 */
export async function unbundleAll(repo: string, files: readonly string[]): Promise<Map<string, string>> {
  const lines = files.map(
    (f, i) =>
      `err=$(${shellGit()} bundle unbundle ${shellQuote(resolve(repo, f))} 2>&1 >/dev/null) || printf '%s\\0%s\\0' ${i} "$err"`,
  );
  const r = await gitScript(repo, `${lines.join('\n')}\n`);
  const failed = new Map<string, string>();
  const fields = r.stdout.split('\0');
  for (let k = 0; k + 1 < fields.length; k += 2) failed.set(files[Number(fields[k])]!, fields[k + 1]!.trim());
  return failed;
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
