import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    {
      // Its published source maps point at sources it does not ship; drop them instead of a warning per file.
      name: 'workflow-parser-without-source-maps',
      load(id) {
        if (!/\/@actions\/workflow-parser\/dist\/.*\.js$/.test(id)) return null;
        return { code: readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, ''), map: null };
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/gump.mjs once for the CLI tests (test/cli/), which run it as a child process.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // @actions/workflow-parser imports its JSON schemas without import attributes, which Node refuses;
    // inlined, Vite transforms those imports (the GitHub executor under test/gha/ parses with it).
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
