// GET pseudo-step names (GUMP126), empty input values (GUMP522) and input collection (§14.6).

import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/compile.js';
import { MemoryHost } from '../../src/project/memory-host.js';
import { checkAt as check } from './at.js';

const research = {
  '.gump/workflows/research.yaml':
    'name: research\nsteps:\n  - name: survey\n    type: artifact\n    agent: claude-haiku\n    prompt: "Survey {query} for {spec}"\n',
};

function inputsOf(text: string, files: Record<string, string> = {}): { inputs: string[]; agentInputs: string[] } {
  const host = new MemoryHost({ ...files, 'workflow.yaml': text });
  const wf = checkFiles(host, [host.source('workflow.yaml')]).results[0]!.workflow!;
  return { inputs: [...wf.inputs], agentInputs: [...wf.agentInputs] };
}

describe('GUMP126', () => {
  it('the GET pseudo-step name collides with a step of its scope, at the workflow key', () => {
    expect(
      check(
        `name: w
steps:
  - name: research
    type: artifact
    agent: claude-haiku
    prompt: "{spec}"
  - name: impl
    type: code
    get:
      workflow: workflows/research.yaml
      query: x
      prompt: "{research.output}"
    run:
      agent: claude-sonnet
`,
        research,
      ),
    ).toEqual(['GUMP126@10:7']);
  });

  it('no collision across scopes', () => {
    expect(
      check(
        `name: w
steps:
  - name: research
    type: artifact
    agent: claude-haiku
    prompt: "{spec}"
  - name: g
    parallel: true
    steps:
      - name: impl
        type: code
        get:
          workflow: research
          query: x
          prompt: "{research.output}"
        run:
          agent: claude-sonnet
`,
        research,
      ),
    ).toEqual([]);
  });
});

describe('GUMP522', () => {
  it('warns at the key of an empty literal in with, get inputs, gate inputs and retry with', () => {
    expect(
      check(
        `name: w
steps:
  - name: setup
    workflow: research
    with: { query: "" }
  - name: impl
    type: code
    get:
      workflow: research
      query: ''
      prompt: "{spec}"
    run:
      agent: claude-sonnet
    gate:
      - validate: validators/arch-review
        agent: claude-opus
        spec: ""
    retry:
      - validate: validators/arch-review
        with: { agent: claude-opus, diff: "" }
      - exit: 2
`,
        research,
      ),
    ).toEqual(['GUMP522@5:13', 'GUMP522@10:7', 'GUMP522@17:9', 'GUMP522@20:37']);
  });

  it('a blank but non-empty value or a template is fine', () => {
    expect(
      check(
        `name: w
steps:
  - name: setup
    workflow: research
    with: { query: " ", spec: "{spec}" }
`,
        research,
      ),
    ).toEqual([]);
  });
});

describe('inputs', () => {
  it('bare non-reserved, non-step placeholders of every template field, plus spec', () => {
    expect(
      inputsOf(`name: w
steps:
  - name: impl
    type: code
    agent: "{model}"
    prompt: "{ticket} {spec} {error} {diff} {attempt} {output} {impl.diff}"
    context:
      - file: "docs/{area}.md"
    retry:
      - attempt: 2
        agent: "{fallback}"
        prompt: "{hint}"
      - exit: 2
`),
    ).toEqual({ inputs: ['area', 'fallback', 'hint', 'model', 'spec', 'ticket'], agentInputs: ['fallback', 'model'] });
  });

  it('diff is an input of a validator-shaped workflow', () => {
    expect(
      inputsOf(`name: v
steps:
  - name: review
    type: validate
    agent: "{agent}"
    prompt: "{diff} {spec}"
`),
    ).toEqual({ inputs: ['agent', 'diff', 'spec'], agentInputs: ['agent'] });
  });

  it("unbound callee inputs become the caller's, except spec, a validator's diff and agent inputs", () => {
    expect(
      inputsOf(
        `name: w
steps:
  - name: impl
    type: code
    get:
      workflow: research
      prompt: "{spec}"
    run:
      agent: claude-sonnet
    gate:
      - validate: validators/arch-review
        agent: "{reviewer}"
`,
        research,
      ),
    ).toEqual({ inputs: ['query', 'reviewer', 'spec'], agentInputs: ['reviewer'] });
  });

  it("bound callee inputs are not the caller's; values binding an agent input are agent inputs", () => {
    expect(
      inputsOf(
        `name: w
steps:
  - name: setup
    workflow: research
    with: { query: "{topic}" }
  - name: review
    workflow: validators/arch-review
    with: { agent: "{who}", diff: "{patch}" }
`,
        research,
      ),
    ).toEqual({ inputs: ['patch', 'spec', 'topic', 'who'], agentInputs: ['who'] });
  });

  it('transitively through a chain of calls', () => {
    const files = {
      ...research,
      '.gump/workflows/outer.yaml': 'name: outer\nsteps:\n  - name: r\n    workflow: research\n',
    };
    expect(
      inputsOf(
        `name: w
steps:
  - name: o
    workflow: outer
`,
        files,
      ),
    ).toEqual({ inputs: ['query', 'spec'], agentInputs: [] });
  });
});
