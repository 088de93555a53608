import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

// workflow-parser ships source maps that point to sources it does not ship: Vite would print a warning for each
// of its ~70 files in every test run. Its code is loaded without them.
const withoutDependencySourceMaps: Plugin = {
  name: 'without-dependency-source-maps',
  enforce: 'pre',
  load(id) {
    if (!id.includes('/node_modules/@actions/workflow-parser/') || !id.endsWith('.js')) return null;
    return { code: readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/gm, ''), map: null };
  },
};

export default defineConfig({
  plugins: [withoutDependencySourceMaps],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The e2e suites spawn node processes; two workers keep a 2-core machine responsive.
    maxWorkers: 2,
    reporters: ['default', './test/support/count-reporter.ts'],
    // `npm run coverage`: the in-process suites over src/ (the bundle tests run dist/ in processes, which v8
    // coverage of the test workers cannot see). The floor is what they reach today: a change may not lower it.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/*.ts', 'src/entries/*.ts', 'src/api/undici-stub.ts'],
      reporter: ['text-summary'],
      thresholds: { statements: 88, branches: 78, functions: 90, lines: 90 },
    },
    // workflow-parser imports its JSON schemas without import attributes: let Vite load it, not Node.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
