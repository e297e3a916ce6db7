import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

/** `.hbs` templates load as their text, as esbuild's `text` loader bundles them (scripts/build.mjs). */
const hbsText: Plugin = {
  name: 'gump-hbs-text',
  enforce: 'pre',
  load(id) {
    const file = id.split('?')[0]!;
    return file.endsWith('.hbs') ? `export default ${JSON.stringify(readFileSync(file, 'utf8'))};` : null;
  },
};

export default defineConfig({
  plugins: [hbsText],
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/gump.mjs once for the CLI tests (test/cli/), which run it as a child process.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
