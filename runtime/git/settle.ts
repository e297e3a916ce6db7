// A fresh checkout's index, made trustworthy once (bench/RESULTS.md, "racily clean"). git records
// each file's stat in the index and trusts it later only when the file's mtime is older, in whole
// seconds, than the index file itself; a checkout writes the files and the index within the same
// second, so every entry stays "racily clean" and each later `git add -A` re-reads every file until
// an index write happens in a later second. With fast attempts that is several snapshots in a row
// re-reading the whole tree (50–100 ms each at 10,000 files). Settling dates the checked-out files
// one second back (touch -h, the links themselves) and refreshes the index once: git re-reads them a
// single time, records the new dates, and no entry is racy afterwards. Nothing but the runtime has
// touched the worktree yet, so no change can hide behind the older dates; a change made later gets
// a newer mtime than the recorded one. Best effort: if any of it fails, git's own checks still hold.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitScript, shellGit, shellQuote } from './git.js';
import { indexConfig } from './snapshot.js';

/** Settles the index of a checkout just made at `cwd`, when it is large enough for it to matter. */
export async function settleCheckout(cwd: string): Promise<void> {
  // The large-index configuration is what the snapshots will use; none: a small index, left as is.
  const config = indexConfig(cwd);
  if (config.length === 0) return;
  const dir = mkdtempSync(join(tmpdir(), 'gump-settle-'));
  try {
    const reference = join(dir, 'date');
    writeFileSync(reference, '');
    const second = Math.floor(Date.now() / 1000) - 1;
    utimesSync(reference, second, second);
    const g = shellGit(config);
    // touch -r (POSIX) copies the reference's dates; -c never creates, -h dates a link, not its target.
    await gitScript(
      cwd,
      `${g} ls-files -z | xargs -0 touch -h -c -r ${shellQuote(reference)} -- && ${g} update-index -q --refresh\n`,
    );
  } catch {
    // An optimisation only: racily clean entries are still re-read by git, as before.
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
