// Parse phase: a `guard:` mapping → GuardAst (language.md §11). Values are checked at their own
// key; `timeout` and `max_time` together are GUMP224, reported at the `guard:` key (§19).

import type { Collector } from '../diagnostics/diagnostic.js';
import type { GuardAst, KeyInfo } from './ast.js';
import { checkDuration, checkValue, keyInfo } from './build-values.js';
import { reportStrayKey } from './key-placement.js';
import type { LMap } from './located.js';
import { boolean, GUARD_KEYS, positiveInteger, positiveNumber } from './schema.js';

export function buildGuard(guardKey: KeyInfo, map: LMap, out: Collector): GuardAst {
  const guard: GuardAst = { span: map.span };
  const timeKeys = map.pairs.filter((p) => p.key.value === 'max_time' || p.key.value === 'timeout');
  if (timeKeys.length > 1) out.report('GUMP224', guardKey.keySpan);
  map.pairs.forEach((_, i) => {
    const k = keyInfo(map, i, guardKey.place);
    switch (k.name) {
      case 'max_turns': {
        const f = checkValue(positiveInteger, k, 'GUMP205', out, { limit: 1 });
        if (f) guard.maxTurns = f;
        return;
      }
      case 'max_tokens': {
        const f = checkValue(positiveInteger, k, 'GUMP205', out, { limit: 1 });
        if (f) guard.maxTokens = f;
        return;
      }
      case 'max_time':
      case 'timeout': {
        // With both keys present (GUMP224) the values are still checked; the first valid one is kept.
        const f = checkDuration(k, out);
        if (f && !guard.maxTime) guard.maxTime = f;
        return;
      }
      case 'max_budget': {
        const f = checkValue(positiveNumber, k, 'GUMP204', out);
        if (f) guard.maxBudget = f;
        return;
      }
      case 'no_write': {
        const f = checkValue(boolean, k, 'GUMP209', out);
        if (f) guard.noWrite = f;
        return;
      }
      default:
        reportStrayKey(k, 'guard', GUARD_KEYS, out);
    }
  });
  return guard;
}
