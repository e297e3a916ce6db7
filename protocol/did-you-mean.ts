// Shared protocol: "did you mean" for unknown names — the one edit distance, and the nearest
// candidate within two edits. Used by the parse and check phases, the CLI and the runtime's stub
// scripts, so every "did you mean" agrees. Imports nothing.

/** Levenshtein distance (short strings: names and keys). */
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

/** The candidate within edit distance 2 of `word`, case-insensitive (the first of the closest), or undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  const w = word.toLowerCase();
  for (const c of candidates) {
    // Lengths further apart than 2 are at least 3 edits apart.
    if (Math.abs(w.length - c.length) > 2) continue;
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
