// Entry of the sweep step: the runner runs the bundle of this file (see sweep/action.yml).
import { run } from './steps/sweep.js';

await run();
