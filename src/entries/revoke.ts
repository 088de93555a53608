// What ncc bundles into dist/revoke/index.js: the process runs the revoke sub-action, nothing else.
import { run } from '../revoke.js';

await run();
