// Shared shapes of a run attempt (RunContext) and of one running job or matrix leg (JobContext):
// what steps, local composite actions and emulated actions read and update while a job runs.

import type { Json } from './expressions.js';
import type { JobLog } from './job-log.js';
import type { RunState } from './run-state.js';

export interface UsesRecord {
  job: string;
  uses: string;
}

export interface RunContext {
  state: RunState;
  runId: number;
  attempt: number;
  /** The stand-in repository (a git directory); actions/checkout clones it, origin points at it. */
  repoDir: string;
  repository: string;
  sha: string;
  ref: string;
  actor: string;
  apiUrl: string;
  token: string;
  workflowName: string;
  secrets: Record<string, string>;
  vars: Record<string, string>;
  inputs: Record<string, Json>;
  masks: Set<string>;
  uses: UsesRecord[];
}

export interface StepRecord {
  outputs: Record<string, string>;
  outcome: 'success' | 'failure' | 'skipped';
  conclusion: 'success' | 'failure' | 'skipped';
}

export interface JobContext {
  run: RunContext;
  jobId: string;
  /** `id` or `id (matrix values)`: the key in jobs.json and the log file name. */
  jobKey: string;
  log: JobLog;
  workspace: string;
  runnerTemp: string;
  home: string;
  /** github, needs, matrix, strategy, runner, vars, secrets, inputs: fixed for the job. */
  contexts: Record<string, Json>;
  /** Workflow and job env, then what GITHUB_ENV added. */
  env: Record<string, string>;
  /** Directories GITHUB_PATH added, first = searched first. */
  path: string[];
  summary: string[];
  defaults: { shell?: string; workingDirectory?: string };
  deadline: number;
  timedOut: boolean;
  /** Work an action leaves for the end of the job (actions/cache saves there, like a post step). */
  post: (() => Promise<void>)[];
}
