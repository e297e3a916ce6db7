// Scenario tests for GET workflows (language.md §7.3): the sub-workflow runs before every attempt of
// the calling step, in the run worktree; `{research.output}` and `{research.state.*}` are visible to
// the calling step and to later steps.

import { describe, expect, it } from 'vitest';
import { runScenario, type ScenarioResult } from './harness.js';

/** Rendered context-file paths of a step: a missing `context: file:` entry is a ledger warning. */
function probes(r: ScenarioResult, step: string): string[] {
  return r
    .events('warning', step)
    .map((e) => String(e.message).replace(/^context file (.*) not found; entry skipped$/s, '$1'));
}

const RESEARCH = `name: research
steps:
  - name: find
    type: artifact
    agent: claude-haiku
    prompt: "Find {query}"
    context:
      - file: "probe/{query}"
`;

const WF = `name: getter
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    get:
      workflow: research
      query: "practices for attempt {attempt}"
      prompt: "Using {research.output}, implement {spec}"
      context:
        - file: "probe/{research.output}"
    gate: [test]
    retry:
      - exit: 2
  - name: after
    type: code
    agent: claude-haiku
    prompt: "Use {research.output}"
    context:
      - file: "probe/{research.output}|{research.state.find.output}|{impl.status}"
`;

const PKG = JSON.stringify({
  name: 'demo',
  scripts: {
    build: 'node -e 0',
    test: "node -e \"process.exit(require('fs').existsSync('ok')?0:1)\"",
    lint: 'node -e 0',
  },
});

describe('GET workflow (§7.3)', () => {
  it('runs before every attempt; its output is visible to the calling step and to later steps', async () => {
    const r = await runScenario({
      workflow: WF,
      files: { '.gump/workflows/research.yaml': RESEARCH, 'package.json': PKG },
      stub: `version: 1
rules:
  - match: "impl/get/research/find"
    attempts:
      - { artifact: "notes-one", cost: 0.01 }
      - { artifact: "notes-two", cost: 0.01 }
  - match: impl
    attempts:
      - write: { "draft.txt": "1\\n" }
      - write: { "ok": "2\\n" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:1', '[gump] step:impl task:- attempt:2']);
    expect(r.state.stubCalls['impl/get/research/find']).toBe(2);
    // Inputs of the GET workflow are rendered in the calling attempt's context.
    expect(probes(r, 'impl/get/research/find')).toEqual([
      'probe/practices for attempt 1',
      'probe/practices for attempt 2',
    ]);
    // Each attempt saw the GET output produced just before it.
    expect(probes(r, 'impl')).toEqual(['probe/notes-one', 'probe/notes-two']);
    expect(probes(r, 'after')).toEqual(['probe/notes-two|notes-two|pass']);
    const v = r.state.values;
    expect(v['impl/get/research.output']).toBe('notes-two');
    expect(v['impl/get/research/find.output']).toBe('notes-two');
    expect(v['impl.status']).toBe('pass');
    expect(v['impl.attempt']).toBe('2');
    // The GET run comes after the attempt starts and before its agent.
    const order = r.ledger
      .filter(
        (e) =>
          (e.event === 'attempt.started' || e.event === 'agent.finished') &&
          (e.step === 'impl' || e.step === 'impl/get/research/find'),
      )
      .map((e) => `${e.event} ${e.step}`);
    expect(order).toEqual([
      'attempt.started impl',
      'attempt.started impl/get/research/find',
      'agent.finished impl/get/research/find',
      'agent.finished impl',
      'attempt.started impl',
      'attempt.started impl/get/research/find',
      'agent.finished impl/get/research/find',
      'agent.finished impl',
    ]);
    // GET cost counts toward the run.
    expect(r.state.spend.cost).toBeCloseTo(0.02, 9);
  });

  it('runs in the run worktree: a GET step sees the files of the steps before it', async () => {
    const r = await runScenario({
      workflow: `name: getter
steps:
  - name: first
    type: code
    agent: claude-haiku
    prompt: "Write"
  - name: impl
    type: code
    agent: claude-sonnet
    get:
      workflow: research
      query: "q"
      prompt: "Using {research.output}"
`,
      files: {
        '.gump/workflows/research.yaml': RESEARCH.replace(
          '      - file: "probe/{query}"\n',
          '      - file: "probe/{query}"\n    gate: ["bash: test -f first.txt"]\n',
        ),
      },
      stub: `version: 1
rules:
  - match: first
    write: { "first.txt": "1\\n" }
  - match: "impl/get/research/find"
    artifact: "found"
`,
    });
    expect(r.code).toBe(0);
    expect(r.state.values['impl/get/research/find.gate.bash_0']).toBe('true');
    expect(r.state.values['impl/get/research.output']).toBe('found');
    expect(r.commits).toEqual(['[gump] step:first task:- attempt:1']);
  });

  it('makes the attempt fatal when the GET workflow fails', async () => {
    const r = await runScenario({
      workflow: WF,
      files: { '.gump/workflows/research.yaml': RESEARCH, 'package.json': PKG },
      stub: `version: 1
rules:
  - match: "impl/get/research/find"
    exit_code: 1
    stderr: "search engine down"
`,
    });
    expect(r.code).toBe(1);
    expect(r.state.status).toBe('fatal');
    expect(r.state.message).toContain('search engine down');
    expect(r.state.values['impl.status']).toBe('fatal');
    expect(r.state.values['impl/get/research/find.status']).toBe('fatal');
    expect(r.state.stubCalls.impl).toBeUndefined();
    expect(r.events('attempt.finished', 'impl')[0]).toMatchObject({ attempt: 1, status: 'fatal' });
    expect(r.commits).toEqual([]);
  });
});
