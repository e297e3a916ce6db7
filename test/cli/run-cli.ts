// CLI test helpers: run the built CLI (bin/gump.mjs → dist/gump.mjs, built by test/global-setup.ts)
// as a child process, and make throw-away project folders.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, inject } from 'vitest';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'gump.mjs');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function gump(args: string[], cwd: string = ROOT): CliResult {
  const buildError = inject('cliBuildError');
  if (buildError) throw new Error(`the CLI bundle could not be built:\n${buildError}`);
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];
// Registered by every test file that imports this helper: its temp projects go when it ends.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp project (marked by `.gump/`) holding `files` (path → text or bytes). */
export function project(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'gump-cli-'));
  made.push(dir);
  mkdirSync(join(dir, '.gump'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** `GUMPnnn@line:col` of `gump check --format json` output. */
export function jsonCodesAt(stdout: string): string[] {
  const parsed = JSON.parse(stdout) as { diagnostics: { code: string; line: number; column: number }[] };
  return parsed.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);
}

export const CLEAN = `name: add-login
steps:
  - name: impl
    type: code
    agent: claude-sonnet
    prompt: "Implement {spec}"
    gate: [compile, test]
`;
