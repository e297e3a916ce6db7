// GUMP316, GUMP317 (language.md §9.1): a retry list has exactly one `exit` entry. None is reported
// at the `retry` key; every further exit entry at that entry ("the last one wins" never applies).

import type { RetryAst } from '../../../1-parse/ast.js';
import type { Rule } from '../../rule.js';
import { listLength, takesRetry } from './step-facts.js';

export function isExitEntry(entry: RetryAst): boolean {
  return entry.conditionKeys.length === 1 && entry.conditionKeys[0]!.name === 'exit';
}

export const retryExitCount: Rule = {
  name: 'retry-exit-count',
  check({ wf, out }) {
    for (const s of wf.steps) {
      const retry = s.ast.retry;
      if (!retry || !takesRetry(s.kind)) continue;
      const withExitKey = retry.value.filter((e) => e.conditionKeys.some((k) => k.name === 'exit'));
      // An entry the parser dropped (not a mapping) may have been meant as the exit entry.
      const complete = listLength(retry.key) === retry.value.length;
      if (withExitKey.length === 0 && complete) out.report('GUMP316', retry.key.keySpan);
      const exits = retry.value.filter(isExitEntry);
      for (const extra of exits.slice(1)) out.report('GUMP317', extra.span, { count: exits.length });
    }
  },
};
