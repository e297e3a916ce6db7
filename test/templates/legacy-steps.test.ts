// Legacy `{steps.<x>.<field>}` (language.md §14.2): global lookup, GUMP508 with a fix to the
// nearest-scope name or the qualified path, GUMP128 when ambiguous, GUMP104 without a static path.

import { describe, expect, it } from 'vitest';
import { checkText } from '../helpers/check.js';
import { checkAt as check } from './at.js';

function fixOf(yaml: string, code = 'GUMP508'): string[] {
  return checkText(yaml)
    .filter((d) => d.code === code)
    .map((d) => {
      const e = d.fix!.edits[0]!;
      return `${yaml.slice(e.offset, e.endOffset)} -> ${e.text}`;
    });
}

const nested = `name: w
steps:
  - name: reviews
    parallel: true
    steps:
      - name: arch
        type: validate
        agent: claude-opus
        prompt: "{spec}"
  - name: plan
    type: artifact
    agent: claude-opus
    prompt: "{spec}"
  - name: summary
    type: artifact
    agent: claude-haiku
    prompt: |
      {steps.plan.output}
      {steps.arch.comments}
`;

describe('legacy steps. references', () => {
  it('GUMP508: fix writes the name when it binds, else the qualified path', () => {
    expect(check(nested)).toEqual(['GUMP508@18:7 {steps.plan.output}', 'GUMP508@19:7 {steps.arch.comments}']);
    expect(fixOf(nested)).toEqual([
      '{steps.plan.output} -> {plan.output}',
      '{steps.arch.comments} -> {reviews/arch.comments}',
    ]);
  });

  it('the replacement is checked like the placeholder it stands for', () => {
    expect(
      check(`name: w
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "{steps.impl.diff} {steps.later.output} {steps.later.verdict}"
  - name: later
    type: artifact
    agent: claude-sonnet
    prompt: "{spec}"
`),
    ).toEqual([
      'GUMP110@6:14 {steps.impl.diff}',
      'GUMP508@6:14 {steps.impl.diff}',
      'GUMP109@6:32 {steps.later.output}',
      'GUMP508@6:32 {steps.later.output}',
      'GUMP105@6:53 {steps.later.verdict}',
      'GUMP109@6:53 {steps.later.verdict}',
      'GUMP508@6:53 {steps.later.verdict}',
    ]);
  });

  it('GUMP128: steps of that name in several scopes', () => {
    expect(
      check(`name: w
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "{spec}"
  - name: extras
    parallel: true
    steps:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "{spec}"
  - name: summary
    type: artifact
    agent: claude-haiku
    prompt: "{steps.impl.files}"
`),
    ).toEqual(['GUMP128@17:14 {steps.impl.files}']);
  });

  it('GUMP104: no such step, or a step inside a task not containing the placeholder', () => {
    expect(
      check(`name: w
steps:
  - name: decompose
    type: split
    agent: claude-opus
    prompt: "{spec}"
    gate: [schema]
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "{task.description}"
      - name: check
        type: validate
        agent: claude-sonnet
        prompt: "{steps.impl.diff}"
  - name: summary
    type: artifact
    agent: claude-haiku
    prompt: "{steps.impl.diff} {steps.nothing.output}"
`),
    ).toEqual([
      'GUMP508@16:18 {steps.impl.diff}',
      'GUMP104@20:14 {steps.impl.diff}',
      'GUMP104@20:32 {steps.nothing.output}',
    ]);
  });
});
