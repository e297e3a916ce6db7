// Starting a run (language.md §1): the run branch exists and is checked out in `worktree`; this
// writes the plan, the initial state (spec text, inputs, base) and the first ledger event.

import { mkdirSync, writeFileSync } from 'node:fs';
import type { Plan } from '../../protocol/plan.js';
import { Ledger } from '../state/ledger.js';
import { newRunState, saveState, type RunState } from '../state/run-state.js';
import { runPaths } from './layout.js';

export interface InitRun {
  worktree: string;
  plan: Plan;
  planText: string;
  planPath: string;
  runId: string;
  base: string;
  branch: string;
  spec: { path: string; text: string };
  inputs: Record<string, string>;
  stub?: boolean;
  now?: () => Date;
}

export function initRun(o: InitRun): RunState {
  const paths = runPaths(o.worktree);
  mkdirSync(paths.dir, { recursive: true });
  writeFileSync(paths.plan, o.planText);
  const state = newRunState({
    runId: o.runId,
    plan: { path: o.planPath, sha256: o.plan.source.sha256 },
    base: o.base,
    branch: o.branch,
    spec: o.spec,
    inputs: { ...o.inputs, spec: o.spec.path },
    startedAt: (o.now ?? (() => new Date()))().toISOString(),
  });
  if (o.stub) state.stub = true;
  saveState(paths.state, state);
  new Ledger(paths.ledger).emit('run.started', {
    runId: o.runId,
    branch: o.branch,
    base: o.base,
    workflow: o.plan.workflows[o.plan.root]?.name ?? '',
    spec: o.spec.path,
  });
  return state;
}
