// Errors the user can act on (bad gump.toml, broken plan or state, malformed stub script, a git
// failure): shown as one line, never as a stack trace.

import { ConfigError } from '../config.js';
import { UnitError } from '../exec/unit-error.js';
import { GitError } from '../git/git.js';
import { StateError } from '../state/run-state.js';
import { StubScriptError } from '../stub/script.js';
import { BoundaryError } from './boundary-dag.js';
import { PlanError } from './plan-file.js';
import { CiSetupError } from './ci-start.js';

export function userFacingMessage(e: unknown): string | undefined {
  if (e instanceof ConfigError) return `gump.toml: ${e.message}`;
  if (
    e instanceof PlanError ||
    e instanceof StateError ||
    e instanceof StubScriptError ||
    e instanceof UnitError ||
    e instanceof BoundaryError ||
    e instanceof CiSetupError
  )
    return e.message;
  if (e instanceof GitError) return `git failed: ${e.message}`;
  return undefined;
}
