// Scenario tests for validator gates and retry validators (language.md §7.2, §9.1): the validator
// runs after the attempt's snapshot in the same worktree, `{diff}` is the attempt's diff, the verdict
// decides the gate, state keys `.gate.<name>.pass`/`.comments`, cost counted, `validate:` conditions.

import { describe, expect, it } from 'vitest';
import { runScenario, type ScenarioResult } from './harness.js';
import { GATED_REVIEW } from '../e2e/library-run.js';
import { loadPlan } from '../../../runtime/run/plan-file.js';
import { runPaths } from '../../../runtime/run/layout.js';
import { viewOfRun } from '../../../runtime/run/summary-view.js';

/** Rendered context-file paths of a step: a missing `context: file:` entry is a ledger warning. */
function probes(r: ScenarioResult, step: string): string[] {
  return r
    .events('warning', step)
    .map((e) => String(e.message).replace(/^context file (.*) not found; entry skipped$/s, '$1'));
}

/** A validator whose review step exposes its rendered inputs and checks the worktree it runs in. */
const ARCH_REVIEW = `name: arch-review
steps:
  - name: review
    type: validate
    agent: claude-opus
    prompt: "Review {diff} with focus {focus}"
    context:
      - file: "probe/{focus}|{diff}"
    gate: ["bash: test -f src/a.ts"]
`;

const WF = `name: gated
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate:
      - compile
      - validate: validators/arch-review
        focus: "attempt {attempt} of {spec}"
`;

describe('validator gate (§7.2)', () => {
  it("runs after the snapshot in the same worktree with {diff} = this attempt's diff; a pass verdict passes the gate", async () => {
    const r = await runScenario({
      workflow: WF,
      spec: 'the spec',
      files: { '.gump/validators/arch-review.yaml': ARCH_REVIEW, 'src/a.ts': 'old\n' },
      stub: `version: 1
rules:
  - match: impl
    replace: [ { file: src/a.ts, find: "old", with: "new" } ]
    cost: 0.1
  - match: "impl/gate/review/review"
    validate: { pass: true, comments: "clean design" }
    tokens: { in: 500, out: 50 }
    cost: 0.02
`,
    });
    expect(r.code).toBe(0);
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:1']);
    const v = r.state.values;
    expect(v['impl.gate.compile']).toBe('true');
    expect(v['impl.gate.review']).toBe('true');
    expect(v['impl.gate.review.pass']).toBe('true');
    expect(v['impl.gate.review.comments']).toBe('clean design');
    expect(v['impl.check_result']).toBe('pass');
    // The validator's own state lives below the gate path.
    expect(v['impl/gate/review/review.output']).toBe('true');
    expect(v['impl/gate/review/review.gate.bash_0']).toBe('true');
    // Inputs rendered in gate context: {diff} = the attempt's diff, other inputs in the caller's context.
    const [probe] = probes(r, 'impl/gate/review/review');
    expect(probe).toMatch(/^probe\/attempt 1 of the spec\|diff --git a\/src\/a\.ts b\/src\/a\.ts\n/);
    expect(probe).toContain('-old\n+new');
    expect(probe!.replace(/^probe\/attempt 1 of the spec\|/, '')).toBe(v['impl.diff']!.trimEnd());
    // Gate order: compile, then the validator (which ran its agent after impl's snapshot).
    expect(r.events('gate.finished', 'impl').map((e) => `${String(e.gate)}:${String(e.status)}`)).toEqual([
      'compile:pass',
      'review:pass',
    ]);
    const order = r.ledger
      .filter((e) => e.event === 'agent.finished' || e.event === 'gate.finished')
      .map((e) => `${e.event} ${e.step}`);
    expect(order).toEqual([
      'agent.finished impl',
      'agent.finished impl/gate/review/review',
      'gate.finished impl/gate/review/review',
      'gate.finished impl',
      'gate.finished impl',
    ]);
    // Validator cost and tokens count toward the run.
    expect(r.state.spend.cost).toBeCloseTo(0.12, 9);
    expect(r.report.totals.cost).toBeCloseTo(0.12, 9);
    expect(r.report.totals.tokensIn).toBe(500);
    expect(r.events('run.finished')[0]).toMatchObject({ cost: 0.12, tokensIn: 500, tokensOut: 50 });
  });

  it('fails the gate on a pass: false verdict with the comments; the retry sees them', async () => {
    const r = await runScenario({
      workflow: `${WF}    retry:\n      - exit: 2\n`,
      files: { '.gump/validators/arch-review.yaml': ARCH_REVIEW, 'src/a.ts': 'old\n' },
      stub: `version: 1
rules:
  - match: impl
    attempts:
      - replace: [ { file: src/a.ts, find: "old", with: "bad" } ]
      - replace: [ { file: src/a.ts, find: "bad", with: "good" } ]
  - match: "impl/gate/review/review"
    attempts:
      - validate: { pass: false, comments: "missing error handling" }
      - validate: { pass: true, comments: "fine now" }
`,
    });
    expect(r.code).toBe(0);
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:1', '[gump] step:impl task:- attempt:2']);
    expect(r.file('src/a.ts')).toBe('good\n');
    const first = r.events('attempt.finished', 'impl')[0]!;
    expect(first).toMatchObject({ attempt: 1, status: 'fail' });
    expect(String(first.error)).toContain('missing error handling');
    expect(r.state.prev.impl).toMatchObject({
      'gate.review': 'false',
      'gate.review.pass': 'false',
      'gate.review.comments': 'missing error handling',
      'gate.compile': 'true',
    });
    expect(r.state.values['impl.gate.review.comments']).toBe('fine now');
    expect(r.state.values['impl.gate.review.pass']).toBe('true');
    expect(r.state.values['impl.attempt']).toBe('2');
    // Each attempt's validator saw that attempt's diff.
    const seen = probes(r, 'impl/gate/review/review');
    expect(seen).toHaveLength(2);
    expect(seen[0]).toContain('-old\n+bad');
    expect(seen[1]).toContain('-bad\n+good');
    expect(seen[1]).not.toContain('+bad');
  });

  it("fails the gate with the validator's error when it gives no verdict", async () => {
    const r = await runScenario({
      workflow: WF,
      files: { '.gump/validators/arch-review.yaml': ARCH_REVIEW, 'src/a.ts': 'old\n' },
      stub: `version: 1
rules:
  - match: impl
    replace: [ { file: src/a.ts, find: "old", with: "new" } ]
  - match: "impl/gate/review/review"
    exit_code: 4
    stderr: "reviewer crashed"
`,
    });
    expect(r.code).toBe(1);
    expect(r.state.values['impl.gate.review']).toBe('false');
    expect(r.state.values['impl.gate.review.pass']).toBe('false');
    expect(r.state.values['impl.gate.review.error']).toContain('reviewer crashed');
    expect(r.state.values['impl.gate.compile']).toBe('true');
    expect(r.state.values['impl/gate/review/review.status']).toBe('fatal');
    expect(r.state.values['impl.status']).toBe('fatal');
    expect(String(r.events('attempt.finished', 'impl')[0]!.error)).toContain('reviewer crashed');
    expect(r.state.message).toContain('reviewer crashed');
    expect(r.commits).toEqual(['[gump] step:impl task:- attempt:1']);
  });

  it('runs the retry validate: condition before attempt k with {error}/{diff} of attempt k−1 and applies its overrides when it passes', async () => {
    const r = await runScenario({
      workflow: `name: escalate
steps:
  - name: impl
    type: code
    agent: claude-haiku
    prompt: "Implement"
    gate: [test]
    retry:
      - validate: validators/hard
        with: { why: "{error}" }
        agent: claude-opus
      - exit: 3
`,
      files: {
        '.gump/validators/hard.yaml': `name: hard
steps:
  - name: judge
    type: validate
    agent: claude-haiku
    prompt: "Is this hard? {why} {diff}"
    context:
      - file: "probe/{why}|{diff}"
`,
        'package.json': JSON.stringify({
          name: 'demo',
          scripts: {
            build: 'node -e 0',
            test: "node -e \"process.exit(require('fs').existsSync('fixed')?0:1)\"",
            lint: 'node -e 0',
          },
        }),
      },
      stub: `version: 1
rules:
  - match: impl
    agent: claude-opus
    write: { "fixed": "yes\\n" }
  - match: impl
    attempts:
      - write: { "try1.txt": "1\\n" }
      - write: { "try2.txt": "2\\n" }
  - match: "impl/retry/hard/judge"
    attempts:
      - { validate: { pass: false, comments: "not hard yet" }, cost: 0.01 }
      - { validate: { pass: true, comments: "hard" }, cost: 0.01 }
`,
    });
    expect(r.code).toBe(0);
    expect(r.commits).toEqual([
      '[gump] step:impl task:- attempt:1',
      '[gump] step:impl task:- attempt:2',
      '[gump] step:impl task:- attempt:3',
    ]);
    expect(r.events('retry.decided', 'impl').map((e) => e.agent)).toEqual(['claude-haiku', 'claude-opus']);
    expect(r.events('agent.finished', 'impl').map((e) => e.agent)).toEqual([
      'claude-haiku',
      'claude-haiku',
      'claude-opus',
    ]);
    expect(r.state.values['impl.agent']).toBe('claude-opus');
    expect(r.state.stubCalls['impl/retry/hard/judge']).toBe(2);
    // Inputs in retry context: {error} and {diff} of the previous attempt.
    const seen = probes(r, 'impl/retry/hard/judge');
    expect(seen).toHaveLength(2);
    expect(seen[0]).toContain('gate test failed');
    expect(seen[0]).toContain('+++ b/try1.txt');
    expect(seen[1]).toContain('+++ b/try2.txt');
    expect(seen[1]).not.toContain('try1.txt');
    // Its cost counts toward the run.
    expect(r.state.spend.cost).toBeCloseTo(0.02, 9);
  });
});

describe('what the progress says about a validator (issue 9, defect 5)', () => {
  const lines = (r: ScenarioResult): string[] => r.output.split('\n').filter((l) => l.startsWith('['));

  it('a retry validator saying no prints its verdict, not `fatal`, and the run goes on', async () => {
    const r = await runScenario(GATED_REVIEW);
    expect(r.code).toBe(0);
    expect(lines(r)).toEqual([
      '[impl]                       running  (claude-sonnet)  attempt 1',
      '[impl]                       agent    claude-sonnet  0.0s  1 turn  0/0 tokens  ~$0.00',
      '[impl]                       gate     bash_0 ✗  0.0s',
      '[impl]                       fail     gate bash_0 failed (exit 1)',
      '[impl/retry/review/review]   running  (claude-opus)  attempt 1',
      '[impl/retry/review/review]   agent    claude-opus  0.0s  1 turn  0/0 tokens  ~$0.00',
      '[impl/retry/review/review]   verdict  no — naming is off',
      '[impl]                       retry    attempt 2',
      '[impl]                       running  (claude-sonnet)  attempt 2  resumed session',
      '[impl]                       agent    claude-sonnet  0.0s  1 turn  0/0 tokens  ~$0.00',
      '[impl]                       gate     bash_0 ✓  0.0s',
      '[impl]                       pass     after 2 attempts',
    ]);
    // The report says the same: the validator's step answered no; nothing of the run failed for it.
    const view = viewOfRun({
      state: r.state,
      plan: loadPlan(runPaths(r.worktree).plan),
      worktree: r.worktree,
      env: {},
    });
    expect(view.steps.map((s) => [s.step, s.status])).toEqual([
      ['impl', 'pass'],
      ['impl/retry/review/review', 'verdict no'],
    ]);
  });

  it('a validator gate saying no: the verdict, then the gate failing; never `fatal` for the validator', async () => {
    const r = await runScenario({
      workflow:
        'name: gated\nsteps:\n  - name: impl\n    type: code\n    agent: claude-sonnet\n    prompt: "Implement {spec}"\n    gate:\n      - validate: validators/arch-review\n    retry: [ { exit: 2 } ]\n',
      files: GATED_REVIEW.files,
      stub: 'version: 1\nrules:\n  - match: impl\n    write: { "a.txt": "x" }\n  - match: "impl/gate/**"\n    validate: { pass: false, comments: "naming is off" }\n',
    });
    expect(r.code).toBe(1);
    const out = lines(r);
    expect(out.filter((l) => l.startsWith('[impl/gate/review/review]') && !l.includes(' agent '))).toEqual([
      '[impl/gate/review/review]    running  (claude-opus)  attempt 1',
      '[impl/gate/review/review]    verdict  no — naming is off',
      '[impl/gate/review/review]    running  (claude-opus)  attempt 1',
      '[impl/gate/review/review]    verdict  no — naming is off',
    ]);
    expect(out).toContain('[impl]                       gate     review ✗  0.0s');
    expect(out.filter((l) => / fatal /.test(l))).toEqual([
      '[impl]                       fatal    all 2 attempts failed; last error: gate review failed: naming is off',
    ]);
  });
});
