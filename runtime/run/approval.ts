// Approval points (language.md §12): approve continues the waiting step from its approval point;
// reject ends the run `aborted` (a later resume waits at the same point again). Waiting time is
// excluded from max_timeout.

import type { Services } from '../exec/services.js';
import { stepRecord } from '../state/run-state.js';

export type Decision = 'approve' | 'reject';

/** `reason` (reject --reason): recorded in the ledger and in the run's message, so the report shows it. */
export function decide(svc: Services, decision: Decision, by = 'local user', reason?: string): string {
  const s = svc.state;
  const w = s.waiting;
  if (!w || (s.status !== 'waiting' && s.status !== 'aborted'))
    return `run ${s.runId} is not waiting for an approval (status ${s.status})`;
  const rec = stepRecord(s, w.step);
  // Waiting counts from `since` to now; a reject restarts the clock, so a resumed wait is not counted twice.
  s.waitedMs += Math.max(0, svc.now() - Date.parse(w.since));
  w.since = new Date(svc.now()).toISOString();
  const why = reason?.trim().replace(/\s+/g, ' ');
  svc.ledger.emit('approval.decided', {
    step: w.step,
    attempt: w.attempt,
    point: w.point,
    decision,
    by,
    ...(why ? { reason: why } : {}),
  });
  if (decision === 'reject') {
    s.status = 'aborted';
    delete s.failureKind;
    s.message = `rejected at ${w.point.replace('_', ' ')} of ${w.step}${why ? `: ${why}` : ''}`;
    svc.ledger.emit('run.finished', { status: 'aborted', message: s.message });
    svc.save();
    return '';
  }
  rec.phase =
    rec.phase === 'waiting-before-gate'
      ? 'approved-before-gate'
      : rec.phase === 'waiting-after-gate'
        ? 'approved-after-gate'
        : 'failed';
  s.status = 'running';
  delete s.waiting;
  delete s.message;
  svc.save();
  return '';
}
