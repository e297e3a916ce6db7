// Attempts the ledger never closed (no attempt.finished): running only while the run runs. One a
// later attempt of its step superseded, or of a run that stopped (killed, rejected), was
// interrupted; the one a run waits at is waiting.

interface OpenAttempt {
  status: string;
}

export function settleOpenAttempts(
  steps: readonly { step: string; attempts: OpenAttempt[] }[],
  run: { status: string; waiting?: { step: string } },
  live = run.status !== 'fatal' && run.status !== 'aborted' && run.status !== 'pass',
): void {
  for (const s of steps) {
    s.attempts.forEach((a, i) => {
      if (a.status !== 'running') return;
      const last = i === s.attempts.length - 1;
      if (last && run.status === 'waiting' && run.waiting?.step === s.step) a.status = 'waiting';
      else if (last && run.status === 'aborted') a.status = 'aborted';
      else if (!last || !live || run.status === 'waiting') a.status = 'interrupted';
    });
  }
}
