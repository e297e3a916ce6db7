// `gump fix --dry-run`, pure: a shortest edit script between two line lists (Myers' O(ND)
// algorithm), after trimming the common prefix and suffix. Fix diffs are small; past
// MAX_EDIT_DISTANCE the middle is reported as replaced wholesale (still a correct diff).

export interface DiffOp {
  kind: 'equal' | 'delete' | 'insert';
  line: string;
}

export const MAX_EDIT_DISTANCE = 4000;

export function diffLines(a: readonly string[], b: readonly string[]): DiffOp[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const equal = (lines: readonly string[]): DiffOp[] => lines.map((line) => ({ kind: 'equal', line }));
  return [
    ...equal(a.slice(0, pre)),
    ...middle(a.slice(pre, a.length - suf), b.slice(pre, b.length - suf)),
    ...equal(a.slice(a.length - suf)),
  ];
}

function middle(a: readonly string[], b: readonly string[]): DiffOp[] {
  const replaced = (): DiffOp[] => [
    ...a.map((line): DiffOp => ({ kind: 'delete', line })),
    ...b.map((line): DiffOp => ({ kind: 'insert', line })),
  ];
  if (a.length === 0 || b.length === 0) return replaced();
  const trace = forward(a, b);
  return trace ? backtrack(trace, a, b) : replaced();
}

/** Snapshot of the furthest-reaching x per diagonal k, for k in [-d-1, d+1], before round d. */
interface Round {
  d: number;
  xs: Int32Array;
}

const at = (r: Round, k: number): number => r.xs[k + r.d + 1]!;

function forward(a: readonly string[], b: readonly string[]): Round[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Round[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push({ d, xs: v.slice(off - d - 1, off + d + 2) });
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return trace;
    }
  }
  return undefined;
}

function backtrack(trace: Round[], a: readonly string[], b: readonly string[]): DiffOp[] {
  const ops: DiffOp[] = [];
  let x = a.length;
  let y = b.length;
  for (let i = trace.length - 1; i >= 0; i--) {
    const r = trace[i]!;
    const d = r.d;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(r, k - 1) < at(r, k + 1)) ? k + 1 : k - 1;
    const prevX = at(r, prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: 'equal', line: a[--x]! });
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: 'insert', line: b[--y]! });
      else ops.push({ kind: 'delete', line: a[--x]! });
    }
  }
  return ops.reverse();
}
