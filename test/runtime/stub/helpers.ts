// Test helpers for the stub agent: an esbuild bundle of the stub entry (a child `node` cannot run
// .ts), a temp worktree with a script, and a stub adapter with an in-memory invocation counter.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createStubAdapter } from '../../../runtime/stub/adapter.js';
import type { AgentAdapter } from '../../../runtime/agents/types.js';

export async function bundleStubEntry(dir: string): Promise<string> {
  const outfile = join(dir, 'stub-main.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./stub-main.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    // yaml's node build calls require(): give the ESM bundle one, as scripts/build.mjs does.
    banner: {
      js: "import { createRequire as __gumpCreateRequire } from 'node:module';\nconst require = __gumpCreateRequire(import.meta.url);",
    },
  });
  return outfile;
}

/**
 * Bundles runtime/stub/main.ts as `<dir>/gump-stub.cjs` (as scripts/build.mjs does beside the
 * runtime bundle); returns the source files bundled, to check the YAML parser is not among them.
 */
export async function bundleSmallStub(dir: string): Promise<string[]> {
  const outfile = join(dir, 'gump-stub.cjs');
  const r = await build({
    entryPoints: [fileURLToPath(new URL('../../../runtime/stub/main.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
    metafile: true,
  });
  return Object.keys(r.metafile.inputs);
}

export interface StubSandbox {
  root: string;
  cwd: string;
  script: string;
  counts: Map<string, number>;
  setScript(yaml: string): void;
  file(rel: string, text: string): void;
  adapter(): AgentAdapter;
  cleanup(): void;
}

export function makeStubSandbox(runtimeEntry: string): StubSandbox {
  const root = mkdtempSync(join(tmpdir(), 'gump-stub-'));
  const cwd = join(root, 'work');
  mkdirSync(cwd, { recursive: true });
  const script = join(root, 'stub.yaml');
  const counts = new Map<string, number>();
  return {
    root,
    cwd,
    script,
    counts,
    setScript: (yaml) => writeFileSync(script, yaml),
    file(rel, text) {
      mkdirSync(join(cwd, rel, '..'), { recursive: true });
      writeFileSync(join(cwd, rel), text);
    },
    adapter: () =>
      createStubAdapter({
        runtimeEntry,
        scriptPath: script,
        invocationCounter: (path) => {
          const n = (counts.get(path) ?? 0) + 1;
          counts.set(path, n);
          return n;
        },
      }),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
