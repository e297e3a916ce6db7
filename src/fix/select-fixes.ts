// `gump fix`, pure: picks the fixes of one round. A fix is taken whole or not at all; a fix
// whose edits conflict with one already taken waits for the next round (after a re-check).

import type { Diagnostic, TextEdit } from '../diagnostics/diagnostic.js';
import { editInBounds, editsConflict } from './apply-edits.js';

export interface FixSelection {
  /** Diagnostics whose fixes are applied this round, in source order. */
  chosen: Diagnostic[];
  /** Fixable diagnostics left for a later round (conflicting edits). */
  deferred: Diagnostic[];
  /** The edits of the chosen fixes. */
  edits: TextEdit[];
}

/** Fixable diagnostics of `file` with at least one edit that stays inside the text. */
export function fixableIn(diags: readonly Diagnostic[], file: string, length: number): Diagnostic[] {
  return diags.filter(
    (d) =>
      d.file === file &&
      d.fix !== undefined &&
      d.fix.edits.length > 0 &&
      d.fix.edits.every((e) => editInBounds(e, length)),
  );
}

export function selectFixes(fixable: readonly Diagnostic[]): FixSelection {
  const ordered = [...fixable].sort((a, b) => firstOffset(a) - firstOffset(b) || a.code.localeCompare(b.code));
  const chosen: Diagnostic[] = [];
  const deferred: Diagnostic[] = [];
  const edits: TextEdit[] = [];
  for (const d of ordered) {
    const mine = d.fix!.edits;
    const selfConflict = mine.some((a, i) => mine.some((b, j) => i < j && editsConflict(a, b)));
    if (selfConflict || mine.some((a) => edits.some((b) => editsConflict(a, b)))) {
      deferred.push(d);
      continue;
    }
    chosen.push(d);
    edits.push(...mine);
  }
  return { chosen, deferred, edits };
}

function firstOffset(d: Diagnostic): number {
  return Math.min(...d.fix!.edits.map((e) => e.offset));
}
