// Entry of the main step (action.yml `runs.main`).
import { context } from '@actions/github';
import { liveDeps } from './live.js';
import { runValues } from './run-context.js';
import { runMain } from './run-main.js';

const { deps, dispose } = liveDeps({ cancellable: true });
await runMain(deps, () => runValues(context));
dispose();
