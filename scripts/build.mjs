// Bundles the CLI into one ESM file (dist/gump.mjs) so a cold `gump` start loads a single module.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/gump.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  // Some dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __gumpCreateRequire } from 'node:module';\nconst require = __gumpCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
