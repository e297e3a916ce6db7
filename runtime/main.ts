// The runtime's command line (the one file CI jobs run: `node gump-runtime.mjs <command>`):
//   ci       --plan <plan.json> --boundaries <dir> [--unit <key>] [--name <n>] [--out <dir>] [--worktree <dir>]
//            one CI job: start or restore the run, decide a pending approval, run a unit, save a boundary
//   run      --worktree <dir>                    run the whole plan from its current state
//   unit     --worktree <dir> --unit <key> [--boundaries <dir>] [--name <n>]   run one job unit (restore, run, save)
//   approve | reject --worktree <dir>            decide the pending approval point
//   report   --worktree <dir> [--format text|json|markdown] [--out <dir>] [--summary]
//   tasks    --worktree <dir> --split <path>    a planned split's task list as JSON (CI fan-out)
//   publish  --worktree <dir> [--remote origin] [--body <file>] [--open-pr github|gitlab] [--base <b>]
//            [--waiting] [--dry-run]            push gump/run-<id> only, open/update the PR/MR
//   help                                         the usage text (runtime/run/help.ts)
//   __stub   <json>                              the stub agent process (language.md §21)
// run and unit refuse a plan compiled from another version of its workflow file (design.md) unless
// given --skip-source-check (`gump run` compiles from the working tree itself).
// Exit (protocol/runtime-cli.ts EXIT): 0 pass (or unit done; ci: also waiting or skipped), 1 fatal,
// 3 waiting for approval, 4 aborted, 2 usage/infrastructure.

// The two halves are imported lazily: the bundle stays one file, but esbuild wraps a dynamically
// imported module so its top-level code runs only when imported — the stub process (started once per
// agent attempt in stub mode) then initialises the stub's modules only (issue 10).

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '__stub') {
    const [{ stubCommand }, { loadStubScript }] = await Promise.all([
      import('./stub/entry.js'),
      import('./stub/script.js'),
    ]);
    return stubCommand(rest, loadStubScript);
  }
  return (await import('./run/commands.js')).executeCommand(command, rest, process.argv[1] ?? '');
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`gump-runtime: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
