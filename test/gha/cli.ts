// `npm run gha -- --repo <git dir> --workflow <file> [--input k=v]... [--decision approve|reject]...
// [--secret K=v]... [--var K=v]... [--rerun-failed <runId>] [--state <dir>] [--repository o/r]
// [--ref branch] --out <dir>`: runs runWorkflow and exits 0 (success), 1 (failure), 3 (waiting).

import { parseArgs, USAGE } from './cli-args.js';
import { WorkflowParseError } from './parse-workflow.js';
import { runWorkflow, type RunWorkflowOptions } from './run-workflow.js';

async function main(): Promise<number> {
  let options: RunWorkflowOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  try {
    const result = await runWorkflow(options);
    for (const [job, conclusion] of Object.entries(result.jobs))
      process.stdout.write(`${conclusion.padEnd(9)} ${job}\n`);
    process.stdout.write(
      `run ${result.runId} attempt ${result.attempt}: ${result.conclusion} (output in ${result.out})\n`,
    );
    return result.exitCode;
  } catch (e) {
    process.stderr.write(
      e instanceof WorkflowParseError ? `${e.diagnostics.join('\n')}\n` : `${(e as Error).message}\n`,
    );
    return 1;
  }
}

process.exitCode = await main();
