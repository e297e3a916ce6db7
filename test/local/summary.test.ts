// The end-of-run lines of `gump run` (src/local/summary.ts): the next step after a fatal run reads
// the state's typed failure kind — a merge conflict is final (language.md §6.3) — never the message.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPaths } from '../../runtime/run/layout.js';
import { newRunState, saveState, type RunState } from '../../runtime/state/run-state.js';
import { printSummary } from '../../src/local/summary.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A stopped run's worktree: its state and a ledger that ends it 83 s after it started. */
function stoppedRun(over: Partial<RunState>): string {
  const worktree = mkdtempSync(join(tmpdir(), 'gump-summary-'));
  dirs.push(worktree);
  const paths = runPaths(worktree);
  const state = newRunState({
    runId: 'r1',
    plan: { path: '.gump/workflows/w.yaml', sha256: '0' },
    base: 'abc',
    branch: 'gump/run-r1',
    spec: { path: 'spec.md', text: 'Do it' },
    inputs: {},
    startedAt: '2026-01-01T00:00:00.000Z',
  });
  saveState(paths.state, { ...state, ...over });
  writeFileSync(paths.ledger, `${JSON.stringify({ event: 'run.finished', at: '2026-01-01T00:01:23.000Z' })}\n`);
  return worktree;
}

function summary(worktree: string): string {
  let out = '';
  printSummary(worktree, (s) => void (out += s));
  return out;
}

const CONFLICT_NEXT =
  'next: gump report r1; a merge conflict is final: change the workflow or the spec so tasks do not edit the same lines, and start a new run\n';
const RESUME_NEXT = 'next: gump report r1; gump run --resume r1 continues without redoing passed steps\n';

describe('printSummary: the next step of a fatal run', () => {
  it('a merge conflict (failureKind) is final, whatever its message says', () => {
    const out = summary(
      stoppedRun({ status: 'fatal', message: 'branches clash in both: a.txt (x, y)', failureKind: 'merge_conflict' }),
    );
    expect(out).toBe(
      `\nRun completed: fatal  duration: 1m23s  cost: $0.00\nbranches clash in both: a.txt (x, y)\nbranch: gump/run-r1\n${CONFLICT_NEXT}`,
    );
  });

  it('a message that reads like a conflict without the kind suggests --resume', () => {
    const out = summary(stoppedRun({ status: 'fatal', message: 'parallel merge conflict in both: a.txt (x, y)' }));
    expect(out.endsWith(RESUME_NEXT)).toBe(true);
    expect(out).not.toContain('a merge conflict is final');
  });
});
