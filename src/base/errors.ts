// Errors a user will see: one line that says what happened and what to do. Anything else is a bug and is shown
// with its stack only under RUNNER_DEBUG.
export class ActionError extends Error {}

/** An input the user must fix; thrown by the parsers directly, so a bug's TypeError is never dressed up as one. */
export class InputError extends ActionError {}

/** The step was cancelled (SIGINT/SIGTERM) before it could finish; each step says in its own words what follows. */
export class CancelledError extends ActionError {
  constructor(message = 'The step was cancelled before it was done.') {
    super(message);
  }
}

/** A create request may or may not have made a key (no answer, dropped connection, 5xx). */
export class OutcomeUnknownError extends Error {}
