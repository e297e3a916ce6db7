// Job boundaries as a DAG (docs/runtime.md "job boundaries"): each boundary names its parents, the
// boundaries its job restored. Collects the boundaries under a directory (any depth; the same name
// twice: the higher `seq` wins), orders them parents first and finds the tips. No git, no run state.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BOUNDARY } from '../../protocol/runtime-cli.js';
import { parseUnit, type Unit } from '../../protocol/units.js';

export interface BoundaryMeta {
  version: 1;
  name: string;
  /** Names of the boundaries the job restored (a re-run job: its earlier boundary's parents). */
  parents: string[];
  /** max(seq of the parents) + 1: later boundaries of one name win, parents sort first. */
  seq: number;
  /** The unit the job ran (`unitKey`), or '' for a job that only restored. */
  unit: string;
  /** The run branch head the job left. */
  head: string;
  /** The run status the job left. */
  status: string;
  runId: string;
  branch: string;
}

export interface CollectedBoundary {
  meta: BoundaryMeta;
  /** The boundary directory (holding boundary.json, run.bundle, run/). */
  dir: string;
}

export class BoundaryError extends Error {}

/** Every boundary under `root` by name (the highest `seq` of each name), parents first. */
export function collectBoundaries(root: string): CollectedBoundary[] {
  const byName = new Map<string, CollectedBoundary>();
  const walk = (dir: string): void => {
    if (existsSync(join(dir, BOUNDARY.meta))) {
      const meta = readMeta(join(dir, BOUNDARY.meta));
      const seen = byName.get(meta.name);
      if (!seen || meta.seq > seen.meta.seq) byName.set(meta.name, { meta, dir });
      return;
    }
    for (const entry of readdirSync(dir).sort()) {
      const p = join(dir, entry);
      if (statSync(p).isDirectory()) walk(p);
    }
  };
  if (existsSync(root) && statSync(root).isDirectory()) walk(root);
  return [...byName.values()].sort((a, b) => a.meta.seq - b.meta.seq || compare(a.meta.name, b.meta.name));
}

/**
 * The boundaries a job continues from. A link counts only from a lower to a higher `seq`: a name
 * saved again later (a re-run job) leaves its old descendants' links to it stale instead of making
 * a cycle. Of the boundaries no other lists as a parent, the newest wins — with every branch
 * boundary of the same fan-out when it is one (a merge job joins them).
 */
export function tipsOf(all: readonly CollectedBoundary[]): CollectedBoundary[] {
  const seqOf = new Map(all.map((b) => [b.meta.name, b.meta.seq]));
  const parents = new Set(all.flatMap((b) => b.meta.parents.filter((p) => (seqOf.get(p) ?? Infinity) < b.meta.seq)));
  const open = all.filter((b) => !parents.has(b.meta.name));
  const newest = open.reduce<CollectedBoundary | undefined>(
    (top, b) => (top === undefined || b.meta.seq >= top.meta.seq ? b : top),
    undefined,
  );
  if (!newest) return [];
  const fan = parseUnit(newest.meta.unit);
  if (fan?.kind !== 'branch') return [newest];
  return open.filter((b) => {
    const u = parseUnit(b.meta.unit);
    return u?.kind === 'branch' && u.index === fan.index;
  });
}

/** Several tips joined by a merge job: the branches of one fan-out, by branch number. */
export function fanTips(tips: readonly CollectedBoundary[]): {
  index: number;
  branches: { branch: number; tip: CollectedBoundary }[];
} {
  const units = tips.map((t) => ({ tip: t, unit: parseUnit(t.meta.unit) }));
  const branches = units.filter(
    (u): u is { tip: CollectedBoundary; unit: Extract<Unit, { kind: 'branch' }> } => u.unit?.kind === 'branch',
  );
  const index = branches[0]?.unit.index;
  if (index === undefined || branches.length !== tips.length || branches.some((b) => b.unit.index !== index)) {
    throw new BoundaryError(
      `cannot restore ${tips.length} boundaries (${tips.map((t) => t.meta.name).join(', ')}): only the branch boundaries of one parallel step can be joined`,
    );
  }
  return {
    index,
    branches: branches.map((b) => ({ branch: b.unit.branch, tip: b.tip })).sort((a, b) => a.branch - b.branch),
  };
}

/** The parents and seq of a boundary saved after restoring `tips` (a re-run keeps its own parents). */
export function lineage(name: string, tips: readonly BoundaryMeta[]): { parents: string[]; seq: number } {
  const seq = Math.max(0, ...tips.map((t) => t.seq)) + 1;
  const own = tips.find((t) => t.name === name);
  return { parents: own ? [...own.parents] : tips.map((t) => t.name), seq };
}

export function readMeta(file: string): BoundaryMeta {
  let m: BoundaryMeta;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as BoundaryMeta;
  } catch (e) {
    throw new BoundaryError(`cannot read boundary ${file}: ${(e as Error).message}`);
  }
  if (
    m?.version !== 1 ||
    typeof m.name !== 'string' ||
    !Array.isArray(m.parents) ||
    typeof m.seq !== 'number' ||
    typeof m.head !== 'string'
  ) {
    throw new BoundaryError(`${file} is not a gump boundary (version 1)`);
  }
  return m;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
