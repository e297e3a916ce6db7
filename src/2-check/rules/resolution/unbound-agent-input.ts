// Rule (language.md §7.1, GUMP129): a callee input that the callee renders into an `agent` field
// must be bound by the caller, for every kind of reference; reported at the gate or retry entry,
// or at the `workflow` key of the call or `get:` block.

import { calleeFor, refKind } from '../../resolve-ref.js';
import type { Rule } from '../../rule.js';
import { collectReferences, type RefSite } from '../../references.js';

export const unboundAgentInput: Rule = {
  name: 'unbound-agent-input',
  check(ctx) {
    for (const ref of collectReferences(ctx.wf)) {
      const callee = calleeFor(ctx.wf, ref.ref, refKind(ref.ref, ref.use))?.checked;
      if (!callee) continue;
      const bound = new Set(ref.inputs.map((i) => i.name));
      for (const name of callee.agentInputs) {
        if (bound.has(name)) continue;
        ctx.out.report('GUMP129', ref.bindSpan, { name, callee: ref.ref }, { hint: bindHint(ref.site, name) });
      }
    }
  },
};

function bindHint(site: RefSite, name: string): string {
  switch (site) {
    case 'gate':
      return `add "${name}: <agent>" beside "validate:", e.g. ${name}: claude-opus`;
    case 'get':
      return `add "${name}: <agent>" to the get: block, e.g. ${name}: claude-opus`;
    default:
      return `bind it under with:, e.g. with: { ${name}: claude-opus }`;
  }
}
