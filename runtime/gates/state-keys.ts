// Gate state keys (language.md §8.5, §15.2): gate results → a flat map of `<step>.gate.<name>…`
// keys. The executor clears the step's previous `gate.*` keys before writing these.

import { gateStateKey } from '../../protocol/state-keys.js';
import type { GateResult, GateStepType } from './evaluate.js';

export interface GateStateOptions {
  /** The step's type: `schema` on a validate step writes `.comments`. */
  stepType?: GateStepType;
}

export function gateStateKeys(
  stepPath: string,
  results: readonly GateResult[],
  opts: GateStateOptions = {},
): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const r of results) {
    keys[gateStateKey(stepPath, r.name)] = r.status === 'fail' ? 'false' : 'true';
    if (r.status === 'fail') keys[gateStateKey(stepPath, r.name, 'error')] = r.error ?? '';
    if (r.type === 'validate') {
      keys[gateStateKey(stepPath, r.name, 'pass')] = r.status === 'pass' ? 'true' : 'false';
      keys[gateStateKey(stepPath, r.name, 'comments')] = r.comments ?? '';
    } else if (
      r.type === 'schema' &&
      (opts.stepType === 'validate' || (opts.stepType === undefined && r.comments !== undefined))
    ) {
      keys[gateStateKey(stepPath, r.name, 'comments')] = r.comments ?? '';
    }
  }
  return keys;
}

/** `check_result` (§15.2): `none` without gates, else `pass` when no entry failed. */
export function checkResultOf(results: readonly GateResult[]): 'pass' | 'fail' | 'none' {
  if (results.length === 0) return 'none';
  return results.some((r) => r.status === 'fail') ? 'fail' : 'pass';
}
