// Executor: how a gate-only step, a parallel group or a workflow call ends (language.md §15.2): a
// passed step met again is skipped; otherwise its record, `status` key, ledger event and trace line.

import { stateKey } from '../../protocol/state-keys.js';
import { stepRecord } from '../state/run-state.js';
import type { Executor } from './executor.js';
import { PASS, type Outcome } from './services.js';

/** A step that passed before (resume, group retry): not run again. */
export function skipped(ex: Executor, path: string): Outcome {
  ex.svc.ledger.emit('step.skipped', { step: path });
  return PASS;
}

export function finish(ex: Executor, path: string, outcome: Outcome): Outcome {
  const svc = ex.svc;
  if (outcome.status === 'waiting') return outcome;
  const rec = stepRecord(svc.state, path);
  const status = outcome.status === 'pass' ? 'pass' : outcome.status === 'aborted' ? 'aborted' : 'fatal';
  rec.status = status;
  svc.state.values[stateKey(path, 'status')] = status;
  svc.ledger.emit('step.finished', {
    step: path,
    status,
    ...(outcome.status === 'fatal' ? { message: outcome.message } : {}),
  });
  if (status !== 'pass')
    svc.trace.line(path, status, outcome.status === 'fatal' ? outcome.message.split('\n')[0] : undefined);
  else svc.trace.line(path, 'pass');
  svc.save();
  return outcome;
}
