// Input bindings (language.md §7.1, §14.6): GUMP122 unknown input keys and GUMP129 unbound agent
// inputs, for calls, GET workflows, validator gates and retry validators.

import { describe, expect, it } from 'vitest';
import { checkText, codes, codesAt } from '../helpers/check.js';

const wf = (steps: string, name = 'add-login'): string => `name: ${name}\nsteps:\n${steps}`;
const SETUP = wf(
  `  - name: install
    type: code
    agent: claude-haiku
    prompt: "Prepare the {environment} configuration needed for {spec}"
    gate: [compile]
`,
  'setup-env',
);
/** A validator whose agent is its `reviewer` input. */
const JUDGE = wf(
  `  - name: review
    type: validate
    agent: "{reviewer}"
    prompt: "Review {diff} for {focus}"
`,
  'judge',
);
const files = {
  '.gump/workflows/setup-env.yaml': SETUP,
  '.gump/validators/judge.yaml': JUDGE,
  '.gump/workflows/judge.yaml': JUDGE,
};

describe('GUMP122 unknown-input', () => {
  it('reports unknown keys of with:, GET inputs, gate inputs and retry with: at the key', () => {
    const d = checkText(
      wf(`  - name: setup
    workflow: setup-env
    with:
      enviroment: staging
      spec: "{spec}"
  - name: impl
    type: code
    agent: claude-sonnet
    get:
      workflow: setup-env
      environment: prod
      region: eu
      prompt: "Implement {spec}"
    gate:
      - validate: validators/judge
        reviewer: claude-opus
        focus: security
        severity: high
    retry:
      - validate: validators/judge
        with: { reviewer: claude-opus, diff: "{diff}", depth: 2 }
      - exit: 3
`),
      files,
    );
    expect(codesAt(d)).toEqual(['GUMP122@6:7', 'GUMP122@14:7', 'GUMP122@20:9', 'GUMP122@23:56']);
    expect(d[0]?.hint).toMatch(/^did you mean "environment"\?/);
  });

  it('always accepts spec, and diff for a validator-shaped callee only', () => {
    const d = checkText(
      wf(`  - name: setup
    workflow: setup-env
    with: { environment: x, spec: y, diff: z }
  - name: judge
    workflow: judge
    with: { reviewer: claude-opus, diff: z, spec: y }
`),
      files,
    );
    expect(codesAt(d)).toEqual(['GUMP122@5:38']);
  });

  it('accepts the documented inputs of the built-in arch-review validator', () => {
    const d = checkText(
      wf(`  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - compile
      - validate: validators/arch-review
        agent: claude-opus
        diff: "{diff}"
        spec: "{spec}"
`),
    );
    expect(codes(d)).toEqual([]);
  });
});

describe('GUMP129 unbound-agent-input', () => {
  it('reports at the gate entry, the retry entry, and the workflow key of a call or get: block', () => {
    const d = checkText(
      wf(`  - name: impl
    type: code
    agent: claude-sonnet
    get:
      workflow: validators/judge
      focus: style
      prompt: "Implement {spec}"
    gate:
      - compile
      - "validate: validators/judge"
  - name: again
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - validate: validators/judge
        focus: style
    retry:
      - attempt: 2
        agent: claude-opus
      - validate: validators/judge
        with: { focus: x }
      - exit: 3
  - name: call
    workflow: judge
`),
      files,
    );
    expect(codesAt(d)).toEqual(['GUMP129@7:7', 'GUMP129@12:9', 'GUMP129@18:9', 'GUMP129@23:9', 'GUMP129@27:5']);
  });

  it('is satisfied by any binding of the input', () => {
    const d = checkText(
      wf(`  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - validate: validators/judge
        reviewer: "{model}"
`),
      files,
    );
    expect(codes(d)).toEqual([]);
  });

  it('reports validators/arch-review without agent', () => {
    const d = checkText(
      wf(`  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - compile
      - "validate: validators/arch-review"
`),
    );
    expect(codesAt(d)).toEqual(['GUMP129@9:9']);
    expect(d[0]?.message).toContain('"agent"');
  });
});
