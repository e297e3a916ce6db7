// The process environment of a step, as the runner sets it: the env context (workflow, job,
// GITHUB_ENV, step), then the runner's own variables, which a workflow cannot override.

import { dirname, join } from 'node:path';
import type { JobContext } from './job-context.js';

export interface FileCommands {
  output: string;
  env: string;
  path: string;
  summary: string;
  state: string;
}

export function stepProcessEnv(
  job: JobContext,
  env: Record<string, string>,
  files: FileCommands,
  actionPath?: string,
): Record<string, string> {
  const { run } = job;
  const refName = run.ref.replace(/^refs\/(heads|tags)\//, '');
  const path = [...job.path, dirname(process.execPath), process.env.PATH ?? '/usr/bin:/bin'].join(':');
  const builtins: Record<string, string> = {
    CI: 'true',
    HOME: job.home,
    PATH: path,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: job.workspace,
    GITHUB_RUN_ID: String(run.runId),
    GITHUB_RUN_NUMBER: String(run.runId),
    GITHUB_RUN_ATTEMPT: String(run.attempt),
    GITHUB_REPOSITORY: run.repository,
    GITHUB_REPOSITORY_OWNER: run.repository.split('/')[0]!,
    GITHUB_SHA: run.sha,
    GITHUB_REF: run.ref,
    GITHUB_REF_NAME: refName,
    GITHUB_REF_TYPE: run.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_ACTOR: run.actor,
    GITHUB_TRIGGERING_ACTOR: run.actor,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_EVENT_PATH: join(job.runnerTemp, '..', 'event.json'),
    GITHUB_JOB: job.jobId,
    GITHUB_WORKFLOW: run.workflowName,
    GITHUB_API_URL: run.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: `${run.apiUrl}/graphql`,
    GITHUB_OUTPUT: files.output,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    RUNNER_TEMP: job.runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'gump-gha-executor',
    RUNNER_TOOL_CACHE: join(job.runnerTemp, '..', 'toolcache'),
  };
  if (actionPath !== undefined) builtins.GITHUB_ACTION_PATH = actionPath;
  const inherited: Record<string, string> = {};
  for (const key of ['LANG', 'LC_ALL', 'TZ', 'TMPDIR'])
    if (process.env[key] !== undefined) inherited[key] = process.env[key]!;
  return { ...inherited, ...env, ...builtins };
}
