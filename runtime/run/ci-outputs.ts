// Outputs of a `ci` job (protocol/runtime-cli.ts OUTPUTS): `key=value` lines appended to
// $GITHUB_OUTPUT when set, and the same as JSON in `<out>/outputs.json` (GitLab has no job
// outputs: its jobs read the file artifact). A planner job adds the task list for a CI matrix.

import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUTS } from '../../protocol/runtime-cli.js';

/** GitHub's cap on a job's outputs (design.md "platform limits"). */
export const OUTPUT_LIMIT_BYTES = 1024 * 1024;
/** GitHub's cap on a matrix (design.md "platform limits"). */
export const MATRIX_LIMIT = 256;

export type CiState = 'pass' | 'waiting' | 'fatal' | 'aborted';

export interface CiOutputs {
  state: CiState;
  runId: string;
  /** After a planner: the planned tasks, plan order. */
  tasks?: string[];
}

/** `[{"i":0,"name":"add-a"},…]`, compact. */
export function tasksJson(names: readonly string[]): string {
  return JSON.stringify(names.map((name, i) => ({ i, name })));
}

export function outputLines(o: CiOutputs): Record<string, string> {
  const out: Record<string, string> = { [OUTPUTS.state]: o.state, [OUTPUTS.runId]: o.runId };
  if (o.tasks) {
    out[OUTPUTS.count] = String(o.tasks.length);
    out[OUTPUTS.tasks] = tasksJson(o.tasks);
  }
  return out;
}

export function writeOutputs(o: CiOutputs, githubOutput: string | undefined, outDir: string | undefined): void {
  const lines = outputLines(o);
  if (githubOutput)
    appendFileSync(
      githubOutput,
      Object.entries(lines)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    );
  if (outDir) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'outputs.json'), `${JSON.stringify(lines, null, 2)}\n`);
  }
}
