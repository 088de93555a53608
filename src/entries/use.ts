// What ncc bundles into dist/use/index.js: the process runs the use sub-action, nothing else.
import { run } from '../use.js';

await run();
