// One workflow job: job `if` with GitHub's job-level status functions, the environment review
// (a decision per job), permissions, the matrix and fail-fast, then each leg (run-leg.ts).
// Output: the job's result for `needs`, its outputs (last finished leg wins) and per-leg records.

import type { Job } from '@actions/workflow-parser/model/workflow-template';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import {
  asString,
  evaluateExpression,
  truthy,
  withImplicitSuccess,
  type ExpressionScope,
  type Json,
} from './expressions.js';
import { expandMatrix, legKey, type Leg } from './expand-matrix.js';
import { githubContext } from './github-context.js';
import type { RunContext } from './job-context.js';
import { JobLog } from './job-log.js';
import { runLeg, type LegRecord } from './run-leg.js';
import type { JobOutcome, JobResult } from './run-state.js';
import { evaluateToken, tokenAt } from './template-values.js';

export type { LegRecord } from './run-leg.js';

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
  const permissions = evaluateToken(
    tokenAt(input.raw, 'permissions') ?? tokenAt(input.workflowRaw, 'permissions'),
    jobScope,
  );
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
    const environmentName =
      typeof environment === 'object' && environment !== null && !Array.isArray(environment)
        ? asString(environment.name)
        : asString(environment);
    if (environmentName !== '') {
      record.environment = environmentName;
      const decision = input.decisions.shift();
      if (decision === undefined) return { ...record, result: 'waiting' };
      record.decision = decision;
      if (decision === 'reject')
        return { ...record, result: 'failure', error: `deployment to environment '${environmentName}' was rejected` };
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
    for (const leg of legs)
      for (const [k, v] of Object.entries(kept(legKey(id, leg, matrixJob))?.outputs ?? {}))
        if (v !== '') record.outputs[k] = v;
    for (const [index, leg] of legs.entries()) {
      const key = legKey(id, leg, matrixJob);
      const earlier = kept(key);
      if (earlier !== undefined) {
        record.legs.push({
          key,
          matrix: leg,
          conclusion: 'success',
          continueOnError: false,
          outputs: earlier.outputs,
          kept: true,
          steps: {},
          log: '',
          summary: '',
        });
        continue;
      }
      if (cancelRest) {
        record.legs.push({
          key,
          matrix: leg,
          conclusion: 'cancelled',
          continueOnError: false,
          outputs: {},
          steps: {},
          log: '',
          summary: '',
        });
        continue;
      }
      const strategyContext = {
        'fail-fast': failFast,
        'job-index': index,
        'job-total': legs.length,
        'max-parallel': asNumber(strategyMap['max-parallel'], legs.length),
      };
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
