// Namespaces and bare names (language.md §14.2, §14.5): task (GUMP106/107), legacy item
// (GUMP509, fixable), bare step names (GUMP112).

import { describe, expect, it } from 'vitest';
import { checkText } from '../helpers/check.js';
import { checkAt as check } from './at.js';

const split = (prompt: string): string => `name: w
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
        prompt: "${prompt}"
`;

describe('task namespace', () => {
  it('accepts name, description and files inside each:, also in nested groups and gate inputs', () => {
    expect(
      check(
        `name: w
steps:
  - name: decompose
    type: split
    agent: claude-opus
    prompt: "Split {spec}"
    gate: [schema]
    each:
      - name: g
        parallel: true
        steps:
          - name: impl
            type: code
            agent: claude-sonnet
            prompt: "{task.name} {task.description} {task.files}"
            gate:
              - validate: validators/arch-review
                agent: claude-opus
                spec: "{task.description}"
`,
        {},
        ['GUMP40'],
      ),
    ).toEqual([]);
  });

  it('GUMP106: task outside each:, including the planner itself', () => {
    expect(
      check(`name: w
steps:
  - name: decompose
    type: split
    agent: claude-opus
    prompt: "Split {spec} for {task.name}"
    gate: [schema]
    each:
      - name: impl
        type: code
        agent: claude-sonnet
        prompt: "{task.description}"
  - name: after
    type: code
    agent: claude-sonnet
    prompt: |
      Finish
        {task.files}
`),
    ).toEqual(['GUMP106@6:31 {task.name}', 'GUMP106@18:9 {task.files}']);
  });

  it('GUMP107: unknown task field', () => {
    expect(check(split('Implement {task.title} and {task.name.x}'))).toEqual([
      'GUMP107@12:28 {task.title}',
      'GUMP107@12:45 {task.name.x}',
    ]);
  });

  it('GUMP509: item is read as task, with a fix; then checked as task', () => {
    const yaml = split('Implement {item.description} {item.title}');
    expect(check(yaml)).toEqual([
      'GUMP509@12:28 {item.description}',
      'GUMP107@12:47 {item.title}',
      'GUMP509@12:47 {item.title}',
    ]);
    const d = checkText(yaml).find((x) => x.code === 'GUMP509')!;
    expect(d.fix?.edits).toEqual([{ offset: d.span.offset, endOffset: d.span.endOffset, text: '{task.description}' }]);
    expect(yaml.slice(d.span.offset, d.span.endOffset)).toBe('{item.description}');
  });

  it('GUMP509 outside each: also reports GUMP106', () => {
    expect(
      check(`name: w
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {item.name}"
`),
    ).toEqual(['GUMP106@6:24 {item.name}', 'GUMP509@6:24 {item.name}']);
  });
});

describe('bare names', () => {
  it('GUMP112: a bare step or GET pseudo-step name, in any scope; reserved names and inputs are fine', () => {
    const files = {
      '.gump/workflows/research.yaml':
        'name: research\nsteps:\n  - name: survey\n    type: artifact\n    agent: claude-haiku\n    prompt: "Survey {spec}"\n',
    };
    expect(
      check(
        `name: w
steps:
  - name: tests
    type: code
    get:
      workflow: research
      prompt: "{spec} {attempt} {error} {output} {diff} {ticket}"
    run:
      agent: claude-sonnet
    retry:
      - exit: 2
  - name: g
    parallel: true
    steps:
      - name: inner
        type: code
        agent: claude-sonnet
        prompt: "{spec}"
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Make {tests} pass, see {research} and {inner}"
`,
        files,
      ),
    ).toEqual(['GUMP112@22:19 {tests}', 'GUMP112@22:37 {research}', 'GUMP112@22:52 {inner}']);
  });
});
