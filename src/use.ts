// Entry of the use sub-action (use/action.yml): the runner runs the bundle of this file.
import { run } from './steps/use.js';

await run();
