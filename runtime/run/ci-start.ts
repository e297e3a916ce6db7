// The first job of a CI pipeline (design.md "what users do"): in a fresh checkout of the pipeline
// commit (possibly shallow, detached), create and check out `gump/run-<id>` at HEAD and initialise
// the run as `gump run` does — the plan from the repository, the spec file and inputs from the env.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV } from '../../protocol/runtime-cli.js';
import { git } from '../git/git.js';
import { headCommit } from '../git/worktree.js';
import { initRun } from './init.js';
import { loadPlan } from './plan-file.js';
import { newRunId } from './run-id.js';

/** A problem the pipeline's configuration must fix (missing spec, bad inputs): exit 2, one line. */
export class CiSetupError extends Error {}

export interface CiStart {
  worktree: string;
  /** Repository-relative path of the compiled plan. */
  planPath: string;
  env: Record<string, string | undefined>;
}

export async function startCiRun(o: CiStart): Promise<string> {
  const specPath = o.env[ENV.spec] ?? '';
  if (specPath.trim() === '')
    throw new CiSetupError(`${ENV.spec} is not set: give the repository-relative path of the spec file`);
  let specText: string;
  try {
    specText = readFileSync(join(o.worktree, specPath), 'utf8');
  } catch {
    throw new CiSetupError(`cannot read the spec file ${specPath} (${ENV.spec}) in the checkout`);
  }
  const planFile = join(o.worktree, o.planPath);
  let planText: string;
  try {
    planText = readFileSync(planFile, 'utf8');
  } catch {
    throw new CiSetupError(`cannot read the plan ${o.planPath}: run gump compile and commit the result`);
  }
  const plan = loadPlan(planFile);
  const runId = o.env[ENV.runId]?.trim() || newRunId();
  const branch = `gump/run-${runId}`;
  const base = await headCommit(o.worktree);
  await git(o.worktree, ['checkout', '--quiet', '-B', branch, base]);
  const inputs = pickInputs(o.env[ENV.inputs], plan.workflows[plan.root]?.inputs ?? []);
  const stub = ['1', 'true'].includes(o.env[ENV.stub] ?? '');
  initRun({
    worktree: o.worktree,
    plan,
    planText,
    planPath: o.planPath,
    runId,
    base,
    branch,
    spec: { path: specPath, text: specText },
    inputs,
    stub,
  });
  return runId;
}

/** The root workflow's inputs out of all pipeline inputs (a JSON object), as strings. */
export function pickInputs(json: string | undefined, names: readonly string[]): Record<string, string> {
  if (json === undefined || json.trim() === '') return {};
  let all: unknown;
  try {
    all = JSON.parse(json);
  } catch {
    throw new CiSetupError(`${ENV.inputs} is not a JSON object`);
  }
  if (all === null || typeof all !== 'object' || Array.isArray(all))
    throw new CiSetupError(`${ENV.inputs} is not a JSON object`);
  const out: Record<string, string> = {};
  for (const name of names) {
    if (name === 'spec' || !(name in all)) continue;
    const v = (all as Record<string, unknown>)[name];
    if (v === null || v === undefined) continue;
    out[name] =
      typeof v === 'string' ? v : typeof v === 'boolean' || typeof v === 'number' ? String(v) : JSON.stringify(v);
  }
  return out;
}
