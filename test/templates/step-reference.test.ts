// Scoping of step references (language.md §14.4): GUMP104, 109, 110, 111, 113.

import { describe, expect, it } from 'vitest';
import { checkAt as check } from './at.js';

describe('step references', () => {
  it('binds to an earlier step of the scope or an enclosing scope', () => {
    expect(
      check(`name: w
steps:
  - name: design
    type: artifact
    agent: claude-opus
    prompt: "Design {spec}"
  - name: decompose
    type: split
    agent: claude-opus
    prompt: "Split {design.output}"
    gate: [schema]
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Do {task.description} per {design.output} and plan {decompose.output}"
      - name: check
        type: validate
        agent: claude-sonnet
        prompt: "Check {impl.diff} of {decompose.agent}"
  - name: summary
    type: artifact
    agent: claude-haiku
    prompt: "Summarise {decompose.status} and {check.comments}"
`),
    ).toEqual(['GUMP104@24:47 {check.comments}']);
  });

  it('GUMP104: unknown name, at the placeholder', () => {
    expect(
      check(`name: w
steps:
  - name: tests
    type: code
    agent: claude-sonnet
    prompt: "Write tests for {spec}"
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Make {tset.files} pass"
`),
    ).toEqual(['GUMP104@10:19 {tset.files}']);
  });

  it('GUMP104: a child of a parallel group is not visible by its bare name after the group', () => {
    expect(
      check(`name: w
steps:
  - name: reviews
    parallel: true
    steps:
      - name: arch
        type: validate
        agent: claude-opus
        prompt: "Review {spec}"
      - name: sec
        type: validate
        agent: claude-opus
        prompt: "Review {spec}"
  - name: summary
    type: artifact
    agent: claude-haiku
    prompt: "{arch.comments} {reviews/arch.comments} {reviews.status}"
`),
    ).toEqual(['GUMP104@17:14 {arch.comments}']);
  });

  it('GUMP109: later step, enclosing group, enclosing split status; planner fields are fine', () => {
    expect(
      check(`name: w
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Follow {design.output}"
  - name: design
    type: artifact
    agent: claude-opus
    prompt: "Design {spec}"
  - name: decompose
    type: split
    agent: claude-opus
    prompt: "Split {spec}"
    gate: [schema]
    each:
      - name: step
        type: code
        agent: claude-sonnet
        prompt: "{decompose.output} {decompose.status}"
  - name: group
    parallel: true
    steps:
      - name: child
        type: code
        agent: claude-sonnet
        prompt: "{group.status}"
`),
    ).toEqual(['GUMP109@6:21 {design.output}', 'GUMP109@20:37 {decompose.status}', 'GUMP109@27:18 {group.status}']);
  });

  it('GUMP109: a planner cannot read its own tasks through a qualified path', () => {
    expect(
      check(`name: w
steps:
  - name: decompose
    type: split
    agent: claude-opus
    prompt: "Split {spec} {decompose/t1/impl.diff}"
    gate: [schema]
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Do {task.description}"
`),
    ).toEqual(['GUMP109@6:27 {decompose/t1/impl.diff}']);
  });

  it('GUMP110: the step itself, also in its agent, retry prompt and gate inputs', () => {
    expect(
      check(`name: w
steps:
  - name: impl
    type: code
    agent: "{impl.agent}"
    prompt: |
      Implement {spec}
      {impl.gate.test.error}
    gate:
      - test
    retry:
      - attempt: 2
        prompt: "Again: {impl.diff}"
      - exit: 3
`),
    ).toEqual(['GUMP110@5:13 {impl.agent}', 'GUMP110@8:7 {impl.gate.test.error}', 'GUMP110@13:25 {impl.diff}']);
  });

  it('GUMP111: another child of the same parallel group, by name or qualified', () => {
    expect(
      check(`name: w
steps:
  - name: reviews
    parallel: true
    steps:
      - name: arch
        type: validate
        agent: claude-opus
        prompt: "Review {spec}"
      - name: sec
        type: validate
        agent: claude-sonnet
        prompt: "Given {arch.comments} and {reviews/arch.comments}"
`),
    ).toEqual(['GUMP111@13:24 {arch.comments}', 'GUMP111@13:44 {reviews/arch.comments}']);
  });

  it('GUMP111: also from deep inside a sibling branch', () => {
    expect(
      check(
        `name: w
steps:
  - name: g
    parallel: true
    steps:
      - name: a
        type: artifact
        agent: claude-opus
        prompt: "{spec}"
      - name: b
        type: split
        agent: claude-opus
        prompt: "{spec}"
        gate: [schema]
        each:
          - name: c
            type: code
            agent: claude-sonnet
            prompt: "{a.output}"
`,
        {},
        ['GUMP40'],
      ),
    ).toEqual(['GUMP111@19:22 {a.output}']);
  });

  it('GUMP113: wrong split, group or step segment, a missing step after a task; task names unchecked', () => {
    expect(
      check(`name: w
steps:
  - name: decompose
    type: split
    agent: claude-opus
    prompt: "Split {spec}"
    gate: [schema]
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "Do {task.description}"
  - name: reviews
    parallel: true
    steps:
      - name: arch
        type: validate
        agent: claude-opus
        prompt: "Review {spec}"
  - name: summary
    type: artifact
    agent: claude-haiku
    prompt: |
      {decompose/any.task.name/impl.diff}
      {decompose/t1/implx.diff}
      {decomp/t1/impl.diff}
      {reviews/architecture.comments}
      {decompose/t1.output}
      {reviews/arch/x.output}
`),
    ).toEqual([
      'GUMP113@25:7 {decompose/t1/implx.diff}',
      'GUMP113@26:7 {decomp/t1/impl.diff}',
      'GUMP113@27:7 {reviews/architecture.comments}',
      'GUMP113@28:7 {decompose/t1.output}',
      'GUMP113@29:7 {reviews/arch/x.output}',
    ]);
  });

  it('qualified references inside the own task are not ordered (the task may be another one)', () => {
    expect(
      check(`name: w
steps:
  - name: decompose
    type: split
    agent: claude-opus
    prompt: "Split {spec}"
    gate: [schema]
    each:
      - name: first
        type: code
        agent: claude-sonnet
        prompt: "{decompose/other/second.diff}"
      - name: second
        type: code
        agent: claude-sonnet
        prompt: "Do {task.description}"
`),
    ).toEqual([]);
  });

  it('GET pseudo-steps bind by scoping: caller and later steps; earlier steps are forward', () => {
    const files = {
      '.gump/workflows/research.yaml':
        'name: research\nsteps:\n  - name: survey\n    type: artifact\n    agent: claude-haiku\n    prompt: "Survey {spec}"\n',
    };
    expect(
      check(
        `name: w
steps:
  - name: before
    type: code
    agent: claude-sonnet
    prompt: "{research.output}"
  - name: impl
    type: code
    get:
      workflow: research
      prompt: "Using {research.output} and {research.state.survey.output}, implement {spec}"
    run:
      agent: claude-sonnet
  - name: after
    type: code
    agent: claude-sonnet
    prompt: "{research.output}"
`,
        files,
      ),
    ).toEqual(['GUMP109@6:14 {research.output}']);
  });

  it('GUMP109: get: inputs are rendered before the GET workflow runs', () => {
    const files = {
      '.gump/workflows/research.yaml':
        'name: research\nsteps:\n  - name: survey\n    type: artifact\n    agent: claude-haiku\n    prompt: "Survey {query}"\n',
    };
    expect(
      check(
        `name: w
steps:
  - name: impl
    type: code
    get:
      workflow: research
      query: "more than {research.output}"
      prompt: "Implement {spec}"
    run:
      agent: claude-sonnet
`,
        files,
      ),
    ).toEqual(['GUMP109@7:25 {research.output}']);
  });
});
