// Shared protocol: the runtime's command line as the CI targets call it — command names, flags,
// exit codes, GUMP_* environment names, file names of job boundaries and of the generated tree.
// The targets build every runtime command line from these names; the runtime parses them.

/** Where `gump compile` writes the runtime and the plans, repository-relative. */
export const RUNTIME_PATH = '.gump/runtime/gump-runtime.mjs';
/** The stub agent's own small bundle, beside the runtime (runtime/stub/adapter.ts looks for it there). */
export const STUB_RUNTIME_PATH = '.gump/runtime/gump-stub.cjs';
export const COMPILED_DIR = '.gump/compiled';
export function planPath(workflow: string): string {
  return `${COMPILED_DIR}/${workflow}.plan.json`;
}

export const COMMANDS = {
  /** Run the whole plan from its current state (local executor). */
  run: 'run',
  /** One job unit in a prepared worktree, optionally round-tripping a boundary directory. */
  unit: 'unit',
  /** One CI job: start or restore the run, decide a pending approval, run a unit, save a boundary. */
  ci: 'ci',
  approve: 'approve',
  reject: 'reject',
  report: 'report',
  tasks: 'tasks',
  /** GitLab: the child pipeline of a split, one job per planned task. */
  gitlabChild: 'gitlab-child',
  /** Push `gump/run-<id>` (nothing else, ever) and open the PR/MR. */
  publish: 'publish',
} as const;

/**
 * GitLab: the line of a sequential split's compiled child file (in its `stages:` list) that
 * `gitlab-child` replaces with one stage per planned task, in plan order.
 */
export const GITLAB_TASK_STAGES = '  # gump-runtime gitlab-child: one stage per planned task, in plan order';

export const EXIT = { pass: 0, fatal: 1, usage: 2, waiting: 3, aborted: 4 } as const;

/** Environment the CI jobs give the runtime (values from workflow inputs travel only this way). */
export const ENV = {
  /** `1`/`true`: stub mode (language.md §21). */
  stub: 'GUMP_STUB',
  stubScript: 'GUMP_STUB_SCRIPT',
  /** Repository-relative path of the spec file, for a new run. */
  spec: 'GUMP_SPEC',
  /** JSON object of the pipeline inputs (the workflow's own are picked out of it). */
  inputs: 'GUMP_INPUTS',
  /** `approve` | `reject` | empty: the decision for a run waiting at an approval point. */
  decision: 'GUMP_DECISION',
  /** Who decided (CI actor), recorded in the ledger. */
  actor: 'GUMP_ACTOR',
  /** Why a reviewer rejected (optional; e.g. a variable given when playing GitLab's reject job): the run's reason. */
  reason: 'GUMP_REASON',
  /** Run id for a new run (default: generated). */
  runId: 'GUMP_RUN_ID',
  /** Token for pushing `gump/run-<id>` and opening the PR/MR (publish job only). */
  pushToken: 'GUMP_PUSH_TOKEN',
  /** Platform of the PR/MR (`github` | `gitlab`) and its API root (GITHUB_API_URL / CI_API_V4_URL). */
  platform: 'GUMP_PLATFORM',
} as const;

/** A job boundary directory (the artifact one job hands the next). */
export const BOUNDARY = {
  /** Metadata: name, parents, head commit, unit, run status. */
  meta: 'boundary.json',
  /** Incremental git bundle: the commits this job added. */
  bundle: 'run.bundle',
  /** The run directory (state, ledger, prev snapshots, session stores without credentials). */
  runDir: 'run',
} as const;

/** Outputs a `ci` job writes to $GITHUB_OUTPUT (GitHub) or its dotenv/state file (GitLab). */
export const OUTPUTS = {
  /** The run status after this job: `pass` (continue), `waiting`, `fatal`, `aborted`. */
  state: 'state',
  /** Planner only: number of tasks, and the task list for a matrix as `[{"i":0,"name":"…"}]`. */
  count: 'count',
  tasks: 'tasks',
  runId: 'run_id',
} as const;

/** The publish and report jobs (docs/runtime.md): flags, outputs and the report artifact. */
export const PUBLISH = {
  /** `--open-pr <platform>`: open or update the PR/MR after the push. */
  platforms: ['github', 'gitlab'] as const,
  /** Step outputs `publish --open-pr` appends to $GITHUB_OUTPUT. */
  outputs: { prUrl: 'pr_url', prNumber: 'pr_number' },
} as const;

export const REPORT = {
  /** The artifact the report job uploads in every outcome: the `--out` directory. */
  artifact: 'gump-report',
  json: 'report.json',
  markdown: 'report.md',
} as const;
