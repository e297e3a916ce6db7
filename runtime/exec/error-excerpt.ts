// Why an attempt failed, shown to people (progress, report text/Markdown/JSON): the error's first
// line (`gate test failed (exit 1)`) and a bounded excerpt of what follows — the tail of the gate's
// output, trimmed, ANSI colours removed, runs of blank lines folded, a fixed line and character cap.
// The full error stays in the ledger and the retry prompt (§8.3).

import { stripAnsi } from '../gates/output-parsers.js';

/** Lines of output kept in the report (Markdown, text, JSON `error`). */
export const EXCERPT_LINES = 20;
/** Lines of output printed under a failure in the live progress. */
export const PROGRESS_EXCERPT_LINES = 8;
/** Longest line kept; longer ones end in `…`. */
export const EXCERPT_LINE_CHARS = 200;

export interface ErrorExcerpt {
  /** The first non-blank line: what failed. */
  headline: string;
  /** The last lines of the rest, at most `maxLines`. */
  lines: string[];
  /** Lines of the rest left out before `lines`. */
  omitted: number;
}

export function errorExcerpt(error: string, maxLines = EXCERPT_LINES): ErrorExcerpt {
  const all = stripAnsi(error)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l, i, a) => l !== '' || (i > 0 && a[i - 1] !== ''));
  const first = all.findIndex((l) => l !== '');
  if (first < 0) return { headline: '', lines: [], omitted: 0 };
  const rest = all.slice(first + 1);
  while (rest.length > 0 && rest[0] === '') rest.shift();
  while (rest.length > 0 && rest[rest.length - 1] === '') rest.pop();
  const kept = maxLines > 0 ? rest.slice(-maxLines) : [];
  return { headline: clip(all[first]!), lines: kept.map(clip), omitted: rest.length - kept.length };
}

/** `… 12 earlier lines`, or nothing when nothing was left out. */
export function omittedNote(e: ErrorExcerpt): string | undefined {
  return e.omitted > 0 ? `… ${e.omitted} earlier line${e.omitted === 1 ? '' : 's'}` : undefined;
}

/** The excerpt as one text: headline, the omission note, the kept lines. */
export function excerptText(e: ErrorExcerpt): string {
  const note = omittedNote(e);
  return [e.headline, ...(note ? [note] : []), ...e.lines].join('\n');
}

function clip(line: string): string {
  return line.length <= EXCERPT_LINE_CHARS ? line : `${line.slice(0, EXCERPT_LINE_CHARS - 1)}…`;
}

/** The detail of a `fail` progress line: the headline, then a short excerpt (printed indented). */
export function progressDetail(error: string): string {
  return excerptText(errorExcerpt(error, PROGRESS_EXCERPT_LINES));
}
