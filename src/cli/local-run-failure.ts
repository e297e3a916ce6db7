// How the local-run commands (run, report, apply, approve, reject, runs, clean) end on a failure the
// user can act on: `gump <command>: <message>` and an exit code. Anything else is rethrown, and
// main.ts reports it as a bug.

import { userFacingMessage } from '../../runtime/run/errors.js';
import { LocalRunError } from '../local/runs.js';

export function localRunFailure(command: string, e: unknown, code = 2): number {
  const message = e instanceof LocalRunError ? e.message : userFacingMessage(e);
  if (message === undefined) throw e;
  process.stderr.write(`gump ${command}: ${message}\n`);
  return code;
}
