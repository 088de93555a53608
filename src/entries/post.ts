// What ncc bundles into dist/post/index.js: the process runs the post step, nothing else.
import { run } from '../post.js';

await run();
