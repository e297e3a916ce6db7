// A `uses:` step: a local composite action (`./path`) runs for real; a known public action runs as
// its emulation (matched by owner/name whatever the ref); anything else is an error naming it.
// Every ref is recorded so tests can assert pins.

import { emulatedAction } from './emulated-actions.js';
import { runLocalAction } from './local-action.js';
import type { StepScope } from './run-steps.js';

export async function runUses(
  uses: string,
  inputs: Record<string, string>,
  stepEnv: Record<string, string>,
  processEnv: Record<string, string>,
  scope: StepScope,
): Promise<Record<string, string>> {
  scope.job.run.uses.push({ job: scope.job.jobKey, uses });
  if (uses.startsWith('./')) return runLocalAction(uses, inputs, stepEnv, scope);
  const action = emulatedAction(uses);
  if (action === undefined) throw new Error(unsupportedAction(uses));
  return action({ inputs, job: scope.job, env: processEnv });
}

export function unsupportedAction(uses: string): string {
  return `action '${uses}' is neither a local action (./path) nor emulated by the test executor`;
}
