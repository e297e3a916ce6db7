// Rule (language.md §10): `session: { from: <step> }` names an existing step (GUMP114) other than
// the step itself (GUMP115), an earlier step of the same scope and never a parallel sibling
// (GUMP116), that runs an agent: not gate-only, call, group or pass (GUMP117).

import type { Span } from '../../../1-parse/located.js';
import { mapGet, isMap } from '../../../1-parse/located.js';
import type { StepInfo } from '../../model.js';
import type { Rule } from '../../rule.js';

const NO_SESSION = ['gate-only', 'call', 'group', 'pass'];

export const sessionTarget: Rule = {
  name: 'session-target',
  check(ctx) {
    for (const step of ctx.wf.steps) {
      const session = step.ast.session;
      if (session?.value.kind !== 'from') continue;
      const name = session.value.step;
      const span = fromKeySpan(step);
      if (name === step.name) {
        ctx.out.report('GUMP115', span, { name });
        continue;
      }
      const earlier = sessionCandidate(step, name);
      if (!earlier) {
        const exists = ctx.wf.steps.some((s) => s.name === name);
        ctx.out.report(exists ? 'GUMP116' : 'GUMP114', span, { name });
        continue;
      }
      if (NO_SESSION.includes(earlier.kind)) {
        ctx.out.report('GUMP117', span, { name, kind: earlier.kind === 'group' ? 'parallel group' : earlier.kind });
      }
    }
  },
};

/** The earlier step of the same sequential scope named `name` (§10), if any. */
export function sessionCandidate(step: StepInfo, name: string): StepInfo | undefined {
  if (step.scope.kind === 'group') return undefined;
  return step.scope.steps.find((s) => s.name === name && s.index < step.index);
}

/** Where session diagnostics go: the `from` key (a value error is reported at its key, §19). */
export function fromKeySpan(step: StepInfo): Span {
  const session = step.ast.session!;
  const node = session.key.value;
  return (isMap(node) ? mapGet(node, 'from')?.key.span : undefined) ?? session.key.keySpan;
}
