// The use sub-action: its run(), called by src/entries/use.ts (bundled into dist/use/index.js) and by
// @github/local-action, which loads this file (CONTRIBUTING.md). Importing it runs nothing.
export { run } from './steps/run-key/use.js';
