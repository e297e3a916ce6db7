// Job boundaries (design.md "state between jobs", docs/runtime.md): what one job hands the next —
// boundary.json (name, parents, seq, unit, head, status), run.bundle (only the commits this job
// added) and run/ (the run directory without transient and credential files). Restoring stores
// the objects of every collected bundle, parents first, in one process, and checks out the tip, or
// joins the branch tips of a fan-out.

import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { GroupStep } from '../../protocol/plan.js';
import { BOUNDARY } from '../../protocol/runtime-cli.js';
import { CREDENTIAL_FILES } from '../agents/adapter-kit.js';
import { missingCommits, saveBundleSince, unbundleAll } from '../git/bundle.js';
import { git, GitError } from '../git/git.js';
import { headCommit, resetTo } from '../git/worktree.js';
import { loadState, type RunState } from '../state/run-state.js';
import {
  BoundaryError,
  collectBoundaries,
  fanTips,
  lineage,
  tipsOf,
  type BoundaryMeta,
  type CollectedBoundary,
} from './boundary-dag.js';
import { joinBranchRuns } from './join-runs.js';
import { runPaths } from './layout.js';
import { loadPlan } from './plan-file.js';

/** Transient run-directory entries. */
const TRANSIENT = new Set(['branches', 'tmp']);

/** What a job restored: every collected boundary, and the tips it continues from (none: a new run). */
export interface Restored {
  all: BoundaryMeta[];
  tips: BoundaryMeta[];
}

export const NOTHING_RESTORED: Restored = { all: [], tips: [] };

/**
 * Restores the run from the boundaries under `root` into `worktree` (a checkout of the pipeline
 * commit or of the run branch): one tip → its head and run directory; several → the branches of
 * one fan-out, state-wise joined, the worktree at their common head or else the fan-out base.
 */
export async function restoreBoundaries(worktree: string, root: string): Promise<Restored> {
  const all = collectBoundaries(root);
  if (all.length === 0) return NOTHING_RESTORED;
  await fetchBundles(worktree, all);
  const tips = tipsOf(all);
  const runDir = runPaths(worktree).dir;
  if (tips.length === 1) {
    const tip = tips[0]!;
    await checkoutRun(worktree, tip.meta.branch, tip.meta.head);
    replaceRunDir(runDir, join(tip.dir, BOUNDARY.runDir));
  } else {
    const fan = fanTips(tips);
    const first = join(fan.branches[0]!.tip.dir, BOUNDARY.runDir);
    const plan = loadPlan(join(first, 'plan.json'));
    const step = plan.workflows[plan.root]!.steps[fan.index]!;
    const names =
      step.kind === 'group'
        ? (step as GroupStep).steps.map((c) => c.name)
        : (loadState(join(first, 'state.json')).splits[step.path]?.tasks ?? []).map((t) => t.name);
    replaceRunDir(runDir, first);
    const joined = joinBranchRuns(
      runDir,
      step.path,
      fan.branches.map((b) => ({ name: names[b.branch] ?? `#${b.branch}`, dir: join(b.tip.dir, BOUNDARY.runDir) })),
    );
    const heads = [...new Set(tips.map((t) => t.meta.head))];
    await checkoutRun(
      worktree,
      joined.branch,
      heads.length === 1 ? heads[0]! : (joined.splits[step.path]?.base ?? heads[0]!),
    );
  }
  return { all: all.map((b) => b.meta), tips: tips.map((t) => t.meta) };
}

export interface SaveBoundary {
  name: string;
  /** The unit the job ran (`unitKey`), '' for none. */
  unit: string;
  restored: Restored;
  state: RunState;
}

/** Saves the job's boundary to `dir`: the commits since its parents' heads, the run directory, the metadata. */
export async function saveBoundary(worktree: string, dir: string, o: SaveBoundary): Promise<BoundaryMeta> {
  const { parents, seq } = lineage(o.name, o.restored.tips);
  const heads = new Map(o.restored.all.map((b) => [b.name, b.head]));
  // A name saved again after later jobs built on it (a re-run of the whole pipeline) replaces a
  // boundary others still need commits from: the new one carries the whole run branch.
  const replacing = heads.has(o.name) && !o.restored.tips.some((t) => t.name === o.name);
  const known = replacing ? [] : parents.map((p) => heads.get(p)).filter((h): h is string => h !== undefined);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await saveBundleSince(
    worktree,
    join(dir, BOUNDARY.bundle),
    `refs/heads/${o.state.branch}`,
    known.length > 0 ? known : [o.state.base],
  );
  const from = runPaths(worktree).dir;
  cpSync(from, join(dir, BOUNDARY.runDir), {
    recursive: true,
    filter: (src) => {
      const rel = relative(from, src);
      const first = rel.split(/[\\/]/)[0] ?? '';
      const name = rel.split(/[\\/]/).pop() ?? '';
      return !(TRANSIENT.has(first) && rel !== '') && !CREDENTIAL_FILES.has(name);
    },
  });
  const meta: BoundaryMeta = {
    version: 1,
    name: o.name,
    parents,
    seq,
    unit: o.unit,
    head: await headCommit(worktree),
    status: o.state.status,
    runId: o.state.runId,
    branch: o.state.branch,
  };
  writeFileSync(join(dir, BOUNDARY.meta), `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

/**
 * Stores every bundle whose head the repository lacks, parents first, in one process per pass. A
 * bundle whose prerequisites come only from a later one (a re-saved boundary carries what the one
 * it replaced held) is tried again after the others, until nothing more can be stored.
 */
async function fetchBundles(repo: string, all: readonly CollectedBoundary[]): Promise<void> {
  let pending = [...all];
  for (;;) {
    const missing = await missingCommits(
      repo,
      pending.map((b) => b.meta.head),
    );
    pending = pending.filter((b) => missing.has(b.meta.head));
    if (pending.length === 0) return;
    const files = pending.map((b) => {
      const file = join(b.dir, BOUNDARY.bundle);
      if (!existsSync(file)) throw new BoundaryError(`boundary ${b.meta.name} has no ${BOUNDARY.bundle}`);
      return file;
    });
    const failed = await unbundleAll(repo, files);
    if (failed.size === pending.length) {
      const failure = [...failed].map(([file, message]) => `${file}: ${message}`).join('; ');
      throw new GitError(`git bundle unbundle failed: ${failure}`, ['bundle', 'unbundle'], -1, failure);
    }
    pending = pending.filter((_, i) => failed.has(files[i]!));
  }
}

/** The run branch checked out at `head` (created over a detached fresh checkout, reset otherwise). */
async function checkoutRun(worktree: string, branch: string, head: string): Promise<void> {
  const current = (await git(worktree, ['rev-parse', '--abbrev-ref', 'HEAD'])).stdout.trim();
  if (current !== branch) await git(worktree, ['checkout', '--quiet', '-B', branch, head]);
  else await resetTo(worktree, head);
}

function replaceRunDir(to: string, from: string): void {
  for (const entry of existsSync(to) ? readdirSync(to) : [])
    if (!TRANSIENT.has(entry)) rmSync(join(to, entry), { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  if (existsSync(from)) cpSync(from, to, { recursive: true });
}
