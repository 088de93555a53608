// What ncc bundles into dist/broker/index.js: the process runs the keyless broker (docs/BROKER.md), nothing else.
import { run } from '../broker.js';

await run();
