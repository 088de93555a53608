// What ncc bundles into dist/preview/index.js: the process runs the preview sub-action's step, nothing else.
import { run } from '../preview.js';

await run();
