// Entry of the post step (action.yml `runs.post`): runs at the end of the job, also after a failure or a cancel.
import { liveDeps } from './live.js';
import { runPost } from './run-post.js';

const { deps, dispose } = liveDeps({ cancellable: false });
await runPost(deps);
dispose();
