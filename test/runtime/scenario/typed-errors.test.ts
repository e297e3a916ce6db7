// Typed failures (issue 10, item 4): what the runtime acts on is recorded as a kind, never read back
// from a message — a parallel merge conflict (language.md §6.3) in the run state's `failureKind`, a
// validate step's negative verdict (§7.2) in the step record and the ledger's `errorKind`.

import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../runtime/run/report.js';
import { runPaths } from '../../../runtime/run/layout.js';
import { loadPlan } from '../../../runtime/run/plan-file.js';
import { summaryView } from '../../../runtime/run/summary-view.js';
import { readLedger } from '../../../runtime/state/ledger.js';
import { CLASH_WORKFLOW, GATED_REVIEW } from '../e2e/library-run.js';
import { continueScenario, runScenario, type ScenarioResult } from './harness.js';

const CLASH_STUB =
  'version: 1\nrules:\n  - match: both/one\n    write: { "x.txt": "1\\n" }\n  - match: both/two\n    write: { "x.txt": "2\\n" }\n';

describe('a parallel merge conflict is typed', () => {
  it('the run state records failureKind merge_conflict with the message; a resume meets it again', async () => {
    const r = await runScenario({ workflow: CLASH_WORKFLOW, stub: CLASH_STUB });
    expect(r.code).toBe(1);
    expect(r.state.status).toBe('fatal');
    expect(r.state.failureKind).toBe('merge_conflict');
    expect(r.state.message).toBe('parallel merge conflict in both: x.txt (one, two)');
    const again = await continueScenario(r);
    expect(again.state.status).toBe('fatal');
    expect(again.state.failureKind).toBe('merge_conflict');
  });

  it('a conflict inside a called workflow keeps its kind through the call', async () => {
    const r = await runScenario({
      workflow: 'name: caller\nsteps:\n  - name: sub\n    workflow: clash\n',
      files: { '.gump/workflows/clash.yaml': CLASH_WORKFLOW },
      stub: CLASH_STUB.replace(/match: both/g, 'match: sub/both'),
    });
    expect(r.state.status).toBe('fatal');
    expect(r.state.message).toBe(
      'step sub: workflow call failed: parallel merge conflict in sub/both: x.txt (one, two)',
    );
    expect(r.state.failureKind).toBe('merge_conflict');
  });

  it('another fatal end records no failure kind', async () => {
    const r = await runScenario({
      workflow:
        'name: w\nsteps:\n  - name: impl\n    type: code\n    agent: claude-sonnet\n    prompt: "Do {spec}"\n    gate: ["bash: test -f nothing.txt"]\n',
      stub: 'version: 1\nrules:\n  - match: impl\n    write: { "a.txt": "x" }\n',
    });
    expect(r.state.status).toBe('fatal');
    expect(r.state.message).toContain('step impl:');
    expect(r.state.failureKind).toBeUndefined();
  });
});

/** One run of GATED_REVIEW for the tests that only read it. */
let gated: Promise<ScenarioResult> | undefined;
const gatedRun = (): Promise<ScenarioResult> => (gated ??= runScenario(GATED_REVIEW));

describe('a negative verdict is typed', () => {
  it('the attempt, the step record and the report carry errorKind negative_verdict; a gate failure none', async () => {
    const r = await gatedRun();
    expect(r.code).toBe(0);
    const step = 'impl/retry/review/review';
    expect(r.events('attempt.finished', step)).toMatchObject([
      { status: 'fail', error: 'validate did not pass: naming is off', errorKind: 'negative_verdict' },
    ]);
    expect(r.state.steps[step]!.errorKind).toBe('negative_verdict');
    const gateFailure = r.events('attempt.finished', 'impl')[0]!;
    expect(gateFailure.status).toBe('fail');
    expect(gateFailure).not.toHaveProperty('errorKind');
    const report = buildReport(r.state, readLedger(runPaths(r.worktree).ledger));
    const attempts = report.steps.find((s) => s.step === step)!.attempts;
    expect(attempts.map((a) => a.errorKind)).toEqual(['negative_verdict']);
  });

  it('the report reads the verdict from the kind: the same error text without it is a failure', async () => {
    const r = await gatedRun();
    const plan = loadPlan(runPaths(r.worktree).plan);
    const events = readLedger(runPaths(r.worktree).ledger);
    const statusOf = (evs: typeof events): string | undefined =>
      summaryView(buildReport(r.state, evs), evs, r.state, plan).steps.find(
        (s) => s.step === 'impl/retry/review/review',
      )?.status;
    expect(statusOf(events)).toBe('verdict no');
    const untyped = events.map(({ errorKind: _, ...e }) => e as (typeof events)[number]);
    expect(untyped.some((e) => String(e.error ?? '').startsWith('validate did not pass:'))).toBe(true);
    expect(statusOf(untyped)).toBe('fatal');
  });
});
