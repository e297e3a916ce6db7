// The field catalogue of language.md §15.2 (protocol/state-keys.ts) is what the runtime writes: a
// stub run with one step of every kind, and each step's written fields compared with the catalogue
// the check phase uses for GUMP105 — so a template can read exactly what a run produces.

import { describe, expect, it } from 'vitest';
import {
  AGENT_FIELDS,
  CALL_FIELDS,
  GATE_ONLY_FIELDS,
  GET_FIELDS,
  GATE_RESULT_FIELDS,
  GROUP_FIELDS,
  PASS_FIELDS,
  VALIDATE_FIELDS,
} from '../../../protocol/state-keys.js';
import { runScenario } from '../scenario/harness.js';

const HELPER = `name: helper
steps:
  - name: work
    type: code
    agent: claude-haiku
    prompt: "Work"
`;

const WORKFLOW = `name: fields
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile]
  - name: review
    type: validate
    agent: claude-opus
    prompt: "Review {impl.diff}"
  - name: check
    gate: [compile]
  - name: skip
    type: code
    agent: pass
    gate: [compile]
  - name: setup
    workflow: helper
  - name: both
    parallel: true
    steps:
      - name: a
        type: code
        agent: claude-haiku
        prompt: "A"
      - name: b
        type: code
        agent: claude-haiku
        prompt: "B"
  - name: plan
    type: split
    agent: claude-sonnet
    prompt: "Plan"
    each:
      - name: t
        type: code
        agent: claude-haiku
        prompt: "Do {task.name}"
`;

/** Fields written under `<path>.` (not those of nested paths), gate results apart. */
function fieldsOf(values: Record<string, string>, path: string): { plain: string[]; gate: string[] } {
  const fields = Object.keys(values)
    .filter((k) => k.startsWith(`${path}.`))
    .map((k) => k.slice(path.length + 1));
  return {
    plain: fields.filter((f) => !f.startsWith('gate.')).sort(),
    gate: fields
      .filter((f) => f.startsWith('gate.'))
      .map((f) => f.split('.').slice(2).join('.'))
      .filter((f) => f !== ''),
  };
}

const sorted = (list: readonly string[]): string[] => [...list].sort();

describe('§15.2 field catalogue', () => {
  it('every kind of step writes exactly the fields the checker lets templates read', async () => {
    const r = await runScenario({
      workflow: WORKFLOW,
      files: { '.gump/workflows/helper.yaml': HELPER },
      stub: `version: 1
rules:
  - match: plan
    plan: [ { name: t1, description: "one" } ]
  - match: review
    validate: { pass: true, comments: "fine" }
`,
    });
    expect(r.code).toBe(0);
    const v = r.state.values;
    const expected: Record<string, readonly string[]> = {
      impl: AGENT_FIELDS,
      review: VALIDATE_FIELDS,
      check: GATE_ONLY_FIELDS,
      skip: PASS_FIELDS,
      both: GROUP_FIELDS,
      'both/a': AGENT_FIELDS,
      plan: AGENT_FIELDS,
      'plan/t1/t': AGENT_FIELDS,
      'setup/work': AGENT_FIELDS,
      setup: CALL_FIELDS,
    };
    for (const [path, fields] of Object.entries(expected))
      expect(fieldsOf(v, path).plain, path).toEqual(sorted(fields));
    for (const path of ['impl', 'check', 'skip']) {
      for (const f of fieldsOf(v, path).gate)
        expect(GATE_RESULT_FIELDS as readonly string[], `${path}.gate.compile.${f}`).toContain(f);
    }
    expect(v['impl.gate.compile']).toBe('true');
    // A call's cost source is its callee's: one agent step, whose stub cost is estimated.
    expect([v['setup/work.cost_source'], v['setup.cost_source']]).toEqual(['estimated', 'estimated']);
  });

  it('a GET pseudo-step and a validator gate write the catalogue fields too', async () => {
    const r = await runScenario({
      workflow: `name: fetched
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    get:
      workflow: research
      query: "how"
      prompt: "Using {research.output}, implement {spec}"
    gate:
      - validate: validators/arch-review
`,
      files: {
        '.gump/workflows/research.yaml':
          'name: research\nsteps:\n  - name: find\n    type: artifact\n    agent: claude-haiku\n    prompt: "Find {query}"\n',
        '.gump/validators/arch-review.yaml':
          'name: arch-review\nsteps:\n  - name: review\n    type: validate\n    agent: claude-opus\n    prompt: "Review {diff}"\n',
      },
      stub: `version: 1
rules:
  - match: impl/get/research/find
    artifact: "notes"
  - match: impl
    write: { "a.txt": "x" }
  - match: "impl/gate/**"
    validate: { pass: true, comments: "fine" }
`,
    });
    expect(r.code).toBe(0);
    const v = r.state.values;
    const expected: Record<string, readonly string[]> = {
      impl: AGENT_FIELDS,
      'impl/get/research': GET_FIELDS,
      'impl/get/research/find': AGENT_FIELDS,
      'impl/gate/review/review': VALIDATE_FIELDS,
    };
    for (const [path, fields] of Object.entries(expected))
      expect(fieldsOf(v, path).plain, path).toEqual(sorted(fields));
    // A validator gate's results: its verdict and every result field of §8.5.
    expect(fieldsOf(v, 'impl').gate.sort()).toEqual(['comments', 'pass']);
    for (const f of fieldsOf(v, 'impl').gate) expect(GATE_RESULT_FIELDS as readonly string[]).toContain(f);
    expect([v['impl.gate.review'], v['impl.gate.review.pass'], v['impl/get/research.output']]).toEqual([
      'true',
      'true',
      'notes',
    ]);
  });
});
