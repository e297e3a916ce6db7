// Executor: a frame is one running workflow instance (the root, a callee, a validator, a GET
// workflow) with its state prefix, inputs, current task and worktree. Templates render here.

import type { PlanWorkflow, StateRef } from '../../protocol/plan.js';
import { referencedStateKey } from '../../protocol/state-keys.js';
import type { RenderScope } from '../render.js';
import type { RunState, Spend } from '../state/run-state.js';
import type { CostSource } from '../agents/types.js';

export interface Task {
  name: string;
  description: string;
  files: string[];
}

export interface BudgetScope {
  label: string;
  maxBudget?: number;
  maxTokens?: number;
  /**
   * What this scope has spent. One object per scope instance, shared by every frame running in
   * it; `recordSpend` adds each attempt's spend to every enclosing scope, so concurrent parallel
   * branches never count each other's spend (against their shares, or in a call's cost).
   */
  spent: Spend;
  /** Where the spend's figures came from (a call's `cost_source`, §15.2); empty before any attempt. */
  sources?: Set<CostSource>;
  /** Deadline in ms since epoch on the clock that excludes approval waits (`now − waitedMs`). */
  deadline?: number;
}

export interface Frame {
  wf: PlanWorkflow;
  /** State path prefix of this workflow instance (`decompose/t1/converge/gate/review`), '' at the root. */
  prefix: string;
  /** Input values bound for this frame (the root: pipeline inputs). */
  inputs: Record<string, string>;
  /** Reserved names explicitly bound by the caller shadow their meaning (§7.2). */
  spec: string;
  /** `{diff}` of the caller for a validator-shaped callee that does not bind it (§7.1). */
  callerDiff?: string;
  task?: Task;
  /** The split whose task is running: `*` in state paths stands for this task. */
  cwd: string;
  /** Base for gate-only diffs (§8.3): the run base, or the branch base in a parallel branch. */
  diffBase: string;
  budgets: BudgetScope[];
  /** Parallel branch label, for blast radius and trace. */
  branch?: string;
  /**
   * A validator's frame (§7.2): a negative verdict is its answer, not a failure of the run — the
   * trace says `verdict no`, and a step that ends without a verdict says so instead of `fatal`.
   */
  validator?: true;
}

/** Full state path of a step of this frame, `*` replaced by the current task. */
export function fullPath(frame: Frame, path: string): string {
  const p = frame.task
    ? path
        .split('/')
        .map((s) => (s === '*' ? frame.task!.name : s))
        .join('/')
    : path;
  return frame.prefix === '' ? p : `${frame.prefix}/${p}`;
}

export function stateKeyOf(frame: Frame, key: StateRef): string {
  return referencedStateKey(fullPath(frame, key.path.join('/')), key.field);
}

export interface AttemptView {
  /** Full path of the step. */
  path: string;
  attempt: number;
  error: string;
  /** Previous attempt's diff (prompt and retry contexts) or this attempt's (gate context). */
  diff: string;
}

export function renderScope(state: RunState, frame: Frame, view: AttemptView): RenderScope {
  const prev = state.prev[view.path] ?? {};
  return {
    reserved(name) {
      switch (name) {
        case 'spec':
          return frame.spec;
        case 'attempt':
          return String(view.attempt);
        case 'error':
          return view.error;
        case 'diff':
          return view.diff;
        case 'output':
          return prev.output ?? '';
      }
    },
    input(name) {
      if (name in frame.inputs) return frame.inputs[name]!;
      if (name === 'diff' && frame.callerDiff !== undefined) return frame.callerDiff;
      return '';
    },
    task(field) {
      if (!frame.task) return '';
      return field === 'files' ? frame.task.files.join(', ') : frame.task[field];
    },
    prev(field) {
      return prev[field] ?? '';
    },
    state(key) {
      return state.values[stateKeyOf(frame, key)] ?? '';
    },
  };
}
