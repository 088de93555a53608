// The revoke sub-action: its run(), called by src/entries/revoke.ts (bundled into dist/revoke/index.js) and by
// @github/local-action, which loads this file (CONTRIBUTING.md). Importing it runs nothing.
export { run } from './steps/run-key/revoke.js';
