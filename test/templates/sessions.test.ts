// Sessions (language.md §10): GUMP114–117 and GUMP517, at the `from` key.

import { describe, expect, it } from 'vitest';
import { checkAt as check } from './at.js';

describe('session.from', () => {
  it('accepts an earlier agent step of the same scope, flow and block form', () => {
    expect(
      check(`name: w
steps:
  - name: tests
    type: code
    agent: claude-haiku
    prompt: "{spec}"
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "{spec}"
    session: { from: tests }
  - name: more
    type: code
    get:
      prompt: "{spec}"
      session:
        from: impl
    run:
      agent: claude-opus
`),
    ).toEqual([]);
  });

  it('GUMP114 unknown, GUMP115 itself, GUMP116 later / other scope / parallel sibling, GUMP117 not an agent', () => {
    expect(
      check(`name: w
steps:
  - name: quality
    gate: [compile]
  - name: a
    type: code
    agent: claude-sonnet
    prompt: "{spec}"
    session: { from: nothing }
  - name: b
    type: code
    agent: claude-sonnet
    prompt: "{spec}"
    session: { from: b }
  - name: c
    type: code
    agent: claude-sonnet
    prompt: "{spec}"
    session:
      from: d
  - name: d
    type: code
    agent: claude-sonnet
    prompt: "{spec}"
    session: { from: quality }
  - name: g
    parallel: true
    steps:
      - name: x
        type: code
        agent: claude-sonnet
        prompt: "{spec}"
      - name: y
        type: code
        agent: claude-sonnet
        prompt: "{spec}"
        session: { from: x }
      - name: z
        type: code
        agent: claude-sonnet
        prompt: "{spec}"
        session: { from: a }
`),
    ).toEqual(['GUMP114@9:16', 'GUMP115@14:16', 'GUMP116@20:7', 'GUMP117@25:16', 'GUMP116@37:20', 'GUMP116@42:20']);
  });

  it('GUMP116: a step of another task scope; GUMP117 on pass, group and call targets', () => {
    expect(
      check(`name: w
steps:
  - name: setup
    workflow: freeform
  - name: fixer
    type: code
    agent: pass
    gate: [compile]
  - name: g
    parallel: true
    steps:
      - name: x
        type: code
        agent: claude-sonnet
        prompt: "{spec}"
  - name: a
    type: code
    agent: claude-sonnet
    prompt: "{spec}"
    session: { from: setup }
  - name: b
    type: code
    agent: claude-sonnet
    prompt: "{spec}"
    session: { from: fixer }
  - name: c
    type: code
    agent: claude-sonnet
    prompt: "{spec}"
    session: { from: g }
  - name: d
    type: code
    agent: claude-sonnet
    prompt: "{spec}"
    session: { from: x }
`),
    ).toEqual(['GUMP117@20:16', 'GUMP117@25:16', 'GUMP117@30:16', 'GUMP116@35:16']);
  });

  it('GUMP517: both agents literal with different providers; templates are not checked', () => {
    expect(
      check(`name: w
steps:
  - name: a
    type: code
    agent: claude-sonnet
    prompt: "{spec}"
  - name: b
    type: code
    agent: codex-gpt54
    prompt: "{spec}"
    session: { from: a }
  - name: c
    type: code
    agent: "{a.agent}"
    prompt: "{spec}"
    session: { from: b }
  - name: d
    type: code
    agent: claude-opus
    prompt: "{spec}"
    session: { from: a }
`),
    ).toEqual(['GUMP517@11:16']);
  });
});
