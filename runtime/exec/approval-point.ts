// Executor: an approval point (language.md §12) — the run stops and waits for `gump approve` or
// `gump reject`; the state says where, so the process that applies the decision continues there.

import type { Outcome, Services } from './services.js';

export function waitForApproval(
  svc: Services,
  path: string,
  point: 'before_gate' | 'after_gate',
  attempt: number,
): Outcome {
  svc.state.status = 'waiting';
  svc.state.waiting = { step: path, point, attempt, since: new Date(svc.now()).toISOString() };
  svc.ledger.emit('approval.waiting', { step: path, attempt, point });
  svc.trace.line(
    path,
    'waiting',
    `approval ${point.replace('_', ' ')} (gump approve ${svc.state.runId} / gump reject ${svc.state.runId})`,
  );
  svc.save();
  return { status: 'waiting', step: path };
}
