// `npm run gha -- …`: bundles the GitHub Actions test executor's CLI (test/gha/cli.ts) with esbuild
// into a temporary file and runs it with the same arguments. Bundling is needed because
// @actions/workflow-parser imports JSON without import attributes, which plain Node 20 refuses.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'gump-gha-'));
const outfile = join(dir, 'gha.mjs');
try {
  await build({
    entryPoints: [join(root, 'test', 'gha', 'cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __gumpCreateRequire } from 'node:module';\nconst require = __gumpCreateRequire(import.meta.url);",
    },
  });
  const result = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
