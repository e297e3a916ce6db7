// Test helper: a stand-in repository (bare, branch main) made from test/gha/fixtures/repo, fresh
// output folders and state, and fixture().run() to run a fixture workflow against them. The
// temporary folders are removed when the test passes and kept for inspection when it fails.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';
import { runWorkflow, type RunWorkflowOptions, type RunWorkflowResult } from './run-workflow.js';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** A bare repository whose main branch holds fixtures/repo in two commits. */
export function makeStandInRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'gha-standin-'));
  const work = join(root, 'work');
  cpSync(join(FIXTURES, 'repo'), work, { recursive: true });
  git(work, 'init', '-q', '-b', 'main');
  const commit = (message: string) =>
    git(work, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', message);
  commit('first');
  git(work, 'add', '-A');
  commit('second: fixture files');
  git(root, 'clone', '-q', '--bare', work, 'repo.git');
  return join(root, 'repo.git');
}

export interface Fixture {
  repo: string;
  out: string;
  state: string;
  run: (workflow: string, options?: Partial<RunWorkflowOptions>) => Promise<RunWorkflowResult>;
  read: (path: string) => string;
}

/** One stand-in repository and state shared by the runs of a test; each run its own output folder. */
export function fixture(): Fixture {
  const repo = makeStandInRepo();
  const base = mkdtempSync(join(tmpdir(), 'gha-out-'));
  onTestFinished(({ task }) => {
    if (task.result?.state !== 'pass') return;
    rmSync(base, { recursive: true, force: true });
    rmSync(dirname(repo), { recursive: true, force: true });
  });
  const state = join(base, 'state');
  let n = 0;
  const f: Fixture = {
    repo,
    out: '',
    state,
    run: (workflow, options = {}) => {
      f.out = join(base, `out-${++n}`);
      return runWorkflow({ repo, state, workflow: join(FIXTURES, 'workflows', workflow), out: f.out, ...options });
    },
    read: (path) => readFileSync(join(f.out, path), 'utf8'),
  };
  return f;
}
