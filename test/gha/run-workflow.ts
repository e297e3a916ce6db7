// runWorkflow(): the whole executor in one screen — parse, resolve the dispatch (or the run to
// re-run), start the fake API, run the jobs in `needs` order, write the output folder and the run
// record. Exit code: 0 success, 1 failure, 3 stopped waiting for an environment decision.

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Job } from '@actions/workflow-parser/model/workflow-template';
import { dispatchInputs } from './dispatch-inputs.js';
import type { Json } from './expressions.js';
import { FakeGitHubApi, type PullRequest, type RecordedRequest } from './fake-github-api.js';
import type { RunContext, UsesRecord } from './job-context.js';
import { ancestors, dependents, orderJobs } from './job-order.js';
import { parseWorkflowFile } from './parse-workflow.js';
import { runJob, type JobRun } from './run-job.js';
import { RunState, type JobOutcome } from './run-state.js';
import { evaluateString, tokenAt } from './template-values.js';
import { jobConclusions, logFileName, writeOutputs } from './write-outputs.js';

export interface RunWorkflowOptions {
  /** The stand-in repository: a git directory (bare or not) checkout clones and pushes land in. */
  repo: string;
  workflow: string;
  out: string;
  /** Executor state (artifacts, caches, run records); default `<out>/state`. */
  state?: string;
  inputs?: Record<string, string>;
  decisions?: ('approve' | 'reject')[];
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  /** Re-run the failed jobs of this run as a new attempt (same inputs and commit). */
  rerunFailed?: number;
  /** `owner/repo` for GITHUB_REPOSITORY and the fake API; default `gump-test/stand-in`. */
  repository?: string;
  /** The dispatched branch; default the stand-in repository's HEAD branch. */
  ref?: string;
  actor?: string;
}

export interface RunWorkflowResult {
  runId: number;
  attempt: number;
  conclusion: 'success' | 'failure' | 'waiting';
  exitCode: 0 | 1 | 3;
  /** Job id, or `id (matrix values)` for legs → conclusion (as in jobs.json). */
  jobs: Record<string, string>;
  details: JobRun[];
  /** Every `uses:` ref met while running, composite actions' nested ones included. */
  uses: UsesRecord[];
  /** Every step `uses:` written in the workflow file, whether its job ran or not. */
  declaredUses: UsesRecord[];
  pulls: PullRequest[];
  requests: RecordedRequest[];
  out: string;
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

export async function runWorkflow(options: RunWorkflowOptions): Promise<RunWorkflowResult> {
  const parsed = await parseWorkflowFile(options.workflow);
  const out = resolve(options.out);
  // Logs are per invocation (an attempt); the state folder, possibly under `out`, is kept.
  rmSync(join(out, 'logs'), { recursive: true, force: true });
  mkdirSync(join(out, 'logs'), { recursive: true });
  const state = new RunState(resolve(options.state ?? join(out, 'state')));
  const repoDir = resolve(options.repo);
  const repository = options.repository ?? 'gump-test/stand-in';

  const previous = options.rerunFailed === undefined ? undefined : state.readRun(options.rerunFailed);
  const lastAttempt = previous?.attempts.at(-1);
  const ref = previous?.ref ?? `refs/heads/${options.ref ?? git(repoDir, 'symbolic-ref', '--short', 'HEAD')}`;
  const sha = previous?.sha ?? git(repoDir, 'rev-parse', `${ref}^{commit}`);
  const inputs: Record<string, Json> = previous?.inputs ?? dispatchInputs(parsed.template, options.inputs ?? {});
  const runId = previous?.runId ?? state.newRunId();
  const attempt = (lastAttempt?.attempt ?? 0) + 1;

  const api = new FakeGitHubApi(repository, repoDir, state.dir);
  const apiUrl = await api.start();
  const token = `ghs_${randomBytes(18).toString('hex')}`;
  const secrets = options.secrets ?? {};
  const run: RunContext = {
    state,
    runId,
    attempt,
    repoDir,
    repository,
    sha,
    ref,
    actor: options.actor ?? 'gump-test',
    apiUrl,
    token,
    workflowName: '',
    secrets,
    vars: options.vars ?? {},
    inputs,
    // Like the runner, a multi-line secret is masked line by line as well as whole.
    masks: new Set([
      token,
      ...Object.values(secrets)
        .flatMap((s) => [s, ...s.split('\n')])
        .filter((s) => s.trim() !== ''),
    ]),
    uses: [],
  };
  run.workflowName = evaluateString(tokenAt(parsed.root, 'name'), { contexts: {} }) || basename(options.workflow);

  const jobs = new Map(parsed.template.jobs.map((j) => [j.id.value, j]));
  const nodes = parsed.template.jobs.map((j) => ({ id: j.id.value, needs: (j.needs ?? []).map((n) => n.value) }));
  const rerun =
    lastAttempt === undefined
      ? undefined
      : dependents(
          nodes,
          Object.entries(lastAttempt.jobs)
            .filter(([, o]) => o.result !== 'success' && o.result !== 'skipped')
            .map(([id]) => id),
        );
  const outcomes: Record<string, JobOutcome> = {};
  const details: JobRun[] = [];
  const decisions = [...(options.decisions ?? [])];
  let waiting = false;
  try {
    for (const id of orderJobs(nodes)) {
      const job = jobs.get(id)!;
      const kept = lastAttempt?.jobs[id];
      if (rerun !== undefined && kept !== undefined && !rerun.has(id)) {
        outcomes[id] = kept;
        continue;
      }
      const needs = Object.fromEntries(nodes.find((n) => n.id === id)!.needs.map((n) => [n, outcomes[n]!]));
      const result = await runJob({
        job: job as Job,
        raw: tokenAt(parsed.root, 'jobs', id),
        workflowRaw: parsed.root,
        run,
        needs,
        ancestorResults: ancestors(nodes, id).map((a) => outcomes[a]!.result),
        decisions,
        // GitHub re-runs only the failed legs of a failed matrix job; its dependents run whole.
        ...(kept !== undefined && kept.result !== 'success' && kept.result !== 'skipped'
          ? { keptLegs: kept.legs ?? {} }
          : {}),
        writeLog: (key, text) => writeFileSync(join(out, 'logs', logFileName(key)), text),
      });
      details.push(result);
      outcomes[id] = {
        result: result.result,
        outputs: result.outputs,
        conclusions: jobConclusions([result]),
        legs: Object.fromEntries(result.legs.map((l) => [l.key, { conclusion: l.conclusion, outputs: l.outputs }])),
      };
      if (result.result === 'waiting') {
        waiting = true;
        break;
      }
    }
  } finally {
    await api.stop();
  }

  const failed = Object.values(outcomes).some((o) => o.result === 'failure' || o.result === 'cancelled');
  const conclusion = waiting ? 'waiting' : failed ? 'failure' : 'success';
  const conclusions = Object.assign({}, ...Object.values(outcomes).map((o) => o.conclusions)) as Record<string, string>;
  writeOutputs(out, runId, conclusions, details, state, api);
  state.writeRun({
    runId,
    workflow: resolve(options.workflow),
    inputs,
    sha,
    ref,
    attempts: [...(previous?.attempts ?? []), { attempt, conclusion, jobs: outcomes }],
  });
  return {
    runId,
    attempt,
    conclusion,
    exitCode: conclusion === 'success' ? 0 : conclusion === 'waiting' ? 3 : 1,
    jobs: conclusions,
    details,
    uses: run.uses,
    declaredUses: parsed.template.jobs.flatMap((j) =>
      j.type === 'job' ? j.steps.flatMap((s) => ('uses' in s ? [{ job: j.id.value, uses: s.uses.value }] : [])) : [],
    ),
    pulls: api.pulls(),
    requests: api.requests,
    out,
  };
}
