// Field catalogue (language.md §15.2): GUMP105 per step kind, GUMP108 gates, GUMP113 for the field
// of a qualified path, `state.<key>` against the callee, `prev.*` and `gate.*` of the step itself.

import { describe, expect, it } from 'vitest';
import { checkAt as check } from './at.js';

const setup = {
  '.gump/workflows/setup.yaml': `name: setup
steps:
  - name: deploy
    type: validate
    agent: claude-haiku
    prompt: "Deploy {target}"
`,
};

describe('step fields', () => {
  it('accepts the catalogue of every kind', () => {
    expect(
      check(
        `name: w
steps:
  - name: setup
    workflow: setup
    with: { target: staging }
  - name: review
    type: validate
    agent: claude-opus
    prompt: "{setup.status} {setup.cost} {setup.cost_source} {setup.tokens_in} {setup.tokens_out} {setup.state.deploy.comments}"
  - name: fixer
    type: code
    agent: pass
    gate: [compile]
  - name: quality
    gate: [compile, "bash: make x"]
  - name: group
    parallel: true
    steps:
      - name: a
        type: artifact
        agent: claude-haiku
        prompt: "{spec}"
  - name: last
    type: code
    agent: claude-sonnet
    prompt: |
      {review.output} {review.diff} {review.files} {review.agent} {review.session_id} {review.status}
      {review.attempt} {review.retries} {review.check_result} {review.duration} {review.cost}
      {review.cost_source} {review.turns} {review.tokens_in} {review.tokens_out} {review.cache_read}
      {review.cache_write} {review.comments}
      {fixer.output} {fixer.diff} {fixer.files} {fixer.status} {fixer.attempt} {fixer.gate.compile}
      {quality.status} {quality.attempt} {quality.retries} {quality.check_result} {quality.gate.bash_1.error}
      {group.status} {group/a.output}
`,
        setup,
      ),
    ).toEqual([]);
  });

  it('GUMP105: a field the kind does not have', () => {
    expect(
      check(
        `name: w
steps:
  - name: setup
    workflow: setup
    with: { target: staging }
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "{spec}"
  - name: fixer
    type: code
    agent: pass
    gate: [compile]
  - name: quality
    gate: [compile]
  - name: group
    parallel: true
    steps:
      - name: a
        type: artifact
        agent: claude-haiku
        prompt: "{spec}"
  - name: last
    type: code
    agent: claude-sonnet
    prompt: |
      {impl.comments} {impl.verdict} {fixer.agent} {quality.output}
      {group.output} {setup.output} {impl.gate} {impl.gate.compile.pass.x}
`,
        setup,
      ),
    ).toEqual([
      'GUMP105@27:7 {impl.comments}',
      'GUMP105@27:23 {impl.verdict}',
      'GUMP105@27:38 {fixer.agent}',
      'GUMP105@27:52 {quality.output}',
      'GUMP105@28:7 {group.output}',
      'GUMP105@28:22 {setup.output}',
      'GUMP105@28:37 {impl.gate}',
      'GUMP105@28:49 {impl.gate.compile.pass.x}',
    ]);
  });

  it('GUMP108: gate.<g> of another step, of the step itself, and prev.gate.<g>', () => {
    expect(
      check(
        `name: w
steps:
  - name: tests
    type: code
    agent: claude-sonnet
    prompt: "{spec}"
    gate: [compile, "touched: *_test.*", validate: validators/arch-review]
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: |
      {tests.gate.compile} {tests.gate.touched_1.error} {tests.gate.review.comments}
      {tests.gate.test} {gate.lint} {prev.gate.lint.error} {gate.compile.error}
    gate: [compile]
    retry:
      - exit: 2
`,
        {},
        ['GUMP129'],
      ),
    ).toEqual(['GUMP108@13:7 {tests.gate.test}', 'GUMP108@13:25 {gate.lint}', 'GUMP108@13:37 {prev.gate.lint.error}']);
  });

  it('GUMP113: the field of a qualified path', () => {
    expect(
      check(`name: w
steps:
  - name: reviews
    parallel: true
    steps:
      - name: arch
        type: validate
        agent: claude-opus
        prompt: "{spec}"
  - name: summary
    type: artifact
    agent: claude-haiku
    prompt: "{reviews/arch.verdict} {reviews/arch.comments}"
`),
    ).toEqual(['GUMP113@13:14 {reviews/arch.verdict}']);
  });

  it('state.<key>: checked against the callee steps and fields when the callee is known', () => {
    expect(
      check(
        `name: w
steps:
  - name: setup
    workflow: setup
    with: { target: staging }
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: |
      {setup.state.deploy.comments} {setup.state.deploy.output}
      {setup.state.deplo.comments} {setup.state.deploy.verdict} {setup.state.deploy} {setup.state}
`,
        setup,
      ),
    ).toEqual([
      'GUMP105@11:7 {setup.state.deplo.comments}',
      'GUMP105@11:36 {setup.state.deploy.verdict}',
      'GUMP105@11:65 {setup.state.deploy}',
      'GUMP105@11:86 {setup.state}',
    ]);
  });

  it('state.<key> of an unresolved callee is not checked beyond its shape', () => {
    expect(
      check(
        `name: w
steps:
  - name: setup
    workflow: missing
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "{setup.state.anything.here}"
`,
        {},
        ['GUMP118'],
      ),
    ).toEqual([]);
  });

  it("prev.<field>: the step's own kind", () => {
    expect(
      check(`name: w
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "{prev.diff} {prev.status} {prev.comments}"
    retry:
      - exit: 2
  - name: review
    type: validate
    agent: claude-opus
    prompt: "{prev.comments}"
    retry:
      - exit: 2
`),
    ).toEqual(['GUMP105@6:40 {prev.comments}']);
  });

  it('gate fields of an unreadable gate list are not checked', () => {
    expect(
      check(
        `name: w
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "{gate.anything}"
    gate: [compile, nonsense]
    retry:
      - exit: 2
`,
        {},
        ['GUMP211'],
      ),
    ).toEqual([]);
  });
});
