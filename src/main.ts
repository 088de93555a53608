// The main step: its run(), called by src/entries/main.ts (bundled into dist/main/index.js) and by
// @github/local-action, which loads this file (CONTRIBUTING.md). Importing it runs nothing.
export { run } from './steps/direct/main.js';
