// The post step: its run(), called by src/entries/post.ts (bundled into dist/post/index.js) and by
// @github/local-action, which loads this file (CONTRIBUTING.md). Importing it runs nothing.
export { run } from './steps/direct/post.js';
