// GUMP324 (language.md §8.2): `schema: plan` checks a split's plan, `schema: review` a validate
// verdict, bare `schema` the step's own contract; on any other kind (code, artifact, pass and
// gate-only steps have no contract) the gate entry is reported.

import type { GateAst } from '../../../1-parse/ast.js';
import type { Rule } from '../../rule.js';
import type { StepKind } from '../../model.js';

const CHECKED: readonly StepKind[] = ['code', 'split', 'validate', 'artifact', 'pass', 'gate-only'];

function applies(gate: GateAst, kind: StepKind): boolean {
  if (gate.arg === 'plan') return kind === 'split';
  if (gate.arg === 'review') return kind === 'validate';
  return kind === 'split' || kind === 'validate';
}

export const schemaGateTypeMismatch: Rule = {
  name: 'schema-gate-type-mismatch',
  check({ wf, out }) {
    for (const s of wf.steps) {
      if (!CHECKED.includes(s.kind)) continue;
      for (const gate of s.ast.gate?.value ?? []) {
        if (gate.type !== 'schema' || applies(gate, s.kind)) continue;
        const value = gate.arg === undefined ? '"schema"' : `"schema: ${gate.arg}"`;
        out.report('GUMP324', gate.span, { value, kind: s.kind });
      }
    }
  },
};
