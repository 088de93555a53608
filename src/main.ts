// Entry of the main step (action.yml `runs.main`).
import { liveDeps } from './live.js';
import { readRunValues } from './run-context.js';
import { runMain } from './run-main.js';

const { deps, dispose } = liveDeps({ cancellable: true });
await runMain(deps, readRunValues);
dispose();
