// One job leg (the job itself, or one matrix combination) in a fresh workspace, RUNNER_TEMP and
// HOME: workflow and job env, defaults.run, timeout-minutes and job continue-on-error read from the
// raw tokens, every `uses:` resolved before the first step, steps, post steps (cache saves) after a
// success, then the job's outputs evaluated from this leg's steps.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatedAction } from './emulated-actions.js';
import { truthy, type ExpressionScope, type Json } from './expressions.js';
import type { Leg } from './expand-matrix.js';
import { githubContext } from './github-context.js';
import type { JobContext } from './job-context.js';
import { JobLog } from './job-log.js';
import type { JobInput } from './run-job.js';
import type { JobResult } from './run-state.js';
import { runSteps, type StepScope } from './run-steps.js';
import { unsupportedAction } from './run-uses.js';
import { evaluateString, evaluateStringMap, evaluateToken, tokenAt } from './template-values.js';

export interface LegRecord {
  key: string;
  matrix: Leg;
  /** The leg's own conclusion (before job-level continue-on-error). */
  conclusion: JobResult;
  /** Job-level continue-on-error: a failure reads as success to dependents. */
  continueOnError: boolean;
  /** The leg's evaluation of the job's outputs. */
  outputs: Record<string, string>;
  /** Kept from the earlier attempt by a re-run of failed jobs (a leg that had succeeded). */
  kept?: true;
  steps: Record<string, { outcome: string; conclusion: string; outputs: Record<string, string> }>;
  log: string;
  summary: string;
}

export async function runLeg(input: JobInput, key: string, leg: Leg, contexts: Record<string, Json>) {
  const { job, run, raw, workflowRaw } = input;
  const id = job.id.value;
  const root = mkdtempSync(join(tmpdir(), 'gha-job-'));
  const workspace = join(root, 'workspace');
  const runnerTemp = join(root, 'temp');
  const home = join(root, 'home');
  for (const d of [workspace, runnerTemp, home]) mkdirSync(d, { recursive: true });
  const log = new JobLog(run.masks);
  const github = githubContext(run, id, workspace);
  const ctx = {
    ...contexts,
    github,
    runner: {
      os: 'Linux',
      arch: 'X64',
      name: 'gump-gha-executor',
      temp: runnerTemp,
      tool_cache: join(root, 'toolcache'),
    },
  };
  const scopeFor = (env: Record<string, string>): ExpressionScope => ({
    contexts: { ...ctx, env, job: { status: 'success' } },
    workspace,
  });
  const workflowEnv = evaluateStringMap(tokenAt(workflowRaw, 'env'), scopeFor({}));
  const env = { ...workflowEnv, ...evaluateStringMap(job.env, scopeFor(workflowEnv)) };
  const legScope = scopeFor(env);
  const minutes = evaluateToken(tokenAt(raw, 'timeout-minutes'), legScope);
  const continueOnError = truthy(evaluateToken(tokenAt(raw, 'continue-on-error'), legScope));
  const shell = evaluateString(
    tokenAt(raw, 'defaults', 'run', 'shell') ?? tokenAt(workflowRaw, 'defaults', 'run', 'shell'),
    legScope,
  );
  const workingDirectory = evaluateString(
    tokenAt(raw, 'defaults', 'run', 'working-directory') ??
      tokenAt(workflowRaw, 'defaults', 'run', 'working-directory'),
    legScope,
  );
  const jobContext: JobContext = {
    run,
    jobId: id,
    jobKey: key,
    log,
    workspace,
    runnerTemp,
    home,
    contexts: ctx,
    env,
    path: [],
    summary: [],
    defaults: { ...(shell ? { shell } : {}), ...(workingDirectory ? { workingDirectory } : {}) },
    deadline: Date.now() + (typeof minutes === 'number' ? minutes : 360) * 60_000,
    timedOut: false,
    post: [],
  };
  writeFileSync(join(root, 'event.json'), JSON.stringify((github as { event: Json }).event, null, 2));
  const scope: StepScope = { job: jobContext, steps: {}, inputs: run.inputs, inheritedEnv: {}, failed: false };
  const rawSteps = tokenAt(raw, 'steps');
  log.info(`##[job] ${key}`);
  if (job.container !== undefined || job.services !== undefined)
    log.output('::warning::container and services are not emulated: the steps run on this machine');
  const missing = job.steps.flatMap((s) =>
    'uses' in s && !s.uses.value.startsWith('./') && emulatedAction(s.uses.value) === undefined ? [s.uses.value] : [],
  );
  if (missing.length > 0) {
    for (const uses of missing) log.error(unsupportedAction(uses));
    scope.failed = true;
  } else {
    await runSteps(
      job.steps.map((step, i) => ({ step, raw: tokenAt(rawSteps, i) })),
      scope,
    );
  }
  if (jobContext.timedOut)
    log.error(
      `The job running on runner gump-gha-executor has exceeded the maximum execution time of ${minutes} minutes.`,
    );
  if (!scope.failed) for (const post of jobContext.post) await post();
  const outputs = evaluateStringMap(job.outputs, {
    ...legScope,
    contexts: { ...legScope.contexts, steps: scope.steps as unknown as Json },
  });
  rmSync(root, { recursive: true, force: true });
  return {
    key,
    matrix: leg,
    conclusion: scope.failed ? 'failure' : 'success',
    continueOnError,
    outputs,
    steps: scope.steps,
    log: log.text(),
    summary: jobContext.summary.join(''),
  } satisfies LegRecord;
}
