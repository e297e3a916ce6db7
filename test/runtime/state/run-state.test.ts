// Loading a run state (runtime/state/run-state.ts): the typed failure fields — the run's
// `failureKind`, a step's `errorKind` — are optional (states written before them still load) and
// hold only known kinds.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadState, newRunState, StateError } from '../../../runtime/state/run-state.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function stateFile(over: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gump-state-'));
  dirs.push(dir);
  const file = join(dir, 'state.json');
  const base = newRunState({
    runId: 'r1',
    plan: { path: 'w.yaml', sha256: '0' },
    base: 'abc',
    branch: 'gump/run-r1',
    spec: { path: 'spec.md', text: '' },
    inputs: {},
    startedAt: '2026-01-01T00:00:00.000Z',
  });
  writeFileSync(file, JSON.stringify({ ...base, ...over }));
  return file;
}

const step = { status: 'fatal', attempt: 1, attemptBase: 0, sticky: {}, preCommit: {}, agents: {} };

describe('loadState: typed failure fields', () => {
  it('reads a state without them (written before they existed)', () => {
    const s = loadState(
      stateFile({ status: 'fatal', message: 'parallel merge conflict in x: a (b, c)', steps: { x: step } }),
    );
    expect(s.failureKind).toBeUndefined();
    expect(s.steps.x!.errorKind).toBeUndefined();
  });

  it('reads the known kinds', () => {
    const s = loadState(
      stateFile({
        failureKind: 'merge_conflict',
        steps: { 'x/gate/r/review': { ...step, errorKind: 'negative_verdict' } },
      }),
    );
    expect(s.failureKind).toBe('merge_conflict');
    expect(s.steps['x/gate/r/review']!.errorKind).toBe('negative_verdict');
  });

  it('refuses an unknown run failure kind', () => {
    const file = stateFile({ failureKind: 'conflict' });
    expect(() => loadState(file)).toThrow(StateError);
    expect(() => loadState(file)).toThrow(`run state ${file}: failureKind "conflict" is not one of merge_conflict`);
  });

  it('refuses an unknown attempt error kind', () => {
    const file = stateFile({ steps: { impl: { ...step, errorKind: 'verdict' } } });
    expect(() => loadState(file)).toThrow(
      `run state ${file}: steps.impl.errorKind "verdict" is not one of negative_verdict`,
    );
  });
});
