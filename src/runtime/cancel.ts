// The runner cancels a step with SIGINT, then SIGTERM 7.5 s later, then kills the process tree 2.5 s after that.
// On the first signal we start nothing new (the signal aborts), but let a request in flight settle for a few
// seconds: a create the server already received may still be carried out, and its answer tells the post step
// which key to delete. A second signal, or the end of the grace period, ends the process: state written so far stands.
import { CANCEL_GRACE_MS } from '../base/policy.js';

/** What a step says when cancelled: what it waits for (`so the post step knows what to delete`), and what follows if it stops. */
export interface CancelWords {
  waitingFor: string;
  stopping: string;
}

export interface CancelDeps {
  words: CancelWords;
  log: (message: string) => void;
  exit: (code: number) => void;
  process: Pick<NodeJS.Process, 'on'>;
  graceMs?: number;
}

export function watchForCancel(deps: CancelDeps): AbortSignal {
  const controller = new AbortController();
  const stop = (signal: string) => {
    if (controller.signal.aborted) {
      deps.log(`Received ${signal} again: stopping now.`);
      deps.exit(1);
      return;
    }
    const graceMs = deps.graceMs ?? CANCEL_GRACE_MS;
    deps.log(
      `Received ${signal}: starting nothing new; waiting up to ${graceMs / 1000}s for the request in flight ${deps.words.waitingFor}.`,
    );
    controller.abort();
    setTimeout(() => {
      deps.log(`A request was still unanswered: stopping; ${deps.words.stopping}.`);
      deps.exit(1);
    }, graceMs).unref();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) deps.process.on(signal, () => stop(signal));
  return controller.signal;
}
