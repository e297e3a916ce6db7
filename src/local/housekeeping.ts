// `gump runs` and `gump clean`: what each local run is (status, workflow, age, cost), and removing
// finished runs — their worktree, run folder and run branch `gump/run-<id>`, nothing else.

import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadState } from '../../runtime/state/run-state.js';
import { runPaths } from '../../runtime/run/layout.js';
import { git, listRuns, runsDir } from './runs.js';

export interface RunInfo {
  id: string;
  status: string;
  workflow: string;
  startedAt: string;
  cost: number;
  branch: string;
}

export function runInfo(repo: string, id: string): RunInfo {
  const worktree = join(runsDir(repo), id, 'worktree');
  const paths = runPaths(worktree);
  const state = loadState(paths.state);
  let workflow = '?';
  try {
    const plan = JSON.parse(readFileSync(paths.plan, 'utf8')) as {
      root: string;
      workflows: Record<string, { name?: string }>;
    };
    workflow = plan.workflows[plan.root]?.name ?? plan.root;
  } catch {
    // an unreadable plan: the run is listed all the same
  }
  return {
    id,
    status: state.status,
    workflow,
    startedAt: state.startedAt,
    cost: state.spend.cost,
    branch: state.branch,
  };
}

/** Runs oldest first by start time (ids of one second sort in any order), then by id. */
export function allRuns(repo: string): RunInfo[] {
  return listRuns(repo)
    .map((id) => runInfo(repo, id))
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** `42s`, `5m`, `3h`, `2d`: how long ago. */
export function age(startedAt: string, now: number): string {
  const s = Math.max(0, Math.floor((now - Date.parse(startedAt)) / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

export function renderRuns(runs: readonly RunInfo[], now: number): string {
  if (runs.length === 0)
    return 'no gump run in this repository yet: start one with gump run <workflow> --spec <file>\n';
  const rows = [
    ['id', 'status', 'workflow', 'age', 'cost'],
    ...runs.map((r) => [r.id, r.status, r.workflow, age(r.startedAt, now), `$${r.cost.toFixed(2)}`]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return `${rows.map((row) => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n')}\n`;
}

/** True when the run's branch is merged into the user's HEAD (gump apply took it). */
export function applied(repo: string, branch: string): boolean {
  try {
    git(repo, ['merge-base', '--is-ancestor', branch, 'HEAD']);
    return true;
  } catch {
    return false;
  }
}

/** Removes one run: its worktree (and any branch worktrees under its folder), its folder, its run branch. */
export function removeRun(repo: string, run: RunInfo): void {
  const folder = join(runsDir(repo), run.id);
  const worktree = join(folder, 'worktree');
  if (existsSync(worktree)) {
    try {
      git(repo, ['worktree', 'remove', '--force', '--force', worktree]);
    } catch {
      // removed below; prune forgets it
    }
  }
  rmSync(folder, { recursive: true, force: true });
  git(repo, ['worktree', 'prune']);
  // Only the run's own branch, and never the one checked out in the user's tree.
  const current = git(repo, ['rev-parse', '--abbrev-ref', 'HEAD']);
  if (run.branch === `gump/run-${run.id}` && current !== run.branch) {
    try {
      git(repo, ['rev-parse', '--verify', '--quiet', `refs/heads/${run.branch}`]);
    } catch {
      return;
    }
    git(repo, ['branch', '-D', run.branch]);
  }
}
