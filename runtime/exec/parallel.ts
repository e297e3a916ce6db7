// Executor: parallel branches (language.md §6.3, §6.4, §9.5). A pass of a fan-out (fan.ts) runs the
// pending branches concurrently in worktrees of their own, joins them and merges in declaration
// order; a conflict is typed (`merge_conflict`) and never retried. The same join and pass loop serve
// the in-process run and the one-job-per-branch units (parallel-units.ts).

import { join } from 'node:path';
import { addBranchWorktree, applyBranches, headCommit, leftoverHead, removeWorktree } from '../git/worktree.js';
import type { Executor } from './executor.js';
import { branchFrame, type Fan } from './fan.js';
import type { Frame } from './frame.js';
import { fatal, PASS, type Outcome } from './services.js';

/** One pass's result. A merge conflict (kind `merge_conflict`) is never retried (§6.3): `retryable` false. */
export interface PassResult {
  outcome: Outcome;
  retryable: boolean;
}

/**
 * Passes until the branches joined and merged, a pass failed with no pass left, or a conflict.
 * `first` is a pass already run (the branches ran as jobs of their own and were joined).
 */
export async function runPasses(ex: Executor, frame: Frame, fan: Fan, first?: PassResult): Promise<Outcome> {
  const svc = ex.svc;
  let r = first;
  while (r === undefined || (r.outcome.status === 'fatal' && r.retryable && fan.split.pass < fan.passes)) {
    if (r !== undefined && fan.isSplit)
      svc.trace.line(fan.path, 'retry', `task pass ${fan.split.pass + 1} of ${fan.passes}`);
    fan.split.pass++;
    svc.save();
    r = await fanPass(ex, frame, fan);
    if (r.outcome.status === 'waiting' || r.outcome.status === 'aborted') break;
  }
  return r.outcome;
}

/** One pass in-process: the branches not passed (or without a recorded head) run, then the join. */
async function fanPass(ex: Executor, frame: Frame, fan: Fan): Promise<PassResult> {
  fan.split.base ??= await headCommit(frame.cwd);
  // A passed branch without a recorded head (the runtime was killed before saving it) runs again:
  // its steps are skipped and its head is read back from the worktree it left behind.
  const pending = fan.names.filter((n) => !fan.passed(n) || fan.split.branchHeads[n] === undefined);
  const outcomes = await fanOut(ex, frame, fan, pending);
  return joinPass(ex, frame, fan, (n) => outcomes.get(n));
}

/**
 * The join (§6.3): the first failure in declaration order is the pass's failure; else the merge.
 * `outcomeOf` is undefined for a branch that did not run in this pass (it passed before).
 */
export async function joinPass(
  ex: Executor,
  frame: Frame,
  fan: Fan,
  outcomeOf: (name: string) => Outcome | undefined,
): Promise<PassResult> {
  const failed = fan.names.map(outcomeOf).find((o) => o && o.status !== 'pass');
  if (failed) return { outcome: failed, retryable: true };
  return mergeFan(ex, frame, fan);
}

/**
 * Runs branches concurrently, each in a worktree of its own created from the branch's last head (a
 * re-run branch continues from it) or the shared base. Records every branch head before its
 * worktree, the only other copy, goes away. A leftover worktree (a killed run) gives its head back.
 */
async function fanOut(ex: Executor, frame: Frame, fan: Fan, names: string[]): Promise<Map<string, Outcome>> {
  const svc = ex.svc;
  const split = fan.split;
  const serial = serialiser();
  const results = await Promise.all(
    names.map(async (name) => {
      const dir = join(svc.runDir, 'branches', fan.path.replace(/\//g, '__'), name);
      await serial(async () =>
        addBranchWorktree(frame.cwd, dir, (await leftoverHead(dir)) ?? split.branchHeads[name] ?? split.base!),
      );
      const outcome = await fan.run(name, branchFrame(frame, fan, name, dir, names.length));
      split.branchHeads[name] = await headCommit(dir);
      svc.save();
      await serial(() => removeWorktree(frame.cwd, dir));
      svc.save();
      return [name, outcome] as const;
    }),
  );
  return new Map(results);
}

/**
 * Runs the branches' `git worktree add`/`remove` one at a time: concurrent calls race on the shared
 * `.git/worktrees/` admin files ("failed to read …/commondir"). One per fan-out, no global state.
 */
function serialiser(): <T>(op: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(op: () => Promise<T>): Promise<T> => {
    const run = tail.then(op, op);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** Applies every branch onto the base in order, committed once; a conflict merges nothing. */
async function mergeFan(ex: Executor, frame: Frame, fan: Fan): Promise<PassResult> {
  const svc = ex.svc;
  // No branch job recorded a base when the plan had no task: the merge job's worktree is the base.
  fan.split.base ??= await headCommit(frame.cwd);
  const base = fan.split.base;
  const heads = fan.names.map((name) => ({ name, head: fan.split.branchHeads[name] ?? base }));
  const merged = await applyBranches(
    frame.cwd,
    base,
    heads,
    `[gump] merge:${fan.path} branches:${fan.names.join(',')}`,
  );
  if (!merged.ok) {
    const list = merged.conflicts.map((c) => `${c.file} (${c.branches.join(', ')})`).join('; ');
    svc.ledger.emit('merge.finished', { step: fan.path, status: 'conflict', conflicts: merged.conflicts });
    return { outcome: fatal(`parallel merge conflict in ${fan.path}: ${list}`, 'merge_conflict'), retryable: false };
  }
  fan.split.merged = true;
  svc.ledger.emit('merge.finished', { step: fan.path, status: 'pass', commit: merged.commit });
  svc.trace.line(fan.path, 'merge', `${heads.length} branch${heads.length === 1 ? '' : 'es'} merged`);
  return { outcome: PASS, retryable: true };
}
