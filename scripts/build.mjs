// Bundles the CLI (dist/gump.mjs) and the runtime (dist/gump-runtime.mjs), each one ESM file, so a
// cold start loads a single module and CI jobs run the runtime with `node` and no `npm install`.
// Writes to temporary files and renames them, so a process starting meanwhile never sees half a bundle.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { hbsPlugin } from './precompile-hbs.mjs';

const common = {
  bundle: true,
  write: false,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  // Some dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __gumpCreateRequire } from 'node:module';\nconst require = __gumpCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  // Leaf-text templates (runtime/run/templates/*.hbs) are bundled precompiled, with Handlebars' runtime only.
  plugins: [hbsPlugin],
};

const results = await Promise.all([
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/gump.mjs' }),
  build({ ...common, entryPoints: ['runtime/main.ts'], outfile: 'dist/gump-runtime.mjs' }),
  // The stub agent process alone, started once per attempt in stub mode (runtime/stub/main.ts).
  build({ ...common, entryPoints: ['runtime/stub/main.ts'], outfile: 'dist/gump-stub.mjs' }),
]);

mkdirSync('dist', { recursive: true });
for (const file of results.flatMap((r) => r.outputFiles)) {
  const tmp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(tmp, file.contents);
  renameSync(tmp, file.path);
}
