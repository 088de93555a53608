// Entry of the main step: the runner runs the bundle of this file (see action.yml).
import { run } from './steps/main.js';

await run();
