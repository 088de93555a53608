// Entry of the preview sub-action (preview/action.yml): the runner runs the bundle of this file.
import { run } from './steps/preview.js';

await run();
