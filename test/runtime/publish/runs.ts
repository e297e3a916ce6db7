// Runs for the publish and report tests, made with the stub agent exactly as `gump run --stub`
// (test/runtime/scenario/harness.ts): passed, fatal at a failing gate, waiting at an approval point;
// a bare `origin` for each; the runtime bundle run as CI runs it, with a clean environment.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { node, RUNTIME_BUNDLE, type Cli } from '../e2e/library-run.js';
import { runScenario, type ScenarioResult } from '../scenario/harness.js';

export const SPEC = '# Add a greeting | to the CLI\n\nPrint "hello" when called without arguments.\n';

const workflow = (extra: string): string => `name: greet
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
${extra}`;

const STUB = 'version: 1\nrules:\n  - match: impl\n    write: { "hello.txt": "hello\\n" }\n';

export function passedRun(): Promise<ScenarioResult> {
  return runScenario({ workflow: workflow('    gate: ["bash: test -f hello.txt"]\n'), stub: STUB, spec: SPEC });
}

/** Fails at its gate: stderr of 30 lines, the first with a pipe (table escaping). */
export function fatalRun(): Promise<ScenarioResult> {
  const gate =
    'bash: echo "lint: 2 problems | hello.txt" >&2; for i in $(seq 1 30); do echo problem-$i >&2; done; exit 1';
  return runScenario({ workflow: workflow(`    gate: ['${gate}']\n`), stub: STUB, spec: SPEC });
}

export function waitingRun(): Promise<ScenarioResult> {
  return runScenario({
    workflow: workflow('    hitl: before_gate\n    gate: ["bash: test -f hello.txt"]\n'),
    stub: STUB,
    spec: SPEC,
  });
}

/** A bare repository added as `origin` of the run's repository (its worktrees share the config). */
export function addOrigin(r: ScenarioResult): string {
  const bare = mkdtempSync(join(tmpdir(), 'gump-origin-'));
  execFileSync('git', ['init', '-q', '--bare', bare]);
  execFileSync('git', ['remote', 'add', 'origin', bare], { cwd: r.repo });
  return bare;
}

export function remoteHeads(bare: string): string[] {
  const out = execFileSync('git', ['for-each-ref', '--format=%(refname)', 'refs/heads'], {
    cwd: bare,
    encoding: 'utf8',
  }).trim();
  return out === '' ? [] : out.split('\n');
}

/** The runtime bundle as a CI job runs it; inherited GITHUB_*, GITLAB_*, CI_* and GUMP_* variables are dropped. */
export function runtime(r: ScenarioResult, args: string[], env: Record<string, string> = {}): Promise<Cli> {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(GITHUB_|GITLAB_|CI_|GUMP_)/.test(k) && k !== 'CI') clean[k] = v;
  return nodeClean(r.worktree, [args[0]!, '--worktree', r.worktree, ...args.slice(1)], { ...clean, ...env });
}

function nodeClean(cwd: string, args: string[], env: Record<string, string>): Promise<Cli> {
  // library-run's `node` merges process.env under env; give it every key so nothing leaks back in.
  const blanked: Record<string, string> = {};
  for (const k of Object.keys(process.env)) if (!(k in env)) blanked[k] = '';
  return node(cwd, RUNTIME_BUNDLE, args, { ...blanked, ...env });
}

export function ledgerEvents(r: ScenarioResult, name: string): Record<string, unknown>[] {
  return readFileSync(join(r.worktree, '.gump', 'run', 'ledger.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((e) => e.event === name);
}

export function gitConfigText(r: ScenarioResult): string {
  return readFileSync(join(r.repo, '.git', 'config'), 'utf8');
}
