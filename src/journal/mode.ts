// Which mode main ran in (direct, or through a broker), saved before main reads anything else: post runs the same
// mode even when the runner hands it other inputs than main's (an action wrapped in nested composites gets the
// outer one's, actions/runner#2030). In broker mode an empty record of main's own is saved with it, so that no
// `STATE_broker` another step writes to $GITHUB_ENV can reach post (the state a step saved itself wins).
import { BrokerJournal } from './broker-journal.js';
import type { StateStore } from '../runtime/step.js';

const STATE_NAME = 'mode';
export type Mode = 'direct' | 'broker';

/** Main's first act. */
export function saveMode(store: StateStore, mode: Mode): void {
  store.saveState(STATE_NAME, mode);
  if (mode === 'broker') new BrokerJournal(store);
}

/** The mode main saved, or `undefined` when main saved none (it never ran). */
export function modeOf(store: StateStore): Mode | undefined {
  const mode = store.getState(STATE_NAME);
  return mode === 'direct' || mode === 'broker' ? mode : undefined;
}
