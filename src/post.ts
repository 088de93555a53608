// Entry of the post step: the runner runs the bundle of this file (see action.yml).
import { run } from './steps/post.js';

await run();
