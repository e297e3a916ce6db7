import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/gump.mjs once for the CLI tests (test/cli/), which run it as a child process.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // GitHub's parser libraries import JSON without import attributes: let Vite load them.
    server: { deps: { inline: ['@actions/workflow-parser', '@actions/expressions'] } },
  },
});
