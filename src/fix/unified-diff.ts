// `gump fix --dry-run`, pure: two texts → a unified diff (`--- a/<path>`, `+++ b/<path>`, hunks
// with 3 lines of context), applicable with `git apply` / `patch -p1`. Empty when equal.

import { diffLines, type DiffOp } from './line-diff.js';

/** Lines with their terminator, so a missing final newline is a difference too. */
export function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

interface Numbered extends DiffOp {
  /** 0-based index in the old and the new text of the next line at this point. */
  ai: number;
  bi: number;
}

export function unifiedDiff(before: string, after: string, path: string, context = 3): string {
  if (before === after) return '';
  const ops = number(diffLines(splitLines(before), splitLines(after)));
  const changed = ops.map((o, i) => (o.kind === 'equal' ? -1 : i)).filter((i) => i >= 0);
  let out = `--- a/${path}\n+++ b/${path}\n`;
  let i = 0;
  while (i < changed.length) {
    let j = i;
    while (j + 1 < changed.length && changed[j + 1]! - changed[j]! <= 2 * context + 1) j++;
    const from = Math.max(0, changed[i]! - context);
    const to = Math.min(ops.length, changed[j]! + context + 1);
    out += hunk(ops.slice(from, to));
    i = j + 1;
  }
  return out;
}

function number(ops: DiffOp[]): Numbered[] {
  let ai = 0;
  let bi = 0;
  return ops.map((o) => {
    const n = { ...o, ai, bi };
    if (o.kind !== 'insert') ai++;
    if (o.kind !== 'delete') bi++;
    return n;
  });
}

function hunk(ops: Numbered[]): string {
  const first = ops[0]!;
  const oldCount = ops.filter((o) => o.kind !== 'insert').length;
  const newCount = ops.filter((o) => o.kind !== 'delete').length;
  let s = `@@ -${range(first.ai, oldCount)} +${range(first.bi, newCount)} @@\n`;
  for (const o of ops) {
    const mark = o.kind === 'equal' ? ' ' : o.kind === 'delete' ? '-' : '+';
    s += o.line.endsWith('\n') ? mark + o.line : `${mark}${o.line}\n\\ No newline at end of file\n`;
  }
  return s;
}

/** `start,count` (1-based); an empty range names the line before it, and `,1` is implied. */
function range(index: number, count: number): string {
  if (count === 0) return `${index},0`;
  return count === 1 ? `${index + 1}` : `${index + 1},${count}`;
}
