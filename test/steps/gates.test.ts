// Step rules: gates, pass steps, HITL and worktree (language.md §8, §12, §13; locations per §19).

import { describe, expect, it } from 'vitest';
import { checkText, codesAt } from '../helpers/check.js';

const at = (yaml: string) => codesAt(checkText(yaml));

describe('GUMP324 schema gate vs type', () => {
  it('reports schema on code, schema: plan on validate, schema: review on split at the entry', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: code
    agent: claude-opus
    prompt: "Do {spec}"
    gate:
      - compile
      - schema
  - name: b
    type: validate
    agent: claude-opus
    prompt: "Review {spec}"
    gate: ["schema: plan"]
  - name: c
    type: split
    agent: claude-opus
    prompt: "Plan {spec}"
    gate: [{ schema: review }]
    each:
      - name: q
        gate: [compile]
`),
    ).toEqual(['GUMP324@9:9', 'GUMP324@14:12', 'GUMP324@19:12']);
  });
  it('reports bare schema on a gate-only step, accepts the matching forms', () => {
    expect(
      at(`name: w
steps:
  - name: plan
    type: split
    agent: claude-opus
    prompt: "Plan {spec}"
    gate: [schema, "schema: plan"]
    each:
      - name: r
        type: validate
        agent: claude-opus
        prompt: "Review {task.description}"
        gate: [schema, "schema: review"]
  - name: q
    gate: [schema]
`),
    ).toEqual(['GUMP324@15:12']);
  });
});

describe('GUMP125 duplicate gate names', () => {
  it('reports the later of two validators deriving the same name', () => {
    const files = {
      '.gump/validators/arch-review.yaml':
        'name: a\nsteps:\n  - name: v\n    type: validate\n    agent: claude-opus\n    prompt: "Review {diff}"\n',
      '.gump/validators/sec-review.yaml':
        'name: s\nsteps:\n  - name: v\n    type: validate\n    agent: claude-opus\n    prompt: "Review {diff}"\n',
    };
    expect(
      codesAt(
        checkText(
          `name: w
steps:
  - name: a
    type: code
    agent: claude-opus
    prompt: "Do {spec}"
    gate:
      - validate: validators/arch-review
      - validate: validators/sec-review
`,
          files,
        ),
      ),
    ).toEqual(['GUMP125@9:9']);
  });
  it('accepts repeated bare types (compile, compile_1)', () => {
    expect(
      at(`name: w
steps:
  - name: q
    gate: [compile, compile, "bash: make x"]
`),
    ).toEqual([]);
  });
});

describe('GUMP512, GUMP513 pass steps', () => {
  it('warns every no-effect key at its key', () => {
    expect(
      at(`name: w
steps:
  - name: p
    type: code
    agent: pass
    prompt: "ignored"
    worktree: read-only
    guard: { max_turns: 3 }
    gate: [compile]
`),
    ).toEqual(['GUMP512@6:5', 'GUMP512@7:5', 'GUMP512@8:5']);
  });
  it('warns a pass step without gates at the step', () => {
    expect(
      at(`name: w
steps:
  - name: p
    type: code
    agent: pass
  - name: q
    type: code
    agent: pass
    gate: []
`),
    ).toEqual(['GUMP513@3:5', 'GUMP513@6:5']);
  });
});

describe('GUMP518 hitl without gates', () => {
  it('warns true and before_gate at the hitl key, not after_gate', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: code
    agent: claude-opus
    prompt: "Do {spec}"
    hitl: true
  - name: b
    type: code
    prompt: "Do {spec}"
    run: { agent: claude-opus, hitl: before_gate }
  - name: c
    type: code
    agent: claude-opus
    prompt: "Do {spec}"
    hitl: after_gate
`),
    ).toEqual(['GUMP518@7:5', 'GUMP518@11:32']);
  });
  it('accepts hitl before the gates of a pass step', () => {
    expect(
      at(`name: w
steps:
  - name: approve
    type: code
    agent: pass
    hitl: true
    gate: [compile]
`),
    ).toEqual([]);
  });
});

describe('GUMP322, GUMP323 worktree', () => {
  it('reports worktree: none on code and artifact at the key, accepts it on validate', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: code
    agent: claude-opus
    prompt: "Do {spec}"
    worktree: none
  - name: b
    type: artifact
    agent: claude-opus
    get: { prompt: "Write {spec}", worktree: none }
  - name: c
    type: validate
    agent: claude-opus
    prompt: "Review {spec}"
    worktree: none
`),
    ).toEqual(['GUMP322@7:5', 'GUMP322@11:36']);
  });
  it('reports read-only with no_write: false at the step', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: validate
    agent: claude-opus
    prompt: "Review {spec}"
    worktree: read-only
    guard:
      no_write: false
  - name: b
    type: validate
    agent: claude-opus
    prompt: "Review {spec}"
    worktree: read-only
    guard:
      no_write: true
`),
    ).toEqual(['GUMP323@3:5']);
  });
});
