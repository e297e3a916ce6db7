// The runtime bundle as CI jobs run it (`node gump-runtime.mjs run --worktree …`): it refuses an
// invalid plan and a plan compiled from another version of its workflow (design.md), with one
// line naming the command to run and exit 2, before touching the run; a valid plan runs.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo } from '../scenario/harness.js';
import { demoProject, node, prepareRun, RUNTIME_BUNDLE } from './library-run.js';
import { readLedger } from '../../../runtime/state/ledger.js';
import { loadState } from '../../../runtime/state/run-state.js';

const WORKFLOW =
  'name: one\nsteps:\n  - name: impl\n    type: code\n    get: { prompt: "{spec}" }\n    run:\n      agent: claude-sonnet\n    gate: [compile]\n';
const STUB = 'version: 1\nrules:\n  - match: impl\n    write: { "src/a.js": "module.exports = 1;\\n" }\n';

async function freshRun(workflow = 'one'): Promise<{ repo: string; worktree: string }> {
  const repo = makeRepo(demoProject({ '.gump/workflows/one.yaml': WORKFLOW, '.gump/stub.yaml': STUB }));
  const run = await prepareRun(repo, { workflow, files: {} });
  return { repo, worktree: run.worktree };
}

/** The run did not move: still `running`, no step, nothing but run.started in the ledger. */
function untouched(worktree: string): void {
  const state = loadState(join(worktree, '.gump', 'run', 'state.json'));
  expect(state.status).toBe('running');
  expect(state.steps).toEqual({});
  expect(readLedger(join(worktree, '.gump', 'run', 'ledger.ndjson')).map((e) => e.event)).toEqual(['run.started']);
}

function oneLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('npm warn'));
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  return lines[0]!;
}

describe('runtime bundle: plan checks', () => {
  it('refuses a corrupt plan.json with one line and exit 2', async () => {
    const { worktree } = await freshRun();
    writeFileSync(join(worktree, '.gump', 'run', 'plan.json'), '{"version": 1, "root": ');
    const r = await node(worktree, RUNTIME_BUNDLE, ['run', '--worktree', worktree]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(
      /^gump-runtime: plan .*plan\.json is not valid JSON \(.*\); run gump compile again$/,
    );
    untouched(worktree);
  });

  it('refuses a plan of another version with exit 2, for `run` and `unit` alike', async () => {
    const { worktree } = await freshRun();
    const file = join(worktree, '.gump', 'run', 'plan.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"version": 1', '"version": 99'));
    for (const args of [['run'], ['unit', '--unit', '{"kind":"step","index":0}']]) {
      const r = await node(worktree, RUNTIME_BUNDLE, [...args, '--worktree', worktree]);
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toMatch(
        /^gump-runtime: plan .* has version 99, this runtime reads version 1; run gump compile again$/,
      );
    }
    untouched(worktree);
  });

  it('refuses a plan whose source hash does not match the workflow file at this commit, naming gump compile', async () => {
    const { worktree } = await freshRun();
    // The workflow changed at this commit, the plan was not recompiled.
    const wf = join(worktree, '.gump', 'workflows', 'one.yaml');
    writeFileSync(wf, WORKFLOW.replace('gate: [compile]', 'gate: [compile, test]'));
    for (const args of [['run'], ['unit', '--unit', '{"kind":"step","index":0}']]) {
      const r = await node(worktree, RUNTIME_BUNDLE, [...args, '--worktree', worktree]);
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toMatch(
        /^gump-runtime: the plan was compiled from another version of \.gump\/workflows\/one\.yaml \(source hash [0-9a-f]{12}, the file at this commit has [0-9a-f]{12}\); run gump compile and commit the result$/,
      );
    }
    untouched(worktree);
    // `gump run` compiles from the working tree itself and says so.
    const skipped = await node(worktree, RUNTIME_BUNDLE, [
      'unit',
      '--unit',
      '{"kind":"step","index":0}',
      '--worktree',
      worktree,
      '--skip-source-check',
    ]);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(loadState(join(worktree, '.gump', 'run', 'state.json')).steps.impl?.status).toBe('pass');
  });

  it('runs a plan whose source matches; a built-in workflow has no source file to check', async () => {
    const { worktree } = await freshRun();
    const r = await node(worktree, RUNTIME_BUNDLE, ['run', '--worktree', worktree]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('[impl]');
    const state = loadState(join(worktree, '.gump', 'run', 'state.json'));
    expect(state.status).toBe('pass');
    expect(state.values['impl.gate.compile']).toBe('true');
    const ledger = readLedger(join(worktree, '.gump', 'run', 'ledger.ndjson')).map((e) => e.event);
    expect(ledger.slice(0, 2)).toEqual(['run.started', 'run.resumed']);
    expect(ledger.at(-1)).toBe('run.finished');

    const builtin = await freshRun('freeform');
    expect(loadState(join(builtin.worktree, '.gump', 'run', 'state.json')).plan.path).toBe('builtin:freeform.yaml');
    const b = await node(builtin.worktree, RUNTIME_BUNDLE, ['run', '--worktree', builtin.worktree], {
      GUMP_STUB_SCRIPT: '.gump/stub.yaml',
    });
    expect(b.code, b.stderr).toBe(0);
  });

  it('refuses a plan swapped for another one mid-run', async () => {
    const { worktree } = await freshRun();
    const file = join(worktree, '.gump', 'run', 'plan.json');
    const plan = JSON.parse(readFileSync(file, 'utf8')) as { source: { sha256: string } };
    plan.source.sha256 = 'f'.repeat(64);
    writeFileSync(file, JSON.stringify(plan));
    const r = await node(worktree, RUNTIME_BUNDLE, ['run', '--worktree', worktree]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(
      /^gump-runtime: the plan in \.gump\/run\/plan\.json is not the one run \S+ started with .*; start a new run$/,
    );
    untouched(worktree);
  });
});
