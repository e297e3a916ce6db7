// Opens a run from its directory: plan, state, ledger and configuration → executor Services.
// Every runtime command (run, unit, approve, report) starts here, so nothing lives only in memory.

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readRuntimeConfig } from '../config.js';
import { Ledger } from '../state/ledger.js';
import { loadState, saveState } from '../state/run-state.js';
import type { Services, Trace } from '../exec/services.js';
import { runPaths } from './layout.js';
import { loadPlan } from './plan-file.js';

export interface OpenOptions {
  trace: Trace;
  runtimeEntry: string;
  env?: Record<string, string | undefined>;
  /** Stub mode (§21); default: GUMP_STUB=1 in the environment. */
  stub?: boolean;
  now?: () => number;
  graceMs?: number;
}

export function openRun(worktree: string, opts: OpenOptions): Services {
  const paths = runPaths(worktree);
  const env = opts.env ?? process.env;
  const plan = loadPlan(paths.plan);
  const state = loadState(paths.state);
  mkdirSync(paths.dir, { recursive: true });
  const script = env.GUMP_STUB_SCRIPT ?? '.gump/stub.yaml';
  const svc: Services = {
    plan,
    state,
    save: () => saveState(paths.state, state),
    ledger: new Ledger(paths.ledger),
    trace: opts.trace,
    config: readRuntimeConfig(worktree),
    worktree,
    runDir: paths.dir,
    stub: opts.stub ?? (state.stub === true || env.GUMP_STUB === '1'),
    stubScript: script.startsWith('/') ? script : join(worktree, script),
    runtimeEntry: opts.runtimeEntry,
    env,
    now: opts.now ?? Date.now,
    ...(opts.graceMs !== undefined ? { graceMs: opts.graceMs } : {}),
  };
  return svc;
}

export function runExists(worktree: string): boolean {
  return existsSync(runPaths(worktree).state);
}
