// What ncc bundles into dist/main/index.js: the process runs the main step, nothing else.
import { run } from '../main.js';

await run();
