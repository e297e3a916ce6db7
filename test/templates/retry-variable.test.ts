// GUMP511 (language.md §14.5): attempt-describing placeholders in a step's own prompt, agent or
// context file path when the step has no retry loop; never in values bound to another workflow.

import { describe, expect, it } from 'vitest';
import { checkAt as check } from './at.js';

const step = (extra: string): string => `name: w
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: |
      Implement {spec}
      {error} {diff} {output} {attempt}
      {prev.diff} {gate.compile}
    gate: [compile]
${extra}`;

describe('GUMP511', () => {
  it('warns without retry, at each placeholder', () => {
    expect(check(step(''))).toEqual([
      'GUMP511@8:7 {error}',
      'GUMP511@8:15 {diff}',
      'GUMP511@8:22 {output}',
      'GUMP511@8:31 {attempt}',
      'GUMP511@9:7 {prev.diff}',
      'GUMP511@9:19 {gate.compile}',
    ]);
  });

  it('warns with exit: 1 (GUMP516 is another rule)', () => {
    expect(check(step('    retry:\n      - exit: 1\n'), {}, ['GUMP516'])).toEqual([
      'GUMP511@8:7 {error}',
      'GUMP511@8:15 {diff}',
      'GUMP511@8:22 {output}',
      'GUMP511@8:31 {attempt}',
      'GUMP511@9:7 {prev.diff}',
      'GUMP511@9:19 {gate.compile}',
    ]);
  });

  it('is silent with a retry loop', () => {
    expect(check(step('    retry:\n      - exit: 2\n'))).toEqual([]);
  });

  it('is silent when the retry list cannot be read (no exit)', () => {
    expect(check(step('    retry:\n      - attempt: 2\n        session: new\n'), {}, ['GUMP316'])).toEqual([]);
  });

  it('covers the agent and context file path, not bound values', () => {
    expect(
      check(`name: w
steps:
  - name: impl
    type: code
    agent: "{prev.agent}"
    prompt: "Implement {spec}"
    context:
      - file: "notes/{attempt}.md"
    gate:
      - validate: validators/arch-review
        agent: claude-opus
        diff: "{diff}"
        spec: "{error}"
`),
    ).toEqual(['GUMP511@5:13 {prev.agent}', 'GUMP511@8:22 {attempt}']);
  });

  it('{diff} is an input in a validator-shaped workflow', () => {
    expect(
      check(`name: v
steps:
  - name: review
    type: validate
    agent: claude-opus
    prompt: "Review {diff} against {spec}; {error}"
`),
    ).toEqual(['GUMP511@6:44 {error}']);
  });
});
