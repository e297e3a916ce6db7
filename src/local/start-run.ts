// `gump run`: compile the workflow to a plan, create the run branch `gump/run-<id>` in its own
// worktree (the user's branch and working tree untouched), and initialise the run state.

import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Plan } from '../../protocol/plan.js';
import { createRunBranch } from '../../runtime/git/worktree.js';
import { initRun } from '../../runtime/run/init.js';
import { headCommit, LocalRunError, newRunId, runWorktree } from './runs.js';
import { stageStubScript } from './stub-copy.js';

export interface StartRun {
  repo: string;
  plan: Plan;
  planText: string;
  planPath: string;
  specFile: string;
  inputs: Record<string, string>;
  stub: boolean;
  /** The stub script's text (stub-copy.ts), kept as the run's own copy; without it the run reads the worktree's. */
  stubText?: string;
}

export async function startRun(o: StartRun): Promise<{ id: string; worktree: string; branch: string }> {
  let specText: string;
  try {
    specText = readFileSync(o.specFile, 'utf8');
  } catch {
    throw new LocalRunError(`cannot read the spec file ${o.specFile}`);
  }
  const specPath = relative(o.repo, resolve(o.specFile)).split(sep).join('/');
  const base = headCommit(o.repo);
  const id = newRunId();
  const branch = `gump/run-${id}`;
  const worktree = runWorktree(o.repo, id);
  await createRunBranch(o.repo, { branch, base, dir: worktree });
  initRun({
    worktree,
    plan: o.plan,
    planText: o.planText,
    planPath: o.planPath,
    runId: id,
    base,
    branch,
    spec: { path: specPath, text: specText },
    inputs: o.inputs,
    stub: o.stub,
  });
  if (o.stubText !== undefined) stageStubScript(worktree, o.stubText);
  return { id, worktree, branch };
}
