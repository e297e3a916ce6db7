// `gump fix`, pure given a checker: text → fixed text. Applies every non-conflicting fix, re-checks,
// and repeats, because a YAML syntax error (GUMP005/006) hides every later diagnostic until fixed.

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { applyEdits } from './apply-edits.js';
import { fixableIn, selectFixes } from './select-fixes.js';

/** Enough for syntax fixes, then value fixes, then the ones they uncover; guards against cycles. */
export const MAX_FIX_ROUNDS = 10;

export interface AppliedFix {
  code: string;
  slug: string;
  /** Position in the text of the round that applied it (1-based). */
  line: number;
  col: number;
  description: string;
  round: number;
}

export interface FixResult {
  text: string;
  applied: AppliedFix[];
  /** Diagnostics of the final text (all of them, fixable or not). */
  remaining: Diagnostic[];
  rounds: number;
  /** False when the round limit was hit with fixes still pending. */
  settled: boolean;
}

/** `check` returns the diagnostics of `file` for a given text of that file. */
export function fixText(
  text: string,
  file: string,
  check: (text: string) => Diagnostic[],
  maxRounds: number = MAX_FIX_ROUNDS,
): FixResult {
  let current = text;
  const applied: AppliedFix[] = [];
  for (let round = 1; ; round++) {
    const diags = check(current);
    const fixable = fixableIn(diags, file, current.length);
    if (fixable.length === 0 || round > maxRounds) {
      return { text: current, applied, remaining: diags, rounds: round - 1, settled: fixable.length === 0 };
    }
    const { chosen, edits } = selectFixes(fixable);
    const next = applyEdits(current, edits);
    // A fix that rewrites text to itself would loop forever; stop and report it as remaining.
    if (next === current) return { text: current, applied, remaining: diags, rounds: round - 1, settled: false };
    for (const d of chosen) {
      applied.push({
        code: d.code,
        slug: d.slug,
        line: d.span.line,
        col: d.span.col,
        description: d.fix!.description,
        round,
      });
    }
    current = next;
  }
}
