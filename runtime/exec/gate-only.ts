// Executor: a gate-only step (language.md §8.6): its gates over everything changed since the diff
// base (the run base, or the branch base in a parallel branch), one attempt, never retried.

import { join } from 'node:path';
import type { GateOnlyStep } from '../../protocol/plan.js';
import { stateKey } from '../../protocol/state-keys.js';
import { changedFiles } from '../git/changes.js';
import { stepRecord } from '../state/run-state.js';
import { progressDetail } from './error-excerpt.js';
import type { Executor } from './executor.js';
import { fullPath, type Frame } from './frame.js';
import { recordGates, runGates } from './gate-run.js';
import { fatal, PASS, type Outcome } from './services.js';
import { finish, skipped } from './step-end.js';

export async function runGateOnly(ex: Executor, frame: Frame, step: GateOnlyStep): Promise<Outcome> {
  const svc = ex.svc;
  const path = fullPath(frame, step.path);
  const rec = stepRecord(svc.state, path);
  if (rec.status === 'pass') return skipped(ex, path);
  rec.status = 'running';
  rec.attempt = rec.attemptBase + 1;
  svc.ledger.emit('step.started', { step: path, kind: 'gate-only' });
  const files = await changedFiles(frame.cwd, frame.diffBase);
  const results = await runGates(ex, frame, step.gates, {
    path,
    stepType: 'gate-only',
    outDir: join(frame.cwd, '.gump', 'out'),
    changedFiles: files,
    attempt: 1,
    view: { path, attempt: 1, error: '', diff: '' },
  });
  svc.state.values[stateKey(path, 'attempt')] = '1';
  svc.state.values[stateKey(path, 'retries')] = '0';
  const failed = recordGates(svc, path, 1, results, 'gate-only');
  const error = failed.map((r) => r.error ?? r.name).join('\n---\n');
  if (failed.length > 0) svc.trace.line(path, 'fail', progressDetail(error));
  svc.ledger.emit('attempt.finished', {
    step: path,
    attempt: 1,
    status: failed.length === 0 ? 'pass' : 'fail',
    ...(failed.length > 0 ? { error } : {}),
  });
  return finish(ex, path, failed.length === 0 ? PASS : fatal(`step ${path}: ${error}`));
}
