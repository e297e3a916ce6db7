// Runtime state of one run (language.md §15, design.md "state between jobs"): the flat state map,
// prev snapshots, per-step retry bookkeeping, spend, and where the run stands. One JSON file,
// written complete after every lifecycle transition so any process can continue the run.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SessionTotals } from '../agents/types.js';

export const STATE_VERSION = 1;

export type RunStatus = 'running' | 'waiting' | 'pass' | 'fatal' | 'aborted';

/**
 * Why a run ended fatal, when a later process acts on the reason (the local summary's next step):
 * `merge_conflict`, a parallel merge conflict (language.md §6.3), is final. Read as data, never
 * from the message text.
 */
export const RUN_FAILURE_KINDS = ['merge_conflict'] as const;
export type RunFailureKind = (typeof RUN_FAILURE_KINDS)[number];

/** Why an attempt failed, where the runtime acts on it: a validate step's negative verdict (§7.2). */
export const ATTEMPT_ERROR_KINDS = ['negative_verdict'] as const;
export type AttemptErrorKind = (typeof ATTEMPT_ERROR_KINDS)[number];

export interface Spend {
  cost: number;
  tokensIn: number;
  tokensOut: number;
}

/** Sticky retry overrides (§9.2). */
export interface Sticky {
  /** Index of the retry entry whose `agent` is active (rendered at each attempt). */
  agentEntry?: number;
  session?: 'new';
  worktree?: 'reset' | 'keep';
  /** Index of the retry entry whose prompt is active. */
  promptEntry?: number;
}

export interface StepRecord {
  status: 'running' | 'pass' | 'fatal' | 'aborted';
  /** Number of the latest attempt started (0 before the first). */
  attempt: number;
  /** Attempts are numbered from here in the current group-retry pass (§9.5). */
  attemptBase: number;
  sticky: Sticky;
  /** Commit before each attempt, by attempt number. */
  preCommit: Record<string, string>;
  /** Commit before the first attempt (blast radius, §6.2). */
  firstCommit?: string;
  /** Effective agent of each attempt. */
  agents: Record<string, string>;
  /** Where the current attempt stands, for resuming after an approval point or a crash. */
  phase?:
    | 'failed'
    | 'waiting-before-gate'
    | 'waiting-after-gate'
    | 'waiting-after-failure'
    | 'approved-before-gate'
    | 'approved-after-gate';
  /** Failure text of the latest failed attempt (its `{error}` for the next). */
  error?: string;
  /** What `error` is, when its first failure is one the runtime tells apart (a negative verdict). */
  errorKind?: AttemptErrorKind;
  message?: string;
  /** The session the step ended its previous pass with (§9.5: sessions are kept across passes). */
  carriedSession?: { id: string; agent: string };
}

export interface SplitRecord {
  tasks: { name: string; description: string; files: string[] }[];
  pass: number;
  /** Branch heads of passed parallel tasks (§9.5: they keep their results). */
  branchHeads: Record<string, string>;
  /** A branch that failed in a job of its own: its failure, for the merge job's join (§6.3). */
  branchFailures?: Record<string, string>;
  /** A parallel split's or group's branches were merged (§6.3): its task phase is over. */
  merged?: boolean;
  base?: string;
}

export interface Waiting {
  step: string;
  point: 'before_gate' | 'after_gate';
  attempt: number;
  since: string;
}

export interface RunState {
  version: typeof STATE_VERSION;
  runId: string;
  status: RunStatus;
  message?: string;
  /** The kind of failure `message` reports, when it is one a later process acts on (absent in old states). */
  failureKind?: RunFailureKind;
  /** Repository-relative plan path and its hash (the runtime refuses a different plan). */
  plan: { path: string; sha256: string };
  base: string;
  branch: string;
  spec: { path: string; text: string };
  inputs: Record<string, string>;
  /** The flat state map (§15.1): `<path>.<field>` → string. */
  values: Record<string, string>;
  /** prev snapshots (§15.3): step path → its keys from the previous attempt (without the prefix). */
  prev: Record<string, Record<string, string>>;
  steps: Record<string, StepRecord>;
  splits: Record<string, SplitRecord>;
  /** Stub invocation count per step path (§21: spans retries and passes). */
  stubCalls: Record<string, number>;
  spend: Spend;
  startedAt: string;
  /** Time spent waiting for approvals (excluded from max_timeout, §12). */
  waitedMs: number;
  waiting?: Waiting;
  /** Which step the run is in, for the trace and reports. */
  current?: string;
  /** Started in stub mode (`gump run --stub`, §21): every later process keeps it. */
  stub?: boolean;
  /**
   * Cumulative counters each agent session last reported, by session id (agents.md §16): a resume
   * is billed only the growth over them, in this process or a later job.
   */
  sessionTotals?: Record<string, SessionTotals>;
}

export function newRunState(
  init: Pick<RunState, 'runId' | 'plan' | 'base' | 'branch' | 'spec' | 'inputs' | 'startedAt'>,
): RunState {
  return {
    version: STATE_VERSION,
    status: 'running',
    values: {},
    prev: {},
    steps: {},
    splits: {},
    stubCalls: {},
    spend: { cost: 0, tokensIn: 0, tokensOut: 0 },
    waitedMs: 0,
    ...init,
  };
}

export class StateError extends Error {}

export function loadState(file: string): RunState {
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new StateError(`cannot read run state ${file}: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new StateError(`cannot read run state ${file}: ${(e as Error).message}`);
  }
  const s = data as RunState;
  if (!s || s.version !== STATE_VERSION || typeof s.values !== 'object')
    throw new StateError(`run state ${file} is not a gump run state (version ${STATE_VERSION})`);
  checkKinds(file, s);
  return s;
}

/** The typed failure fields hold known kinds (a state written by a newer runtime is refused, not misread). */
function checkKinds(file: string, s: RunState): void {
  const bad = (what: string, value: unknown, known: readonly string[]): never => {
    throw new StateError(`run state ${file}: ${what} ${JSON.stringify(value)} is not one of ${known.join(', ')}`);
  };
  if (s.failureKind !== undefined && !(RUN_FAILURE_KINDS as readonly unknown[]).includes(s.failureKind))
    bad('failureKind', s.failureKind, RUN_FAILURE_KINDS);
  for (const [path, rec] of Object.entries(s.steps ?? {}))
    if (rec?.errorKind !== undefined && !(ATTEMPT_ERROR_KINDS as readonly unknown[]).includes(rec.errorKind))
      bad(`steps.${path}.errorKind`, rec.errorKind, ATTEMPT_ERROR_KINDS);
}

/**
 * Writes the whole state to `<file>.<pid>.tmp`, then renames it over the old file: a reader sees the
 * old state or the new one, and ext4 (`auto_da_alloc`) flushes the new data before such a rename, so
 * a power loss leaves one of the two. (Unlinking first would save about 1 ms per save and lose that:
 * ARCHITECTURE.md.)
 */
export function saveState(file: string, state: RunState): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const text = `${JSON.stringify(state, null, 2)}\n`;
  try {
    writeFileSync(tmp, text);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(dirname(file), { recursive: true }); // the first save of a run
    writeFileSync(tmp, text);
  }
  renameSync(tmp, file);
}

export function stepRecord(state: RunState, path: string): StepRecord {
  let r = state.steps[path];
  if (!r)
    state.steps[path] = r = { status: 'running', attempt: 0, attemptBase: 0, sticky: {}, preCommit: {}, agents: {} };
  return r;
}

/** All keys under `<path>.` without the prefix (for prev snapshots). */
export function keysOf(state: RunState, path: string): Record<string, string> {
  const prefix = `${path}.`;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(state.values)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

/** Remove the keys of one step (before a fresh attempt writes its own). */
export function clearKeys(state: RunState, path: string, keep: (field: string) => boolean = () => false): void {
  const prefix = `${path}.`;
  for (const k of Object.keys(state.values))
    if (k.startsWith(prefix) && !keep(k.slice(prefix.length))) delete state.values[k];
}
