// Runs a list of steps (a job's, or a local composite action's): step `if` with step-level status
// functions, env, continue-on-error, timeout-minutes, `run:` scripts, `uses:` of local composite
// and emulated actions, file commands, and the `steps` context (outputs, outcome, conclusion).

import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Step } from '@actions/workflow-parser/model/workflow-template';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { evaluateExpression, truthy, withImplicitSuccess, type ExpressionScope, type Json } from './expressions.js';
import { parseKeyValueFile, parsePathFile } from './env-files.js';
import type { JobContext, StepRecord } from './job-context.js';
import { runShell } from './run-shell.js';
import { stepProcessEnv, type FileCommands } from './step-env.js';
import { evaluateString, evaluateStringMap, evaluateToken, tokenAt } from './template-values.js';
import { runUses } from './run-uses.js';

export interface StepSpec {
  step: Step;
  /** The step's raw mapping token, for the keys the converted template drops. */
  raw: TemplateToken | undefined;
}

export interface StepScope {
  job: JobContext;
  steps: Record<string, StepRecord>;
  inputs: Json;
  /** Set inside a local composite action. */
  actionPath?: string;
  /** The env a composite action's `uses:` step passes down to its steps. */
  inheritedEnv: Record<string, string>;
  /** Job status as status functions see it: a step concluded failure. */
  failed: boolean;
}

/** The runner's job status: a timeout cancels the job, which outranks a failed step. */
function jobStatus(scope: StepScope): 'success' | 'failure' | 'cancelled' {
  return scope.job.timedOut ? 'cancelled' : scope.failed ? 'failure' : 'success';
}

export function expressionScope(scope: StepScope, env: Record<string, string>): ExpressionScope {
  const github = { ...(scope.job.contexts.github as Record<string, Json>) };
  if (scope.actionPath !== undefined) github.action_path = scope.actionPath;
  return {
    contexts: {
      ...scope.job.contexts,
      github,
      inputs: scope.inputs,
      steps: scope.steps as unknown as Json,
      env,
      job: { status: jobStatus(scope) },
    },
    status: {
      success: () => jobStatus(scope) === 'success',
      failure: () => jobStatus(scope) === 'failure',
      cancelled: () => jobStatus(scope) === 'cancelled',
    },
    workspace: scope.job.workspace,
  };
}

function stepName(spec: StepSpec, scope: ExpressionScope): string {
  const { step } = spec;
  if (step.name !== undefined) return evaluateString(step.name, scope);
  if ('run' in step) return `Run ${evaluateString(step.run, scope).split('\n')[0]}`;
  if ('uses' in step) return `Run ${step.uses.value}`;
  return step.id;
}

function newFileCommands(runnerTemp: string): FileCommands {
  const dir = join(runnerTemp, '_runner_file_commands');
  mkdirSync(dir, { recursive: true });
  const id = randomUUID();
  return {
    output: join(dir, `set_output_${id}`),
    env: join(dir, `set_env_${id}`),
    path: join(dir, `add_path_${id}`),
    summary: join(dir, `step_summary_${id}`),
    state: join(dir, `save_state_${id}`),
  };
}

const CANCEL_TIMEOUT_MS = 5 * 60_000;

/** Runs the steps in order; returns whether any step concluded failure. */
export async function runSteps(specs: StepSpec[], scope: StepScope): Promise<boolean> {
  let anyFailed = false;
  const { job } = scope;
  for (const spec of specs) {
    const baseEnv = { ...job.env, ...scope.inheritedEnv };
    let name = spec.step.id;
    let continueOnError = false;
    const record: StepRecord = { outputs: {}, outcome: 'success', conclusion: 'success' };
    let files: FileCommands | undefined;
    try {
      name = stepName(spec, expressionScope(scope, baseEnv));
      const condition = withImplicitSuccess(spec.step.if?.expression ?? '');
      if (!truthy(evaluateExpression(condition, expressionScope(scope, baseEnv)))) {
        job.log.info(`##[skipped] ${name} (if: ${condition})`);
        record.outcome = record.conclusion = 'skipped';
        recordStep(scope, spec, record);
        continue;
      }
      const converted = spec.step['continue-on-error'];
      continueOnError =
        typeof converted === 'boolean'
          ? converted
          : truthy(evaluateToken(converted ?? tokenAt(spec.raw, 'continue-on-error'), expressionScope(scope, baseEnv)));
      job.log.info(`##[step] ${name}`);
      const stepEnv = evaluateStringMap(
        'env' in spec.step ? spec.step.env : undefined,
        expressionScope(scope, baseEnv),
      );
      const env = { ...baseEnv, ...stepEnv };
      const exprScope = expressionScope(scope, env);
      const minutes = evaluateToken(tokenAt(spec.raw, 'timeout-minutes'), exprScope);
      const deadline =
        typeof minutes === 'number' ? Math.min(job.deadline, Date.now() + minutes * 60_000) : job.deadline;
      files = newFileCommands(job.runnerTemp);
      const processEnv = stepProcessEnv(job, env, files, scope.actionPath);
      if ('run' in spec.step) {
        const shell =
          evaluateString(tokenAt(spec.raw, 'shell'), exprScope) ||
          (scope.actionPath === undefined ? job.defaults.shell : undefined);
        const workingDirectory =
          evaluateString(tokenAt(spec.raw, 'working-directory'), exprScope) || job.defaults.workingDirectory || '';
        const result = await runShell({
          script: evaluateString(spec.step.run, exprScope),
          shell: shell || undefined,
          cwd: resolve(job.workspace, workingDirectory),
          env: processEnv,
          runnerTemp: job.runnerTemp,
          deadline,
          log: job.log,
        });
        if (result.timedOut) {
          job.log.error(`The step '${name}' has timed out.`);
          if (deadline === job.deadline && !job.timedOut) {
            // The job is cancelled: later steps run only if their `if` holds then (always(),
            // cancelled()), within the runner's 5-minute cancel timeout.
            job.timedOut = true;
            job.deadline = Date.now() + CANCEL_TIMEOUT_MS;
          }
        }
        if (result.exitCode !== 0) throw new StepFailure(`Process completed with exit code ${result.exitCode}.`);
      } else if ('uses' in spec.step) {
        const inputs = evaluateStringMap(tokenAt(spec.raw, 'with'), exprScope);
        record.outputs = await runUses(spec.step.uses.value, inputs, stepEnv, processEnv, scope);
      } else {
        throw new Error(`step '${name}': only run and uses steps are supported`);
      }
    } catch (e) {
      if (!(e instanceof StepFailure)) job.log.error(`${name}: ${(e as Error).message}`);
      else job.log.error(e.message);
      record.outcome = 'failure';
      record.conclusion = continueOnError ? 'success' : 'failure';
    }
    // File commands count even when the step failed (a continue-on-error step's outputs are read).
    if (files !== undefined) {
      try {
        Object.assign(record.outputs, parseKeyValueFile(files.output));
        applyFileCommands(scope, files);
      } catch (e) {
        job.log.error(`${name}: ${(e as Error).message}`);
        record.outcome = 'failure';
        record.conclusion = continueOnError ? 'success' : 'failure';
      }
    }
    if (record.conclusion === 'failure') {
      scope.failed = true;
      anyFailed = true;
    }
    recordStep(scope, spec, record);
  }
  return anyFailed;
}

/** A step failed for a reason already logged (exit code, failed nested step). */
export class StepFailure extends Error {}

function recordStep(scope: StepScope, spec: StepSpec, record: StepRecord): void {
  if (!spec.step.id.startsWith('__')) scope.steps[spec.step.id] = record;
}

function applyFileCommands(scope: StepScope, files: FileCommands): void {
  const { job } = scope;
  Object.assign(job.env, parseKeyValueFile(files.env));
  for (const dir of parsePathFile(files.path)) job.path.unshift(dir);
  if (existsSync(files.summary)) job.summary.push(readFileSync(files.summary, 'utf8'));
}
