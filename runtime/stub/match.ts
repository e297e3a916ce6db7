// Stub rule selection (language.md §21): step-path globs (`*` = one segment, `**` = any number of
// segments, zero included, matched against the whole path) and the first-match-wins rule lookup.
import { defaultResponse, type StubResponse, type StubScript } from './types.js';

/** Why a `match` glob is malformed, or undefined when it is valid. */
export function globProblem(glob: string): string | undefined {
  if (glob === '') return 'must not be empty';
  for (const seg of glob.split('/')) {
    if (seg === '') return `"${glob}" has an empty path segment`;
    if (seg.includes('*') && seg !== '*' && seg !== '**') {
      return `"${glob}": "*" and "**" must be whole path segments (got "${seg}")`;
    }
  }
  return undefined;
}

/** Does the glob match the whole step path? Segments are split on `/`. */
export function matchStepPath(glob: string, stepPath: string): boolean {
  const g = glob.split('/');
  const p = stepPath.split('/');
  const memo = new Map<number, boolean>();
  const at = (i: number, j: number): boolean => {
    const key = i * (p.length + 1) + j;
    const seen = memo.get(key);
    if (seen !== undefined) return seen;
    let ok: boolean;
    if (i === g.length) ok = j === p.length;
    else if (g[i] === '**') ok = at(i + 1, j) || (j < p.length && at(i, j + 1));
    else ok = j < p.length && (g[i] === '*' || g[i] === p[j]) && at(i + 1, j + 1);
    memo.set(key, ok);
    return ok;
  };
  return at(0, 0);
}

export interface StubSelection {
  response: StubResponse;
  /** Index of the winning rule in the script; undefined: no rule matched (default response). */
  rule?: number;
  /** Index of the `attempts` entry used. */
  entry?: number;
}

/**
 * The response for the `invocation`-th (1-based, as in the session id `stub-<step-path>-<n>`)
 * invocation of `stepPath` by `effectiveAgent`. Rules are tried in file order; beyond a rule's
 * list the last entry is reused; no matching rule gives the default response.
 */
export function selectResponse(
  script: StubScript,
  stepPath: string,
  effectiveAgent: string,
  invocation: number,
): StubSelection {
  for (const rule of script.rules) {
    if (!matchStepPath(rule.match, stepPath)) continue;
    if (rule.agent !== undefined && rule.agent !== effectiveAgent) continue;
    const wanted = Number.isInteger(invocation) && invocation > 1 ? invocation - 1 : 0;
    const entry = Math.min(wanted, rule.attempts.length - 1);
    return { response: rule.attempts[entry]!, rule: rule.index, entry };
  }
  return { response: defaultResponse() };
}
