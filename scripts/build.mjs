// Bundles the CLI into one ESM file (dist/gump.mjs) so a cold `gump` start loads a single module.
// Writes to a temporary file and renames it, so a process starting meanwhile never sees half a bundle.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';

const result = await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/gump.mjs',
  bundle: true,
  write: false,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  // Some dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __gumpCreateRequire } from 'node:module';\nconst require = __gumpCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

mkdirSync('dist', { recursive: true });
for (const file of result.outputFiles) {
  const tmp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(tmp, file.contents);
  renameSync(tmp, file.path);
}
