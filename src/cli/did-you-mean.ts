// CLI: "did you mean" suggestions for an unknown command, code or library name: several, ranked,
// with substring matches (the edit distance is protocol/did-you-mean.ts's).

import { editDistance } from '../../protocol/did-you-mean.js';

/**
 * Up to `limit` candidates closest to `word` (case-insensitive), nearest first, ties in
 * candidate order: those containing it, or within a third of its length (at least 2) and at
 * most one edit further than the best.
 */
export function suggest(word: string, candidates: readonly string[], limit = 3): string[] {
  const w = word.toLowerCase();
  const scored = candidates.map((c, i) => ({
    c,
    i,
    d: c.toLowerCase().includes(w) && w.length >= 3 ? 0.5 : editDistance(w, c.toLowerCase()),
  }));
  const best = Math.min(...scored.map((x) => x.d));
  const bound = Math.min(Math.max(2, Math.floor(w.length / 3)), Math.floor(best) + 1);
  return scored
    .filter((x) => x.d <= bound)
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .slice(0, limit)
    .map((x) => x.c);
}

/** `; did you mean "a" or "b"?`, or an empty string when nothing is close. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const near = suggest(word, candidates);
  if (near.length === 0) return '';
  const quoted = near.map((n) => `"${n}"`);
  const list = quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]!}`;
  return `; did you mean ${list}?`;
}
