// Scenario tests of guards (language.md §11): max_turns, max_tokens, max_time, max_budget and
// no_write trip the attempt, the worktree returns to the pre-attempt commit (the stub's file
// operations happen before its turns, so there is something to reset), gate keys stay unset,
// gates and approval points are skipped, metrics are billed, and the retry policy applies.
// Tripping responses carry a short `delay` so the stub is stopped between two paced turns and the
// billed metrics are exactly those streamed before the trip.

import { describe, expect, it } from 'vitest';
import { runScenario, type ScenarioResult } from './harness.js';

const guarded = (guard: string, extra = '') => `name: g
steps:
  - name: base
    type: code
    agent: claude-sonnet
    prompt: "Base"
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement; previous status {prev.status}"
    guard: ${guard}
    hitl: before_gate
    gate: ["bash: true"]
    retry: [ { exit: 2 } ]
${extra}`;

function expectTripThenPass(r: ScenarioResult, message: string | RegExp): void {
  expect(r.code).toBe(3); // the before_gate approval of attempt 2 (attempt 1's trip skipped it)
  expect(r.state.status).toBe('waiting');
  expect(r.state.waiting).toMatchObject({ step: 'impl', point: 'before_gate', attempt: 2 });
  const trips = r.events('guard.tripped', 'impl');
  expect(trips).toHaveLength(1);
  expect(trips[0]!.attempt).toBe(1);
  expect(trips[0]!.message).toMatch(message);
  const first = r.events('attempt.finished', 'impl')[0]!;
  expect(first).toMatchObject({ attempt: 1, status: 'guard_failed' });
  expect(first.error).toMatch(message);
  // No gate ran, no approval point for attempt 1.
  expect(r.events('gate.finished', 'impl')).toHaveLength(0);
  expect(r.events('approval.waiting', 'impl').map((e) => e.attempt)).toEqual([2]);
  // The reset removed attempt 1's files: attempt 2's snapshot holds only its own.
  expect(r.commits).toEqual(['[gump] step:base task:- attempt:1', '[gump] step:impl task:- attempt:2']);
  expect(r.file('tripped.txt')).toBeUndefined();
  expect(r.file('base.txt')).toBe('base\n');
  expect(r.file('base-edit.txt')).toBe('original\n');
  expect(r.file('second.txt')).toBe('ok\n');
  expect(r.state.values['impl.files']).toBe('second.txt');
  // Attempt 2 saw attempt 1's per-attempt status through prev.
  expect(r.state.prev.impl).toMatchObject({ status: 'guard_failed' });
}

const stubWith = (first: string) => `version: 1
rules:
  - match: base
    write: { "base.txt": "base\\n", "base-edit.txt": "original\\n" }
  - match: impl
    attempts:
      - write: { "tripped.txt": "should vanish\\n", "base-edit.txt": "changed\\n" }
        delete: [ base.txt ]
${first}
      - write: { "second.txt": "ok\\n" }
        replace: [ { file: AGENTS.md, find: "previous status guard_failed", with: "" } ]
`;

describe('§11 guards', () => {
  it('max_turns: more turn events than the limit trips, resets, bills and retries', async () => {
    const r = await runScenario({
      workflow: guarded('{ max_turns: 3 }'),
      stub: stubWith('        turns: 6\n        delay: 900ms\n        tokens: { in: 600, out: 60 }\n        cost: 0.6'),
    });
    expectTripThenPass(r, 'guard max_turns triggered: 4 turns, limit 3');
    // Metrics gathered up to the trip are billed (4 of 6 turns: 400 in, 40 out, $0.40).
    const billed = r.events('agent.finished', 'impl')[0]!;
    expect(billed).toMatchObject({ attempt: 1, turns: 4, tokensIn: 400, tokensOut: 40 });
    expect(billed.cost).toBeCloseTo(0.4, 6);
    expect(r.state.spend.tokensIn).toBe(400);
    expect(r.state.spend.cost).toBeCloseTo(0.4, 6);
    // Gate keys of the tripped attempt were never written.
    expect(Object.keys(r.state.prev.impl!).filter((k) => k.startsWith('gate.'))).toEqual([]);
    expect(r.state.prev.impl!.check_result).toBeUndefined();
  });

  it('max_tokens: input + output tokens above the limit trip', async () => {
    const r = await runScenario({
      workflow: guarded('{ max_tokens: 500 }'),
      stub: stubWith('        turns: 2\n        delay: 600ms\n        tokens: { in: 1000, out: 100 }'),
    });
    expectTripThenPass(r, 'guard max_tokens triggered: 550 tokens, limit 500');
    expect(r.events('agent.finished', 'impl')[0]).toMatchObject({ tokensIn: 500, tokensOut: 50 });
    expect(r.state.spend.tokensIn + r.state.spend.tokensOut).toBe(550);
  });

  it('max_budget: reported cost above the limit trips', async () => {
    const r = await runScenario({
      workflow: guarded('{ max_budget: 0.1 }'),
      stub: stubWith('        turns: 2\n        delay: 600ms\n        cost: 0.5'),
    });
    expectTripThenPass(r, /^guard max_budget triggered: \$0\.2500, limit \$0\.10$/);
    expect(r.events('agent.finished', 'impl')[0]!.costSource).toBe('reported');
    expect(r.state.spend.cost).toBeCloseTo(0.25, 6);
  });

  it('max_time: an attempt still running after the limit trips', async () => {
    const r = await runScenario({
      workflow: guarded('{ max_time: 1s }'),
      stub: stubWith('        turns: 2\n        delay: 20s'),
    });
    expectTripThenPass(r, 'guard max_time triggered: still running after 1s');
    const first = r.events('agent.finished', 'impl')[0]!;
    expect(first.durationMs as number).toBeGreaterThanOrEqual(1000);
    expect(first.durationMs as number).toBeLessThan(10_000);
  });

  it('no_write: a read-only validate step that writes a file trips; the file is gone', async () => {
    const r = await runScenario({
      workflow: `name: g
steps:
  - name: review
    type: validate
    agent: claude-sonnet
    prompt: "Review"
    gate: ["bash: true"]
    retry: [ { exit: 2 } ]
`,
      stub: `version: 1
rules:
  - match: review
    attempts:
      - write: { "src/fix.ts": "oops\\n" }
        validate: { pass: true }
        tokens: { in: 10, out: 5 }
      - validate: { pass: true }
`,
    });
    expect(r.code).toBe(0);
    expect(r.events('guard.tripped', 'review').map((e) => e.message)).toEqual([
      'guard no_write triggered: the agent changed src/fix.ts',
    ]);
    expect(r.events('attempt.finished', 'review').map((e) => e.status)).toEqual(['guard_failed', 'pass']);
    expect(r.events('gate.finished', 'review').map((e) => e.attempt)).toEqual([2]);
    expect(r.commits).toEqual([]);
    expect(r.file('src/fix.ts')).toBeUndefined();
    expect(r.state.spend.tokensIn).toBe(10);
    expect(r.state.values['review.output']).toBe('true');
    expect(r.state.values['review.files']).toBe('');
  });

  it('no_write ignores the output folder, runtime-owned paths and provider context files', async () => {
    const r = await runScenario({
      workflow:
        'name: g\nsteps:\n  - name: review\n    type: validate\n    agent: claude-sonnet\n    prompt: "Review"\n',
      files: { 'CLAUDE.md': 'user claude\n' },
      stub: `version: 1
rules:
  - match: review
    append: { "AGENTS.md": "scribble\\n", "CLAUDE.md": "scribble\\n", ".gump/run/notes.txt": "n\\n", "GEMINI.md": "new\\n" }
    out: { "extra.txt": "more output\\n" }
    validate: { pass: true }
`,
    });
    expect(r.code).toBe(0);
    expect(r.events('guard.tripped')).toHaveLength(0);
    expect(r.state.values['review.files']).toBe('');
    expect(r.state.values['review.output']).toBe('true');
    expect(r.commits).toEqual([]);
    expect(r.file('CLAUDE.md')).toBe('user claude\n');
  });

  it('a trip on the last attempt is fatal with the guard message', async () => {
    const r = await runScenario({
      workflow:
        'name: g\nsteps:\n  - name: impl\n    type: code\n    agent: claude-sonnet\n    prompt: "Go"\n    guard: { max_turns: 1 }\n',
      stub: 'version: 1\nrules:\n  - match: impl\n    write: { "x.txt": "x\\n" }\n    turns: 2\n',
    });
    expect(r.code).toBe(1);
    expect(r.state.values['impl.status']).toBe('fatal');
    expect(r.events('step.finished', 'impl')[0]!.message).toBe(
      'all 1 attempt failed; last error: guard max_turns triggered: 2 turns, limit 1',
    );
    expect(r.commits).toEqual([]);
    expect(r.file('x.txt')).toBeUndefined();
    expect(r.state.values['impl.gate.bash_0']).toBeUndefined();
  });
});
