// Runtime state of one run (language.md §15, design.md "state between jobs"): the flat state map,
// prev snapshots, per-step retry bookkeeping, spend, and where the run stands. One JSON file,
// written complete after every lifecycle transition so any process can continue the run.

import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SessionTotals } from '../agents/types.js';

export const STATE_VERSION = 1;

export type RunStatus = 'running' | 'waiting' | 'pass' | 'fatal' | 'aborted';

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
    text = readStateText(file);
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
  return s;
}

/**
 * Writes the whole state to `<file>.<pid>.tmp`, then puts it in place. On Linux the old file is
 * unlinked before the rename: renaming over an existing file makes ext4 (auto_da_alloc) start
 * writing the new file's data out first, about 1 ms per save and six saves per attempt (issue 10,
 * bench/RESULTS.md). Between the unlink and the rename only the complete temporary file exists;
 * loadState reads it then (a concurrent reader, or a process killed in between).
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
  if (UNLINK_FIRST) unlinkIfPresent(file);
  renameSync(tmp, file);
}

function unlinkIfPresent(file: string): void {
  try {
    unlinkSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

const UNLINK_FIRST = process.platform === 'linux';

/**
 * The text of `file`; when it is missing, of the complete `<file>.<pid>.tmp` a save is putting in
 * place. A save that finished meanwhile wins (the temporary file may already hold the next save),
 * so successive reads never go back. A few rounds; then the first read error.
 */
function readStateText(file: string): string {
  let first: unknown;
  for (let round = 0; round < 20; round++) {
    const text = readIfPresent(file);
    if (text !== undefined) return text;
    const pending = pendingSave(file);
    const after = readIfPresent(file);
    if (after !== undefined) return after;
    if (pending !== undefined) return pending;
    first ??= Object.assign(new Error(`ENOENT: no such file or directory, open '${file}'`), { code: 'ENOENT' });
  }
  throw first;
}

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** The newest `<file>.<pid>.tmp` that parses as JSON (a save writes it whole before the unlink). */
function pendingSave(file: string): string | undefined {
  const dir = dirname(file);
  const prefix = `${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(prefix) && /^\d+\.tmp$/.test(n.slice(prefix.length)));
  } catch {
    return undefined;
  }
  const found: { mtime: number; text: string }[] = [];
  for (const name of names) {
    try {
      const path = join(dir, name);
      const mtime = statSync(path).mtimeMs;
      const text = readFileSync(path, 'utf8');
      JSON.parse(text);
      found.push({ mtime, text });
    } catch {
      // renamed into place meanwhile, or still being written
    }
  }
  found.sort((a, b) => b.mtime - a.mtime);
  return found[0]?.text;
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
