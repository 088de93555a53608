// Entry of the revoke sub-action (revoke/action.yml): the runner runs the bundle of this file.
import { run } from './steps/revoke.js';

await run();
