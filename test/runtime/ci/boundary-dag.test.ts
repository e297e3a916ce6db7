// The boundary DAG without git (runtime/run/boundary-dag.ts): tips of a chain, of a fan-out, after
// a re-run job re-saved a name; the lineage of a new boundary; and unit keys (protocol/units.ts).

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUnit, unitKey, type Unit } from '../../../protocol/units.js';
import {
  BoundaryError,
  collectBoundaries,
  fanTips,
  lineage,
  tipsOf,
  type BoundaryMeta,
} from '../../../runtime/run/boundary-dag.js';

function meta(name: string, seq: number, parents: string[], unit = name): BoundaryMeta {
  return {
    version: 1,
    name,
    parents,
    seq,
    unit,
    head: `h-${name}-${seq}`,
    status: 'running',
    runId: 'r',
    branch: 'gump/run-r',
  };
}

/** Boundaries written under `root`, each in the given sub-path (any depth). */
function folder(entries: [string, BoundaryMeta][]): string {
  const root = mkdtempSync(join(tmpdir(), 'gump-dag-'));
  for (const [path, m] of entries) {
    mkdirSync(join(root, path), { recursive: true });
    writeFileSync(join(root, path, 'boundary.json'), JSON.stringify(m));
  }
  return root;
}

const names = (root: string): string[] => tipsOf(collectBoundaries(root)).map((b) => `${b.meta.name}@${b.meta.seq}`);

describe('boundary DAG', () => {
  it('a chain at any depth has one tip; parents sort first', () => {
    const root = folder([
      ['a/step-0', meta('step-0', 1, [])],
      ['deep/er/planner-1', meta('planner-1', 2, ['step-0'])],
      ['slot-1-0', meta('slot-1-0', 3, ['planner-1'])],
    ]);
    expect(collectBoundaries(root).map((b) => b.meta.name)).toEqual(['step-0', 'planner-1', 'slot-1-0']);
    expect(names(root)).toEqual(['slot-1-0@3']);
  });

  it('the branch boundaries of one fan-out are the tips, joined in branch order', () => {
    const root = folder([
      ['p', meta('planner-1', 2, ['step-0'])],
      ['s', meta('step-0', 1, [])],
      ['b1', meta('branch-1-1', 3, ['planner-1'])],
      ['b0', meta('branch-1-0', 3, ['planner-1'])],
    ]);
    const tips = tipsOf(collectBoundaries(root));
    expect(fanTips(tips)).toMatchObject({ index: 1, branches: [{ branch: 0 }, { branch: 1 }] });
  });

  it('tips of different steps cannot be joined', () => {
    const all = collectBoundaries(folder([['x', meta('step-0', 1, [])]]));
    expect(() => fanTips([...all, { ...all[0]!, meta: meta('step-2', 1, []) }])).toThrow(BoundaryError);
  });

  it('the same name twice: the higher seq wins', () => {
    const root = folder([
      ['attempt-1/step-1', meta('step-1', 2, ['step-0'])],
      ['attempt-2/step-1', meta('step-1', 3, ['step-0'])],
      ['step-0', meta('step-0', 1, [])],
    ]);
    expect(names(root)).toEqual(['step-1@3']);
  });

  it('a name re-saved after later jobs built on it: the stale link is ignored, the newest boundary is the tip', () => {
    const root = folder([
      ['planner-0', meta('planner-0', 6, ['step-1'])],
      ['slot-0-0', meta('slot-0-0', 2, ['planner-0'])],
      ['step-0', meta('step-0', 4, ['slot-0-0'])],
      ['step-1', meta('step-1', 5, ['step-0'])],
    ]);
    expect(names(root)).toEqual(['planner-0@6']);
  });

  it('lineage: parents are the restored tips; a re-run keeps its own earlier parents; seq grows', () => {
    expect(lineage('merge-1', [meta('branch-1-0', 3, ['planner-1']), meta('branch-1-1', 3, ['planner-1'])])).toEqual({
      parents: ['branch-1-0', 'branch-1-1'],
      seq: 4,
    });
    expect(lineage('step-1', [meta('step-1', 2, ['step-0'])])).toEqual({ parents: ['step-0'], seq: 3 });
    expect(lineage('step-0', [])).toEqual({ parents: [], seq: 1 });
  });

  it('an empty or missing folder has no boundary', () => {
    expect(collectBoundaries(join(tmpdir(), 'gump-no-such-folder'))).toEqual([]);
  });
});

describe('unit keys', () => {
  const units: Unit[] = [
    { kind: 'step', index: 0 },
    { kind: 'planner', index: 1 },
    { kind: 'merge', index: 2 },
    { kind: 'task', index: 1, task: 'add-a' },
    { kind: 'slot', index: 1, slot: 3, last: false },
    { kind: 'slot', index: 1, slot: 19, last: true },
    { kind: 'branch', index: 4, branch: 0 },
  ];
  it('round-trip through unitKey and parseUnit, also from JSON', () => {
    expect(units.map(unitKey)).toEqual([
      'step-0',
      'planner-1',
      'merge-2',
      'task-1-add-a',
      'slot-1-3',
      'slot-1-19-last',
      'branch-4-0',
    ]);
    for (const u of units) expect(parseUnit(unitKey(u))).toEqual(u);
    for (const u of units) expect(parseUnit(JSON.stringify(u))).toEqual(u);
  });
  it('rejects malformed keys', () => {
    for (const bad of ['', 'step', 'step-x', 'slot-1', 'branch-1', 'merge-1-2', '{"kind":"nope"}', '{'])
      expect(parseUnit(bad)).toBeUndefined();
  });
});
