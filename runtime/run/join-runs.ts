// Joins the run directories of the branch jobs of one fan-out (language.md §6.3 "each branch's
// state keys are merged into the run state after the join") into one run directory: every branch's
// own state paths, spend and stub counts on top of the fan-out base, ledger events in branch order.
// Each branch job records the figures of the base it started from (branch-base.json).

import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Services } from '../exec/services.js';
import { loadState, saveState, type RunState, type Spend } from '../state/run-state.js';

const BRANCH_BASE = 'branch-base.json';
/** Run-directory entries that are the run's own, never copied between branches. */
const JOINED = new Set(['state.json', 'ledger.ndjson', 'plan.json', 'report.json', 'report.md', BRANCH_BASE]);

interface BranchBase {
  ledgerLines: number;
  spend: Spend;
  stubCalls: Record<string, number>;
}

/** A branch job records where its run stood before the branch ran. */
export function recordBranchBase(svc: Services): void {
  const base: BranchBase = {
    ledgerLines: ledgerLines(join(svc.runDir, 'ledger.ndjson')).length,
    spend: { ...svc.state.spend },
    stubCalls: { ...svc.state.stubCalls },
  };
  writeFileSync(join(svc.runDir, BRANCH_BASE), `${JSON.stringify(base)}\n`);
}

export interface BranchRun {
  /** The branch's name (task or child) and its job's run directory. */
  name: string;
  dir: string;
}

/**
 * Writes into `into` (a copy of the first branch's run directory) the join of `branches`, which
 * share the fan-out base of step `path`. Returns the joined state.
 */
export function joinBranchRuns(into: string, path: string, branches: readonly BranchRun[]): RunState {
  const states = branches.map((b) => loadState(join(b.dir, 'state.json')));
  const bases = branches.map((b) => readBase(b.dir));
  const base = bases[0] ?? { ledgerLines: 0, spend: states[0]!.spend, stubCalls: states[0]!.stubCalls };
  const state = structuredClone(states[0]!);
  const split = state.splits[path];
  for (const [i, b] of branches.entries()) {
    const s = states[i]!;
    const own = ownPaths(`${path}/${b.name}`);
    for (const field of ['values', 'steps', 'prev'] as const) {
      const target = state[field] as Record<string, unknown>;
      for (const k of Object.keys(target)) if (own(k)) delete target[k];
      for (const [k, v] of Object.entries(s[field])) if (own(k)) target[k] = v;
    }
    const theirs = s.splits[path];
    if (split && theirs) {
      if (theirs.branchHeads[b.name] !== undefined) split.branchHeads[b.name] = theirs.branchHeads[b.name]!;
      const failure = theirs.branchFailures?.[b.name];
      if (failure !== undefined) (split.branchFailures ??= {})[b.name] = failure;
      else delete split.branchFailures?.[b.name];
      split.base ??= theirs.base;
    }
  }
  state.spend = sumSpend(
    base.spend,
    states.map((s) => s.spend),
  );
  state.stubCalls = sumCounts(
    base.stubCalls,
    states.map((s) => s.stubCalls),
  );
  const ledgers = branches.map((b) => ledgerLines(join(b.dir, 'ledger.ndjson')));
  const lines = [
    ...ledgers[0]!.slice(0, base.ledgerLines),
    ...ledgers.flatMap((l, i) => l.slice(bases[i]?.ledgerLines ?? base.ledgerLines)),
  ];
  for (const b of branches.slice(1)) copyMissing(b.dir, into);
  writeFileSync(join(into, 'ledger.ndjson'), lines.map((l) => `${l}\n`).join(''));
  rmSync(join(into, BRANCH_BASE), { force: true });
  saveState(join(into, 'state.json'), state);
  return state;
}

/** A path or key of branch `p` (`<p>`, `<p>/…`, `<p>.field`). */
function ownPaths(p: string): (key: string) => boolean {
  return (k) => k === p || k.startsWith(`${p}/`) || k.startsWith(`${p}.`);
}

function sumSpend(base: Spend, all: Spend[]): Spend {
  const out = { ...base };
  for (const s of all) {
    out.cost += s.cost - base.cost;
    out.tokensIn += s.tokensIn - base.tokensIn;
    out.tokensOut += s.tokensOut - base.tokensOut;
  }
  return out;
}

function sumCounts(base: Record<string, number>, all: Record<string, number>[]): Record<string, number> {
  const out = { ...base };
  for (const c of all) for (const [k, v] of Object.entries(c)) out[k] = (out[k] ?? 0) + v - (base[k] ?? 0);
  return out;
}

function readBase(dir: string): BranchBase | undefined {
  const file = join(dir, BRANCH_BASE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BranchBase) : undefined;
}

function ledgerLines(file: string): string[] {
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
    : [];
}

/** Streams, typed outputs and session stores of another branch (files the first one lacks). */
function copyMissing(from: string, to: string): void {
  cpSync(from, to, {
    recursive: true,
    force: false,
    errorOnExist: false,
    filter: (src) => !JOINED.has(src.slice(from.length + 1)),
  });
}
