// The retry decision of language.md §9.2, before attempt k ≥ 2: matching entries copy their
// overrides into the sticky set (a later entry replaces the same key); an agent change without a
// sticky session starts a new session. Validator conditions are run by the caller's callback.

import type { AgentStep, RetryEntry } from '../../protocol/plan.js';
import type { Sticky } from '../state/run-state.js';

export interface RetryInputs {
  /** The attempt about to start (local number, ≥ 2). */
  k: number;
  /** Gates that evaluated to false in attempt k−1. */
  failedGates: ReadonlySet<string>;
  /** Runs a `validate:` condition now; true when the validator passes. */
  validatorPasses(entry: RetryEntry, index: number): Promise<boolean>;
}

export async function nextSticky(step: AgentStep, sticky: Sticky, input: RetryInputs): Promise<Sticky> {
  const next: Sticky = { ...sticky };
  for (const [index, entry] of step.retry.entries.entries()) {
    if (!(await matches(entry, index, input))) continue;
    if (entry.agent) next.agentEntry = index;
    if (entry.session) next.session = entry.session;
    if (entry.worktree) next.worktree = entry.worktree;
    if (entry.prompt) next.promptEntry = index;
  }
  return next;
}

async function matches(entry: RetryEntry, index: number, input: RetryInputs): Promise<boolean> {
  switch (entry.when.kind) {
    case 'attempt':
      return input.k >= entry.when.n;
    case 'not':
      return input.failedGates.has(entry.when.gate);
    case 'validate':
      return input.validatorPasses(entry, index);
  }
}
