// The plan/source consistency check (design.md: the runtime refuses a plan whose recorded source
// hash does not match the workflow file at the same commit, and says which command to run).
// Input: the run worktree, its plan and state → undefined, or the one-line reason to refuse.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Plan } from '../../protocol/plan.js';
import type { RunState } from '../state/run-state.js';

/**
 * Checked before the run's first step only: later the worktree is the run branch, where agents may
 * edit anything. Built-in workflows (`builtin:…`) and sources outside the worktree are not checked.
 */
export function planSourceProblem(worktree: string, plan: Plan, state: RunState): string | undefined {
  if (state.plan.sha256 !== plan.source.sha256) {
    return `the plan in .gump/run/plan.json is not the one run ${state.runId} started with (source hash ${short(plan.source.sha256)}, expected ${short(state.plan.sha256)}); start a new run`;
  }
  if (Object.keys(state.steps).length > 0) return undefined;
  const path = plan.source.path;
  if (path === '' || path.startsWith('builtin:') || isAbsolute(path) || path.split('/').includes('..'))
    return undefined;
  const file = join(worktree, path);
  if (!existsSync(file)) return undefined;
  const actual = createHash('sha256').update(readFileSync(file, 'utf8')).digest('hex');
  if (actual === plan.source.sha256) return undefined;
  return `the plan was compiled from another version of ${path} (source hash ${short(plan.source.sha256)}, the file at this commit has ${short(actual)}); run gump compile and commit the result`;
}

function short(hash: string): string {
  return hash.slice(0, 12);
}
