// One workflow job: job `if` with GitHub's job-level status functions, the environment review
// (a decision per job), the matrix, then each leg in a fresh workspace, RUNNER_TEMP and HOME with
// workflow/job env, defaults, timeout-minutes, permissions and continue-on-error read from tokens.
// Output: the job's result for `needs`, its outputs (last finished leg wins) and per-leg records.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from '@actions/workflow-parser/model/workflow-template';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { emulatedAction } from './emulated-actions.js';
import { asString, evaluateExpression, truthy, withImplicitSuccess, type ExpressionScope, type Json } from './expressions.js';
import { expandMatrix, legKey, type Leg } from './expand-matrix.js';
import { githubContext } from './github-context.js';
import type { JobContext, RunContext } from './job-context.js';
import { JobLog } from './job-log.js';
import { runSteps, type StepScope } from './run-steps.js';
import type { JobOutcome, JobResult } from './run-state.js';
import { evaluateString, evaluateStringMap, evaluateToken, tokenAt } from './template-values.js';
import { unsupportedAction } from './run-uses.js';

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

export interface KeptLeg {
  conclusion: JobResult;
  outputs: Record<string, string>;
}

export interface JobRun {
  id: string;
  /** As dependents read it in needs.<id>.result (continue-on-error turns failure into success). */
  result: JobResult;
  outputs: Record<string, string>;
  permissions: Json;
  environment?: string;
  decision?: 'approve' | 'reject';
  legs: LegRecord[];
  error?: string;
}

export interface JobInput {
  job: Job;
  raw: TemplateToken | undefined;
  workflowRaw: TemplateToken;
  run: RunContext;
  needs: Record<string, JobOutcome>;
  /** Results of every ancestor (transitive needs), for failure() and the implicit success(). */
  ancestorResults: JobResult[];
  decisions: ('approve' | 'reject')[];
  /** Re-run of failed jobs: this job's legs that succeeded in the earlier attempt (not run again). */
  keptLegs?: Record<string, KeptLeg>;
  /** Writes a finished leg's log (the caller owns the output folder). */
  writeLog: (key: string, text: string) => void;
}

function needsContext(needs: Record<string, JobOutcome>): Json {
  return Object.fromEntries(Object.entries(needs).map(([id, n]) => [id, { result: n.result, outputs: n.outputs }]));
}

export async function runJob(input: JobInput): Promise<JobRun> {
  const { job, run } = input;
  const id = job.id.value;
  const failedAncestor = input.ancestorResults.some((r) => r === 'failure' || r === 'cancelled');
  const jobStatus = {
    success: () => !failedAncestor && Object.values(input.needs).every((n) => n.result === 'success'),
    failure: () => failedAncestor,
    cancelled: () => false,
  };
  const base: Record<string, Json> = {
    github: githubContext(run, id, ''),
    inputs: run.inputs,
    vars: run.vars,
    needs: needsContext(input.needs),
    secrets: { ...run.secrets, GITHUB_TOKEN: run.token },
  };
  const jobScope: ExpressionScope = { contexts: base, status: jobStatus };
  const permissions = evaluateToken(tokenAt(input.raw, 'permissions') ?? tokenAt(input.workflowRaw, 'permissions'), jobScope);
  const record: JobRun = { id, result: 'skipped', outputs: {}, permissions, legs: [] };
  const fail = (message: string): JobRun => {
    const log = new JobLog(run.masks);
    log.error(message);
    input.writeLog(id, log.text());
    return { ...record, result: 'failure', error: message };
  };
  try {
    if (job.type !== 'job') return fail(`job '${id}': reusable workflows are not supported by the test executor`);
    const condition = withImplicitSuccess(job.if?.expression ?? '');
    if (!truthy(evaluateExpression(condition, jobScope))) return record;

    const environment = evaluateToken(job.environment, jobScope);
    const environmentName = typeof environment === 'object' && environment !== null && !Array.isArray(environment) ? asString(environment.name) : asString(environment);
    if (environmentName !== '') {
      record.environment = environmentName;
      const decision = input.decisions.shift();
      if (decision === undefined) return { ...record, result: 'waiting' };
      record.decision = decision;
      if (decision === 'reject') return { ...record, result: 'failure', error: `deployment to environment '${environmentName}' was rejected` };
    }

    const strategy = evaluateToken(job.strategy, jobScope);
    const strategyMap = typeof strategy === 'object' && strategy !== null && !Array.isArray(strategy) ? strategy : {};
    const matrixJob = strategyMap.matrix !== undefined && strategyMap.matrix !== null;
    let legs: Leg[];
    try {
      legs = expandMatrix(strategyMap.matrix ?? null);
    } catch (e) {
      return fail(`Error when evaluating 'strategy' for job '${id}'. ${(e as Error).message}`);
    }
    const failFast = strategyMap['fail-fast'] === undefined ? true : truthy(strategyMap['fail-fast']);
    let cancelRest = false;
    const kept = (key: string) => (input.keptLegs?.[key]?.conclusion === 'success' ? input.keptLegs[key] : undefined);
    // Kept legs finished before any leg of this attempt: their outputs go first, so a re-run leg's win.
    for (const leg of legs) for (const [k, v] of Object.entries(kept(legKey(id, leg, matrixJob))?.outputs ?? {})) if (v !== '') record.outputs[k] = v;
    for (const [index, leg] of legs.entries()) {
      const key = legKey(id, leg, matrixJob);
      const earlier = kept(key);
      if (earlier !== undefined) {
        record.legs.push({ key, matrix: leg, conclusion: 'success', continueOnError: false, outputs: earlier.outputs, kept: true, steps: {}, log: '', summary: '' });
        continue;
      }
      if (cancelRest) {
        record.legs.push({ key, matrix: leg, conclusion: 'cancelled', continueOnError: false, outputs: {}, steps: {}, log: '', summary: '' });
        continue;
      }
      const strategyContext = { 'fail-fast': failFast, 'job-index': index, 'job-total': legs.length, 'max-parallel': asNumber(strategyMap['max-parallel'], legs.length) };
      const legRecord = await runLeg(input, key, leg, { ...base, matrix: leg, strategy: strategyContext });
      record.legs.push(legRecord);
      input.writeLog(key, legRecord.log);
      for (const [k, v] of Object.entries(legRecord.outputs)) if (v !== '') record.outputs[k] = v;
      if (legRecord.conclusion === 'failure' && !legRecord.continueOnError && failFast) cancelRest = true;
    }
    record.result = aggregate(record.legs);
    return record;
  } catch (e) {
    return fail(`job '${id}': ${(e as Error).message}`);
  }
}

function asNumber(v: Json | undefined, fallback: number): number {
  return typeof v === 'number' ? v : fallback;
}

function aggregate(legs: LegRecord[]): JobResult {
  const seen = legs.map((l) => (l.conclusion === 'failure' && l.continueOnError ? 'success' : l.conclusion));
  if (seen.includes('failure')) return 'failure';
  if (seen.includes('cancelled')) return 'cancelled';
  if (seen.every((r) => r === 'skipped')) return 'skipped';
  return 'success';
}

async function runLeg(input: JobInput, key: string, leg: Leg, contexts: Record<string, Json>) {
  const { job, run, raw, workflowRaw } = input;
  const id = job.id.value;
  const root = mkdtempSync(join(tmpdir(), 'gha-job-'));
  const workspace = join(root, 'workspace');
  const runnerTemp = join(root, 'temp');
  const home = join(root, 'home');
  for (const d of [workspace, runnerTemp, home]) mkdirSync(d, { recursive: true });
  const log = new JobLog(run.masks);
  const github = githubContext(run, id, workspace);
  const ctx = { ...contexts, github, runner: { os: 'Linux', arch: 'X64', name: 'gump-gha-executor', temp: runnerTemp, tool_cache: join(root, 'toolcache') } };
  const scopeFor = (env: Record<string, string>): ExpressionScope => ({ contexts: { ...ctx, env, job: { status: 'success' } }, workspace });
  const workflowEnv = evaluateStringMap(tokenAt(workflowRaw, 'env'), scopeFor({}));
  const env = { ...workflowEnv, ...evaluateStringMap(job.env, scopeFor(workflowEnv)) };
  const legScope = scopeFor(env);
  const minutes = evaluateToken(tokenAt(raw, 'timeout-minutes'), legScope);
  const continueOnError = truthy(evaluateToken(tokenAt(raw, 'continue-on-error'), legScope));
  const shell = evaluateString(tokenAt(raw, 'defaults', 'run', 'shell') ?? tokenAt(workflowRaw, 'defaults', 'run', 'shell'), legScope);
  const workingDirectory = evaluateString(tokenAt(raw, 'defaults', 'run', 'working-directory') ?? tokenAt(workflowRaw, 'defaults', 'run', 'working-directory'), legScope);
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
  if (job.container !== undefined || job.services !== undefined) log.output('::warning::container and services are not emulated: the steps run on this machine');
  const missing = job.steps.flatMap((s) => ('uses' in s && !s.uses.value.startsWith('./') && emulatedAction(s.uses.value) === undefined ? [s.uses.value] : []));
  if (missing.length > 0) {
    for (const uses of missing) log.error(unsupportedAction(uses));
    scope.failed = true;
  } else {
    await runSteps(job.steps.map((step, i) => ({ step, raw: tokenAt(rawSteps, i) })), scope);
  }
  if (jobContext.timedOut) log.error(`The job running on runner gump-gha-executor has exceeded the maximum execution time of ${minutes} minutes.`);
  if (!scope.failed) for (const post of jobContext.post) await post();
  const outputs = evaluateStringMap(job.outputs, { ...legScope, contexts: { ...legScope.contexts, steps: scope.steps as unknown as Json } });
  rmSync(root, { recursive: true, force: true });
  return { key, matrix: leg, conclusion: scope.failed ? 'failure' : 'success', continueOnError, outputs, steps: scope.steps, log: log.text(), summary: jobContext.summary.join('') } satisfies LegRecord;
}
