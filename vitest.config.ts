import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The e2e suites spawn node processes; two workers keep a 2-core machine responsive.
    maxWorkers: 2,
    reporters: ['default', './test/support/count-reporter.ts'],
    // workflow-parser imports its JSON schemas without import attributes: let Vite load it, not Node.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
