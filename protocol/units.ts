// Shared protocol: job units and the static job cut of a plan (design.md "mapping a workflow onto
// CI"). A unit is what one CI job — or one `gump run --isolate-steps` process — runs. The targets
// lay out jobs from `cutPlan`; the runtime runs one unit per job. Imports only the plan types.

import type { Plan, PlanStep } from './plan.js';

export type Unit =
  /** A whole top-level step (atomic, gate-only, call); for a sequential split: the closing unit
   *  that runs any task not yet run, further group-retry passes, and settles the split. */
  | { kind: 'step'; index: number }
  /** A split's planner (the split step's own attempts). */
  | { kind: 'planner'; index: number }
  /** One task of a sequential split, by name (`gump run --isolate-steps`, where names are known). */
  | { kind: 'task'; index: number; task: string }
  /** CI: the `slot`-th task (0-based, plan order) of a sequential split; the `last` slot also runs
   *  every later task, in order. A slot past the end of the plan does nothing. */
  | { kind: 'slot'; index: number; slot: number; last: boolean }
  /** One parallel branch in its own job, from the fan-out base: task #`branch` (plan order) of a
   *  parallel split, or child #`branch` (declaration order) of a parallel group. */
  | { kind: 'branch'; index: number; branch: number }
  /** Joins the branches of a parallel split or group (§6.3): further group-retry passes, the merge
   *  in declaration order, the step's status. */
  | { kind: 'merge'; index: number };

/** How a top-level step is cut into jobs. */
export type CutStep =
  | { kind: 'single'; index: number; step: PlanStep }
  | { kind: 'sequential-split'; index: number; step: PlanStep }
  | { kind: 'parallel-split'; index: number; step: PlanStep }
  | { kind: 'parallel-group'; index: number; step: PlanStep; children: string[] };

/** The static job cut of the plan's root workflow, in step order. */
export function cutPlan(plan: Plan): CutStep[] {
  const steps = plan.workflows[plan.root]?.steps ?? [];
  return steps.map((step, index): CutStep => {
    if (step.kind === 'agent' && step.type === 'split')
      return { kind: step.parallel ? 'parallel-split' : 'sequential-split', index, step };
    if (step.kind === 'group') return { kind: 'parallel-group', index, step, children: step.steps.map((c) => c.name) };
    return { kind: 'single', index, step };
  });
}

/** A unit as one token for command lines and artifact names: `step-0`, `slot-1-3`, `slot-1-19-last`. */
export function unitKey(u: Unit): string {
  switch (u.kind) {
    case 'step':
    case 'planner':
    case 'merge':
      return `${u.kind}-${u.index}`;
    case 'task':
      return `task-${u.index}-${u.task}`;
    case 'slot':
      return `slot-${u.index}-${u.slot}${u.last ? '-last' : ''}`;
    case 'branch':
      return `branch-${u.index}-${u.branch}`;
  }
}

/** Inverse of `unitKey`; also accepts the JSON form `{"kind":…}`. Undefined when malformed. */
export function parseUnit(text: string): Unit | undefined {
  const t = text.trim();
  if (t.startsWith('{')) {
    try {
      const u = JSON.parse(t) as Unit;
      return parseUnit(unitKey(u)) ? u : undefined;
    } catch {
      return undefined;
    }
  }
  const m = /^(step|planner|merge)-(\d+)$|^slot-(\d+)-(\d+)(-last)?$|^branch-(\d+)-(\d+)$|^task-(\d+)-(.+)$/.exec(t);
  if (!m) return undefined;
  if (m[1]) return { kind: m[1] as 'step' | 'planner' | 'merge', index: Number(m[2]) };
  if (m[3]) return { kind: 'slot', index: Number(m[3]), slot: Number(m[4]), last: m[5] !== undefined };
  if (m[6]) return { kind: 'branch', index: Number(m[6]), branch: Number(m[7]) };
  return { kind: 'task', index: Number(m[8]), task: m[9]! };
}
