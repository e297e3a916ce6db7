import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';
// @ts-expect-error -- a plain .mjs build helper without types
import { precompiledModule } from './scripts/precompile-hbs.mjs';

/** `.hbs` templates load precompiled, as the esbuild build bundles them (scripts/precompile-hbs.mjs). */
const hbsText: Plugin = {
  name: 'gump-hbs',
  enforce: 'pre',
  load(id) {
    const file = id.split('?')[0]!;
    return file.endsWith('.hbs') ? precompiledModule(readFileSync(file, 'utf8')) : null;
  },
};

/** End-to-end suites: whole runs through the runtime, the GitHub executor, real agent CLIs. */
const SLOW = [
  'test/runtime/e2e/**/*.test.ts',
  'test/runtime/ci/**/*.test.ts',
  'test/gha/**/*.test.ts',
  'test/e2e/**/*.test.ts',
  'test/agents-real/**/*.test.ts',
];

export default defineConfig({
  plugins: [
    hbsText,
    {
      // GitHub's parser libraries publish source maps that point at sources they do not ship; drop them
      // instead of a warning per file.
      name: 'actions-libraries-without-source-maps',
      load(id) {
        if (!/\/@actions\/(workflow-parser|expressions)\/dist\/.*\.js$/.test(id)) return null;
        return { code: readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, ''), map: null };
      },
    },
  ],
  test: {
    // Builds dist/gump.mjs once for the CLI tests (test/cli/), which run it as a child process.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // GitHub's parser libraries import JSON without import attributes: let Vite load them.
    server: { deps: { inline: ['@actions/workflow-parser', '@actions/expressions'] } },
    // `npm test` runs both; `npm run test:fast` only the first, while iterating.
    projects: [
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: SLOW } },
      { extends: true, test: { name: 'e2e', include: SLOW, testTimeout: 180_000 } },
    ],
  },
});
