// Executor: what a fan-out is (language.md §6.3, §6.4) — the branches of a parallel split (its
// tasks) or of a parallel group (its children), how one branch runs and when it passed, and the
// frame a branch runs in. The passes, the join and the merge are parallel.ts.

import type { AgentStep, GroupStep } from '../../protocol/plan.js';
import type { SplitRecord } from '../state/run-state.js';
import { branchScopes } from './budget.js';
import type { Executor } from './executor.js';
import { fullPath, type Frame } from './frame.js';
import type { Outcome } from './services.js';

export interface Fan {
  /** State path of the split or group. */
  path: string;
  split: SplitRecord;
  /** Branch names, in plan (split) or declaration (group) order. */
  names: string[];
  /** Group-retry passes (§9.5). */
  passes: number;
  /** A split's task phase traces each further pass. */
  isSplit: boolean;
  /** Runs branch `name` in its frame (worktree, base, budget shares and label already set). */
  run(name: string, frame: Frame): Promise<Outcome>;
  /** Every step of the branch passed. */
  passed(name: string): boolean;
}

/** The tasks of a planned parallel split. */
export function splitFan(ex: Executor, frame: Frame, step: AgentStep): Fan {
  const svc = ex.svc;
  const path = fullPath(frame, step.path);
  const split = svc.state.splits[path]!;
  const each = step.each ?? [];
  const taskOf = (name: string) => split.tasks.find((t) => t.name === name)!;
  return {
    path,
    split,
    names: split.tasks.map((t) => t.name),
    passes: step.retry.exit,
    isSplit: true,
    run: async (name, branchFrame) => {
      const task = taskOf(name);
      svc.ledger.emit('task.started', { step: path, task: name, parallel: true });
      const outcome = await ex.runSteps({ ...branchFrame, task }, each);
      svc.ledger.emit('task.finished', { step: path, task: name, status: outcome.status });
      return outcome;
    },
    passed: (name) =>
      each.every((s) => svc.state.steps[fullPath({ ...frame, task: taskOf(name) }, s.path)]?.status === 'pass'),
  };
}

/** The children of a parallel group (its split record holds the base, pass and branch heads). */
export function groupFan(ex: Executor, frame: Frame, step: GroupStep): Fan {
  const svc = ex.svc;
  const path = fullPath(frame, step.path);
  const split = (svc.state.splits[path] ??= { tasks: [], pass: 0, branchHeads: {} });
  const childOf = (name: string) => step.steps.find((c) => c.name === name)!;
  return {
    path,
    split,
    names: step.steps.map((c) => c.name),
    passes: step.passes,
    isSplit: false,
    run: (name, branchFrame) => ex.runStep(branchFrame, childOf(name)),
    passed: (name) => svc.state.steps[fullPath(frame, childOf(name).path)]?.status === 'pass',
  };
}

/** The frame of one branch: from the fan-out base, with a fixed 1/n share of the budgets (§17.1). */
export function branchFrame(frame: Frame, fan: Fan, name: string, cwd: string, n: number): Frame {
  return {
    ...frame,
    cwd,
    diffBase: fan.split.base!,
    budgets: [...frame.budgets, ...branchScopes(frame.budgets, n, name)],
    branch: name,
  };
}
