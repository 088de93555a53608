// Errors a user will see: one line that says what happened and what to do. Anything else is a bug and is shown
// with its stack only under RUNNER_DEBUG.
export class ActionError extends Error {}

/** The step was cancelled (SIGINT/SIGTERM) before it could finish. */
export class CancelledError extends ActionError {
  constructor() {
    super('The step was cancelled before the key was handed over; the post step deletes anything it created.');
  }
}

/** A create request may or may not have made a key (no answer, dropped connection, 5xx). */
export class OutcomeUnknownError extends Error {}

/** Runs `read`; whatever it throws is the user's to fix (a bad input), so it is reported as such. */
export function asUserError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw error instanceof ActionError ? error : new ActionError((error as Error).message);
  }
}
