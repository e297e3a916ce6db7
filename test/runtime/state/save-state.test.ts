// Saving the run state (runtime/state/run-state.ts): a save replaces the whole file by a rename over
// the old one, so a reader never sees a missing, partial or older state.

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadState, newRunState, saveState, type RunState } from '../../../runtime/state/run-state.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gump-state-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function state(runId: string, counter = 0): RunState {
  const s = newRunState({
    runId,
    plan: { path: '.gump/run/plan.json', sha256: 'abc' },
    base: 'b'.repeat(40),
    branch: `gump/run-${runId}`,
    spec: { path: 'spec.md', text: '# spec\n' },
    inputs: {},
    startedAt: '2026-12-07T00:00:00.000Z',
  });
  s.values['s.counter'] = String(counter);
  return s;
}

describe('saveState / loadState', () => {
  it('round-trips the state and leaves only state.json behind', () => {
    const file = join(dir, 'run', 'state.json');
    saveState(file, state('one', 1));
    saveState(file, state('two', 2));
    expect(loadState(file)).toEqual(state('two', 2));
    expect(readdirSync(join(dir, 'run'))).toEqual(['state.json']);
  });

  it('never shows a concurrent reader a missing, partial or older state', async () => {
    const file = join(dir, 'state.json');
    saveState(file, state('race', 0));
    // A second process saves 1..SAVES through the same module (bundled for plain node).
    const module = join(dir, 'run-state.mjs');
    buildSync({
      entryPoints: [join(import.meta.dirname, '../../../runtime/state/run-state.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: module,
      logLevel: 'silent',
    });
    const SAVES = 1500;
    const writer = `import { loadState, saveState } from ${JSON.stringify(module)};
const s = loadState(${JSON.stringify(file)});
for (let i = 1; i <= ${SAVES}; i++) { s.values['s.counter'] = String(i); saveState(${JSON.stringify(file)}, s); }`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', writer], { stdio: 'inherit' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let done = false;
    void exited.then(() => {
      done = true;
    });
    let last = 0;
    let reads = 0;
    while (!done) {
      const counter = Number(loadState(file).values['s.counter']);
      expect(counter).toBeGreaterThanOrEqual(last);
      last = counter;
      reads++;
      if (reads % 50 === 0) await new Promise((r) => setImmediate(r));
    }
    expect(await exited).toBe(0);
    expect(loadState(file).values['s.counter']).toBe(String(SAVES));
    expect(reads).toBeGreaterThan(0);
  }, 60_000);
});
