// Entry of the sweep sub-action (sweep/action.yml).
import { liveDeps } from './live.js';
import { runSweep } from './run-sweep.js';

const { deps, dispose } = liveDeps({ cancellable: true });
await runSweep(deps);
dispose();
