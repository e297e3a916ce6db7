// CLI: "did you mean" suggestions for an unknown command, code or library name.

/** Levenshtein distance (small strings only). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(up + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

/**
 * Up to `limit` candidates closest to `word` (case-insensitive), nearest first, ties in
 * candidate order: those containing it, or within a third of its length (at least 2) and at
 * most one edit further than the best.
 */
export function suggest(word: string, candidates: readonly string[], limit = 3): string[] {
  const w = word.toLowerCase();
  const scored = candidates.map((c, i) => ({ c, i, d: c.toLowerCase().includes(w) && w.length >= 3 ? 0.5 : editDistance(w, c.toLowerCase()) }));
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
