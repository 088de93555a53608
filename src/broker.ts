// The keyless broker (docs/BROKER.md): its run(), called by src/entries/broker.ts (bundled into
// dist/broker/index.js) and by @github/local-action, which loads this file. Importing it runs nothing.
export { run } from './broker/serve.js';
