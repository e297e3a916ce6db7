// Executor services: everything a running step needs besides its frame — the plan, the state and
// how to persist it, the ledger, the trace printer, configuration, and how agents are started.

import type { Plan } from '../../protocol/plan.js';
import type { RuntimeConfig } from '../config.js';
import type { Ledger } from '../state/ledger.js';
import type { RunFailureKind, RunState } from '../state/run-state.js';

export interface Trace {
  line(step: string, what: string, detail?: string): void;
  warn(message: string): void;
  /** An attempt of `step` starts (CI logs open a collapsible group per step and attempt). */
  attempt?(step: string, attempt: number): void;
  /** An agent of `step` starts, reports usage while it streams, or ends (live progress). */
  agent?(step: string, p: AgentProgress): void;
  /** A gate of `step` starts (no result) or ends. */
  gate?(step: string, name: string, result?: { status: 'pass' | 'fail' | 'skipped' }): void;
}

export interface AgentProgress {
  phase: 'start' | 'update' | 'end';
  agent: string;
  turns: number;
  tokensIn: number;
  tokensOut: number;
  /** US dollars so far (reported or estimated). */
  cost: number;
  estimated: boolean;
}

export interface Services {
  plan: Plan;
  state: RunState;
  /** Persist the state (after every lifecycle transition). */
  save(): void;
  ledger: Ledger;
  trace: Trace;
  config: RuntimeConfig;
  /** The run worktree (repository root of the run branch). */
  worktree: string;
  /** `.gump/run` of the run: agent homes, raw streams, parallel branch worktrees. */
  runDir: string;
  /** Stub mode (§21): every agent but `pass` is played by the stub. */
  stub: boolean;
  /** Stub script path (absolute), when stub mode or a stub agent is used. */
  stubScript: string;
  /** Absolute path of the runtime entry file (the stub runs as `node <entry> __stub …`). */
  runtimeEntry: string;
  env: Record<string, string | undefined>;
  now(): number;
  /** Grace between SIGTERM and SIGKILL for agents (tests shorten it). */
  graceMs?: number;
}

/**
 * How a step or the run ended. A fatal outcome's `kind` says what failed when something acts on it
 * (a merge conflict is not retried, and the run records it): control flow reads the kind, never the
 * message, which is for people.
 */
export type Outcome =
  | { status: 'pass' }
  | { status: 'fatal'; message: string; kind?: RunFailureKind }
  | { status: 'aborted'; message: string }
  | { status: 'waiting'; step: string };

export const PASS: Outcome = { status: 'pass' };

export function fatal(message: string, kind?: RunFailureKind): Outcome {
  return kind === undefined ? { status: 'fatal', message } : { status: 'fatal', message, kind };
}
