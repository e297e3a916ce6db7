// Step rules: names, kinds and key legality per kind (language.md §3, §4.2; locations per §19).

import { describe, expect, it } from 'vitest';
import { checkText, codesAt } from '../helpers/check.js';

const at = (yaml: string) => codesAt(checkText(yaml));

describe('GUMP101 duplicate step names', () => {
  it('reports the second occurrence at its name key, per scope', () => {
    expect(
      at(`name: w
steps:
  - name: a
    gate: [compile]
  - name: a
    gate: [test]
  - name: g
    parallel: true
    steps:
      - name: a
        gate: [compile]
      - name: b
        gate: [compile]
      - name: b
        gate: [test]
`),
    ).toEqual(['GUMP101@5:5', 'GUMP101@14:9']);
  });
  it('accepts the same name in different scopes', () => {
    expect(
      at(`name: w
steps:
  - name: a
    gate: [compile]
  - name: g
    parallel: true
    steps:
      - name: a
        gate: [compile]
`),
    ).toEqual([]);
  });
});

describe('GUMP301 missing type', () => {
  it('reports a step with agent-phase keys and no type at the step, hinting by keys', () => {
    const d = checkText(`name: w
steps:
  - name: impl
    agent: claude-sonnet
    prompt: "Implement {spec}"
  - name: plan
    agent: claude-opus
    prompt: "Plan {spec}"
    each:
      - name: x
        gate: [compile]
`);
    expect(codesAt(d)).toEqual(['GUMP301@3:5', 'GUMP301@6:5']);
    expect(d[0]!.hint).toContain('type: code');
    expect(d[1]!.hint).toContain('type: split');
  });
  it('does not cascade on an invalid type value', () => {
    expect(
      at(`name: w
steps:
  - name: impl
    type: coding
    prompt: "Implement {spec}"
    parallel: true
`),
    ).toEqual(['GUMP201@4:5']);
  });
  it('classifies a step with only name and gate as gate-only', () => {
    expect(
      at(`name: w
steps:
  - name: q
    gate: [compile]
`),
    ).toEqual([]);
  });
});

describe('GUMP302 split without each', () => {
  it('reports missing and empty each at the step', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: split
    agent: claude-opus
    prompt: "Plan {spec}"
  - name: b
    type: split
    agent: claude-opus
    prompt: "Plan {spec}"
    each: []
`),
    ).toEqual(['GUMP302@3:5', 'GUMP302@7:5']);
  });
});

describe('GUMP303, GUMP306 each misplaced', () => {
  it('reports each on a code step and on a call at the step, GUMP306 on a group', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: code
    agent: claude-opus
    prompt: "Do {spec}"
    each:
      - name: x
        gate: [compile]
  - name: g
    parallel: true
    steps:
      - name: y
        gate: [compile]
    each:
      - name: z
        gate: [compile]
`),
    ).toEqual(['GUMP303@3:5', 'GUMP306@10:5']);
  });
});

describe('GUMP304, GUMP330 groups', () => {
  it('requires parallel: true on a group, reported at the step', () => {
    expect(
      at(`name: w
steps:
  - name: g
    steps:
      - name: y
        gate: [compile]
  - name: h
    parallel: false
    steps:
      - name: y
        gate: [compile]
`),
    ).toEqual(['GUMP304@3:5', 'GUMP304@7:5']);
  });
  it('accepts parallel: true and reports an empty steps list at its key', () => {
    expect(
      at(`name: w
steps:
  - name: g
    parallel: true
    steps: []
`),
    ).toEqual(['GUMP330@5:5']);
  });
  it('does not add GUMP304 to an invalid parallel value', () => {
    expect(
      at(`name: w
steps:
  - name: g
    parallel: "yes"
    steps:
      - name: y
        gate: [compile]
`),
    ).toEqual(['GUMP209@4:5']);
  });
});

describe('GUMP305 parallel not allowed', () => {
  it('reports at the step on a typed step, at the key on a gate-only step', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: code
    agent: claude-opus
    prompt: "Do {spec}"
    parallel: true
  - name: q
    gate: [compile]
    parallel: false
`),
    ).toEqual(['GUMP305@3:5', 'GUMP305@10:5']);
  });
  it('accepts parallel on a split', () => {
    expect(
      at(`name: w
steps:
  - name: plan
    type: split
    parallel: true
    agent: claude-opus
    prompt: "Plan {spec}"
    each:
      - name: q
        gate: [compile]
`),
    ).toEqual([]);
  });
});

describe('GUMP307, GUMP308, GUMP310 composite keys', () => {
  it('reports agent-phase keys on a group at the step, once per key', () => {
    expect(
      at(`name: w
steps:
  - name: g
    parallel: true
    type: code
    prompt: "x"
    steps:
      - name: y
        gate: [compile]
`),
    ).toEqual(['GUMP307@3:5', 'GUMP307@3:5']);
  });
  it('reports agent on a call as GUMP308, blocks as GUMP310, flat settings as GUMP307', () => {
    const files = { '.gump/workflows/setup.yaml': 'name: setup\nsteps:\n  - name: q\n    gate: [compile]\n' };
    expect(
      codesAt(
        checkText(
          `name: w
steps:
  - name: a
    workflow: setup
    agent: claude-opus
  - name: b
    workflow: setup
    guard: { max_turns: 3 }
  - name: c
    workflow: setup
    run: { agent: claude-opus }
`,
          files,
        ),
      ),
    ).toEqual(['GUMP308@3:5', 'GUMP307@6:5', 'GUMP310@9:5']);
  });
});

describe('GUMP309 with without workflow', () => {
  it('reports at the step on a typed step, at the key on a gate-only step', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: code
    agent: claude-opus
    prompt: "Do {spec}"
    with: { x: "1" }
  - name: q
    gate: [compile]
    with: { x: "1" }
`),
    ).toEqual(['GUMP309@3:5', 'GUMP309@10:5']);
  });
});

describe('GUMP311, GUMP312 gate-only steps', () => {
  it('reports a missing gate at the step and an empty list at the key', () => {
    expect(
      at(`name: w
steps:
  - name: a
  - name: b
    gate: []
`),
    ).toEqual(['GUMP311@3:5', 'GUMP311@5:5']);
  });
  it('reports retry on a gate-only step at the key', () => {
    const d = checkText(`name: w
steps:
  - name: q
    gate: [compile]
    retry:
      - exit: 2
`);
    expect(codesAt(d)).toEqual(['GUMP312@5:5']);
    expect(d[0]!.hint).toContain('agent: pass');
  });
});

describe('GUMP313, GUMP314, GUMP331 prompt and agent', () => {
  it('reports prompt without agent as GUMP313 only', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: code
    prompt: "Do {spec}"
    gate: [compile]
`),
    ).toEqual(['GUMP313@3:5']);
  });
  it('reports agent without prompt as GUMP314', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: validate
    agent: claude-opus
`),
    ).toEqual(['GUMP314@3:5']);
  });
  it('reports neither agent nor prompt as GUMP314 and GUMP331', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: artifact
    gate: [compile]
`),
    ).toEqual(['GUMP314@3:5', 'GUMP331@3:5']);
  });
  it('counts keys written in get:/run: blocks', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: code
    get: { prompt: "Do {spec}" }
    run: { agent: claude-opus }
`),
    ).toEqual([]);
  });
});

describe('GUMP315 pass not code', () => {
  it('reports agent: pass on a validate step at the step, without GUMP314', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: validate
    agent: pass
    gate: [compile]
`),
    ).toEqual(['GUMP315@3:5']);
  });
  it('accepts a pass code step with gates', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: code
    agent: pass
    gate: [compile]
    retry:
      - exit: 2
`),
    ).toEqual([]);
  });
});

describe('GUMP325, GUMP326, GUMP327 composites and gate-only', () => {
  const files = { '.gump/workflows/setup.yaml': 'name: setup\nsteps:\n  - name: q\n    gate: [compile]\n' };
  it('reports gate, retry and hitl on a call at the step', () => {
    expect(
      codesAt(
        checkText(
          `name: w
steps:
  - name: a
    workflow: setup
    gate: [compile]
    retry:
      - exit: 2
    hitl: true
`,
          files,
        ),
      ),
    ).toEqual(['GUMP325@3:5', 'GUMP326@3:5', 'GUMP327@3:5']);
  });
  it('reports gate and hitl on a group at the step', () => {
    expect(
      at(`name: w
steps:
  - name: g
    parallel: true
    gate: [compile]
    hitl: after_gate
    steps:
      - name: y
        gate: [compile]
`),
    ).toEqual(['GUMP325@3:5', 'GUMP327@3:5']);
  });
  it('reports hitl on a gate-only step at the key', () => {
    expect(
      at(`name: w
steps:
  - name: q
    gate: [compile]
    hitl: after_gate
`),
    ).toEqual(['GUMP327@5:5']);
  });
});

describe('untyped steps', () => {
  it('get no legality cascade after an invalid type value', () => {
    expect(
      at(`name: w
steps:
  - name: a
    type: search
    agent: claude-opus
    with: { x: "1" }
    hitl: true
    gate: [schema]
    each:
      - name: q
        gate: [compile]
`),
    ).toEqual(['GUMP202@4:5']);
  });
});

describe('pass steps', () => {
  it('report worktree and guard settings as GUMP512 only', () => {
    expect(
      at(`name: w
steps:
  - name: p
    type: code
    agent: pass
    worktree: none
    guard: { no_write: false }
    gate: [compile]
`),
    ).toEqual(['GUMP512@6:5', 'GUMP512@7:5']);
  });
});
