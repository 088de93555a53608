// The sweep step: its run(), called by src/entries/sweep.ts (bundled into dist/sweep/index.js) and by
// @github/local-action, which loads this file (CONTRIBUTING.md). Importing it runs nothing.
export { run } from './steps/sweep/sweep.js';
