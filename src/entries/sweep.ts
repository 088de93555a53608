// What ncc bundles into dist/sweep/index.js: the process runs the sweep step, nothing else.
import { run } from '../sweep.js';

await run();
