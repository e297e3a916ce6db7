// Vitest global setup: bundles the CLI (scripts/build.mjs → dist/gump.mjs) when a source is newer
// than the bundle, so CLI tests can run bin/gump.mjs as a child process. Skipping a fresh bundle
// also avoids rewriting it under another test run that is executing it. A failed build does not
// stop other suites: the CLI tests read the error through inject('cliBuildError') and fail with it.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Empty when dist/gump.mjs is up to date, else the build's error output. */
    cliBuildError: string;
  }
}

const ROOT = join(import.meta.dirname, '..');
const BUNDLE = join(ROOT, 'dist', 'gump.mjs');
const RUNTIME_BUNDLE = join(ROOT, 'dist', 'gump-runtime.mjs');

export default function setup(project: TestProject): void {
  // Local run worktrees go to the user's cache dir (src/local/runs.ts): keep the tests' runs out of
  // it. Workers and the CLIs they start inherit this.
  process.env.GUMP_RUNS_DIR ??= mkdtempSync(join(tmpdir(), 'gump-test-runs-'));
  try {
    if (!isFresh()) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
    project.provide('cliBuildError', '');
  } catch (e) {
    const err = e as { stderr?: Buffer; message?: string };
    project.provide('cliBuildError', err.stderr?.toString() || err.message || String(e));
  }
}

/** The bundle exists and is newer than every input of the build. */
function isFresh(): boolean {
  if (!existsSync(BUNDLE) || !existsSync(RUNTIME_BUNDLE)) return false;
  const built = Math.min(statSync(BUNDLE).mtimeMs, statSync(RUNTIME_BUNDLE).mtimeMs);
  const inputs = [
    join(ROOT, 'package.json'),
    join(ROOT, 'package-lock.json'),
    join(ROOT, 'scripts', 'build.mjs'),
    ...['src', 'runtime', 'protocol', 'targets', 'library'].flatMap((d) => walk(join(ROOT, d))),
  ];
  return inputs.every((f) => !existsSync(f) || statSync(f).mtimeMs <= built);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}
