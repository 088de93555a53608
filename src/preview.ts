// The preview sub-action's step (preview/action.yml): its run(), called by src/entries/preview.ts (bundled into
// dist/preview/index.js) and by @github/local-action, which loads this file. Importing it runs nothing.
export { run } from './steps/preview/preview.js';
