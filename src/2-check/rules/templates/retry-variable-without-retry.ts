// Rule (language.md §14.5, GUMP511): `{error}`, `{diff}`, `{output}`, `{attempt}`, `{prev.*}` and
// `{gate.*}` in a step's own prompt, agent or context `file:` path warn when the step has no retry
// loop (no retry, or `exit: 1`). Never for values bound to another workflow; in a validator-shaped
// workflow `{diff}` is an input.

import type { StepAst } from '../../../1-parse/ast.js';
import type { Rule } from '../../rule.js';
import { forEachPlaceholder, reportAtPlaceholder, type SiteKind } from '../../template-sites.js';

const OWN_FIELDS: readonly SiteKind[] = ['prompt', 'agent', 'context-file'];
const ATTEMPT_VALUES = ['error', 'diff', 'output', 'attempt'];

export const retryVariableWithoutRetry: Rule = {
  name: 'retry-variable-without-retry',
  check(ctx) {
    forEachPlaceholder(ctx, (v) => {
      if (v.site.bound || !OWN_FIELDS.includes(v.site.kind)) return;
      if (hasRetryLoop(v.step.ast) !== false) return;
      const b = v.binding;
      const applies =
        (b.kind === 'reserved' && ATTEMPT_VALUES.includes(b.name)) || b.kind === 'prev' || b.kind === 'gate';
      if (applies) reportAtPlaceholder(ctx, v, 'GUMP511', { ref: `{${v.ph.ref}}` });
    });
  },
};

/**
 * Retry loop = a retry list whose `exit` is above 1. Undefined when it cannot be told (invalid
 * retry list, missing or repeated `exit`: reported elsewhere).
 */
export function hasRetryLoop(step: StepAst): boolean | undefined {
  if (!step.keys.has('retry')) return false;
  const entries = step.retry?.value;
  if (!entries) return undefined;
  const exits = entries.flatMap((e) => (e.condition?.kind === 'exit' ? [e.condition.value] : []));
  const exitKeys = entries.filter((e) => e.conditionKeys.some((k) => k.name === 'exit'));
  if (exits.length !== 1 || exitKeys.length !== 1) return undefined;
  return exits[0]! > 1;
}
