// `gump fix`, pure: applies non-overlapping text edits (offsets into the original text) in one
// pass. Inserted text takes the file's line ending, so a CRLF file stays CRLF.

import type { TextEdit } from '../diagnostics/diagnostic.js';

/** `\r\n` when most line breaks of `text` are CRLF, else `\n`. */
export function lineEnding(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** True when the two edits touch the same text (or insert at the same place, whose order is ambiguous). */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  if (a.offset === b.offset) return true;
  if (Math.max(a.offset, b.offset) < Math.min(a.endOffset, b.endOffset)) return true;
  const inside = (p: number, e: TextEdit): boolean => e.offset < p && p < e.endOffset;
  return (a.offset === a.endOffset && inside(a.offset, b)) || (b.offset === b.endOffset && inside(b.offset, a));
}

/** An edit that stays within the text and does not run backwards. */
export function editInBounds(e: TextEdit, length: number): boolean {
  return (
    Number.isInteger(e.offset) &&
    Number.isInteger(e.endOffset) &&
    e.offset >= 0 &&
    e.offset <= e.endOffset &&
    e.endOffset <= length
  );
}

/**
 * Apply `edits` to `text`. Edits must be in bounds and pairwise non-conflicting (see
 * `selectFixes`); a violation is a bug in the caller, reported by throwing.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset);
  const eol = lineEnding(text);
  let out = '';
  let at = 0;
  for (const [i, e] of sorted.entries()) {
    if (!editInBounds(e, text.length)) throw new Error(`internal: edit ${e.offset}..${e.endOffset} outside the text`);
    const prev = sorted[i - 1];
    if (prev && editsConflict(prev, e)) throw new Error(`internal: overlapping edits at offset ${e.offset}`);
    out += text.slice(at, e.offset) + e.text.replace(/\r?\n/g, eol);
    at = e.endOffset;
  }
  return out + text.slice(at);
}
