// Parse phase: a key that is not legal in the mapping holding it (language.md §19.1). A key the
// language knows elsewhere is misplaced (GUMP009, hint: where it belongs); any other key is
// unknown (GUMP008, hint: the closest legal key, edit distance ≤ 2, else the legal keys).

import { closest } from '../../protocol/did-you-mean.js';
import type { Collector } from '../diagnostics/diagnostic.js';
import type { Span } from './located.js';

/** The kinds of mapping whose keys the language defines. */
export type Place = 'root' | 'step' | 'get' | 'run' | 'guard' | 'session' | 'retry' | 'context' | 'gate';

const HERE: Record<Place, string> = {
  root: 'the workflow root',
  step: 'a step',
  get: 'the get: block',
  run: 'the run: block',
  guard: 'guard:',
  session: 'session:',
  retry: 'a retry entry',
  context: 'a context entry',
  gate: 'a gate entry',
};

/** Mappings where a key known elsewhere is reported as misplaced rather than unknown. */
const MISPLACEABLE: readonly Place[] = ['root', 'step', 'get', 'run', 'guard'];

const ON_STEP = 'on the step itself';
const UNDER_GET = 'on the step, or under its get: block';
const UNDER_RUN = 'on the step, or under its run: block';
const UNDER_GUARD = 'under guard: (in the step or its run: block)';

/** Where each key of the language belongs. */
const HOME: Record<string, string> = {
  name: ON_STEP,
  type: ON_STEP,
  gate: ON_STEP,
  retry: ON_STEP,
  each: ON_STEP,
  parallel: ON_STEP,
  steps: ON_STEP,
  with: 'on a call step (beside workflow:)',
  workflow: 'on the step (a call) or under its get: block (a GET workflow)',
  get: ON_STEP,
  run: ON_STEP,
  prompt: UNDER_GET,
  context: UNDER_GET,
  worktree: UNDER_GET,
  session: UNDER_GET,
  agent: UNDER_RUN,
  guard: UNDER_RUN,
  hitl: UNDER_RUN,
  max_turns: UNDER_GUARD,
  max_time: UNDER_GUARD,
  timeout: UNDER_GUARD,
  no_write: UNDER_GUARD,
  max_budget: 'under guard: (per attempt) or at the workflow root (per run)',
  max_tokens: 'under guard: (per attempt) or at the workflow root (per run)',
  max_timeout: 'at the workflow root (the per-attempt limit is guard: max_time)',
  attempt: 'in a retry: entry',
  exit: 'in a retry: entry',
  not: 'in a retry: entry',
  from: 'under session: (session: { from: <step> })',
  compile: 'in a gate: entry',
  test: 'in a gate: entry',
  lint: 'in a gate: entry',
  coverage: 'in a gate: entry',
  tests_found: 'in a gate: entry',
  schema: 'in a gate: entry',
  touched: 'in a gate: entry',
  untouched: 'in a gate: entry',
  bash: 'in a gate: entry or a context: entry',
  file: 'in a context: entry, or as prompt: { file: <path> }',
};

export interface StrayKey {
  name: string;
  keySpan: Span;
}

/** Report a key that `place` does not allow; `legal` are the keys it does allow. */
export function reportStrayKey(key: StrayKey, place: Place, legal: readonly string[], out: Collector): void {
  const home = Object.hasOwn(HOME, key.name) ? HOME[key.name] : undefined;
  if (home !== undefined && MISPLACEABLE.includes(place) && !legal.includes(key.name)) {
    out.report(
      'GUMP009',
      key.keySpan,
      { key: key.name, where: HERE[place] },
      { hint: `"${key.name}" belongs ${home}` },
    );
    return;
  }
  const near = closest(key.name, legal);
  const hint =
    near !== undefined
      ? `did you mean "${near}"?`
      : legal.length <= 10
        ? `allowed keys: ${legal.join(', ')}`
        : undefined;
  out.report('GUMP008', key.keySpan, { key: key.name, where: HERE[place] }, hint === undefined ? {} : { hint });
}
