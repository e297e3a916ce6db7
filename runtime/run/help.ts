// The runtime's usage text (`node gump-runtime.mjs help`): every command a CI job or `gump run`
// calls, with its flags. The contract behind it: docs/runtime.md and protocol/runtime-cli.ts.

export const HELP = `usage: node gump-runtime.mjs <command> [flags]

  ci       --plan <repo-relative plan.json> --boundaries <dir> [--unit <unit key>] [--name <boundary name>]
           [--out <dir>] [--worktree <dir>]
           one CI job: start the run (no boundary found) or restore it from every boundary under
           <dir>, apply GUMP_DECISION to a pending approval, run the unit (skipped when done), save
           the job's boundary to --out (default <boundaries>/<name>), write the job outputs.
           Env: GUMP_SPEC, GUMP_INPUTS, GUMP_STUB, GUMP_STUB_SCRIPT, GUMP_DECISION, GUMP_ACTOR,
           GUMP_RUN_ID, GITHUB_OUTPUT. Unit keys: step-<i>, planner-<i>, slot-<i>-<n>[-last],
           branch-<i>-<b>, merge-<i>, task-<i>-<name>.
  run      --worktree <dir>                        run the whole plan from its current state
  unit     --worktree <dir> --unit <unit key> [--boundaries <dir>] [--name <n>]
           one job unit; with --boundaries restore from the folder first and save <dir>/<name> after
  approve | reject --worktree <dir> [--reason <text>]   decide the pending approval point (reason: reject)
  report   --worktree <dir> [--format text|json|markdown]
  tasks    --worktree <dir> --split <path>         a planned split's task list as JSON
  gitlab-child --split <path> --config <repo-relative file> --extends <hidden job> --out <file>
           [--worktree <dir>]  GitLab: the child pipeline of a split, the compiled file plus one
           job per planned task (a sequential split's each in its own stage, in plan order; none
           unless the restored run goes on into the split)
  publish  --worktree <dir> [--remote origin] [--body <file>] [--dry-run]   push gump/run-<id> only
  help                                             this text

Exit: 0 pass (also waiting or skipped for ci), 1 fatal, 2 usage/infrastructure, 3 waiting (run,
unit, approve), 4 aborted.
`;
