// Bundles the CLI (dist/gump.mjs) and the runtime (dist/gump-runtime.mjs), so CI jobs run the
// runtime, one ESM file, with `node` and no `npm install`. The CLI is split (dist/cli/*.mjs chunks):
// each command's code loads only when that command runs (src/cli/commands.ts). The stub agent
// process has a small bundle of its own (dist/gump-stub.cjs, runtime/stub/main.ts).
// Writes to temporary files and renames them, so a process starting meanwhile never sees half a bundle.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { hbsPlugin } from './precompile-hbs.mjs';

const common = {
  bundle: true,
  write: false,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  // Some dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __gumpCreateRequire } from 'node:module';\nconst require = __gumpCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
  // Leaf-text templates (runtime/run/templates/*.hbs) are bundled precompiled, with Handlebars' runtime only.
  plugins: [hbsPlugin],
};

const results = await Promise.all([
  build({
    ...common,
    entryPoints: { gump: 'src/cli/main.ts' },
    outdir: 'dist',
    splitting: true,
    chunkNames: 'cli/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
  }),
  build({ ...common, entryPoints: ['runtime/main.ts'], outfile: 'dist/gump-runtime.mjs' }),
  // The stub agent process alone, started once per attempt in stub mode (runtime/stub/main.ts).
  // CommonJS: a .cjs entry starts without Node's ESM loader, a tenth of a bare `node -e 0` (issue 10).
  build({
    ...common,
    banner: undefined,
    format: 'cjs',
    entryPoints: ['runtime/stub/main.ts'],
    outfile: 'dist/gump-stub.cjs',
  }),
]);

// The ESM stub bundle of earlier builds: the adapter would not start it, and nothing should.
rmSync(resolve('dist', 'gump-stub.mjs'), { force: true });

const written = new Set();
for (const file of results.flatMap((r) => r.outputFiles)) {
  mkdirSync(dirname(file.path), { recursive: true });
  const tmp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(tmp, file.contents);
  renameSync(tmp, file.path);
  written.add(file.path);
}
// Chunks of earlier builds (content-hashed names) are no longer referenced by the new entry; they are
// removed once an hour old, so a CLI process started just before this build can still load its own.
const chunks = resolve('dist', 'cli');
for (const name of readdirSync(chunks)) {
  const file = join(chunks, name);
  if (name.endsWith('.mjs') && !written.has(file) && Date.now() - statSync(file).mtimeMs > 3_600_000)
    rmSync(file, { force: true });
}
