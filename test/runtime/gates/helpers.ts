// Test helpers for the gates: temp project folders with marker files, fake programs on a private
// PATH, and a GateContext factory with a short timeout.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defaultRuntimeConfig, type RuntimeConfig } from '../../../runtime/config.js';
import type { GateContext } from '../../../runtime/gates/evaluate.js';

export interface Project {
  root: string;
  /** A private bin folder (not on PATH unless added). */
  bin: string;
  write(path: string, text: string): void;
  /** An executable `#!/bin/sh` script in `bin`. */
  program(name: string, script?: string): void;
  cleanup(): void;
}

export function makeProject(files: Record<string, string> = {}): Project {
  const root = mkdtempSync(join(tmpdir(), 'gump-gates-'));
  const bin = join(root, '.bin');
  mkdirSync(bin);
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  for (const [path, text] of Object.entries(files)) write(path, text);
  return {
    root,
    bin,
    write,
    program(name, script = 'exit 0') {
      writeFileSync(join(bin, name), `#!/bin/sh\n${script}\n`);
      chmodSync(join(bin, name), 0o755);
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function config(
  validation: Partial<RuntimeConfig['validation']> = {},
  errorContext: Partial<RuntimeConfig['errorContext']> = {},
): RuntimeConfig {
  const c = defaultRuntimeConfig();
  return {
    ...c,
    validation: { ...c.validation, timeoutMs: 10_000, ...validation },
    errorContext: { ...c.errorContext, ...errorContext },
  };
}

export function context(p: Project, extra: Partial<GateContext> = {}): GateContext {
  return {
    worktree: p.root,
    stepType: 'code',
    outDir: join(p.root, '.gump/out'),
    changedFiles: [],
    env: {
      PATH: process.env.PATH ?? '',
      GUMP_RUN_ID: 'r1',
      GUMP_STEP_PATH: 'impl',
      GUMP_ATTEMPT: '2',
      GUMP_TASK_NAME: '',
    },
    config: config(),
    runValidator: async () => ({ pass: true, comments: '' }),
    graceMs: 200,
    ...extra,
  };
}

/** `node -e <script>` quoted for sh. */
export function nodeCmd(script: string): string {
  return `node -e '${script.replace(/'/g, `'\\''`)}'`;
}
