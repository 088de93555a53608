// Errors a user will see: one line that says what happened and what to do. Anything else is a bug and is shown
// with its stack only under RUNNER_DEBUG.
export class ActionError extends Error {}

/** An input the user must fix; thrown by the parsers directly, so a bug's TypeError is never dressed up as one. */
export class InputError extends ActionError {}

/**
 * The step was cancelled (SIGINT/SIGTERM) before it could finish. Each step says in its own words what follows
 * (runtime/define-step.ts), unless the error was raised with a line of its own that knows more.
 */
export class CancelledError extends ActionError {
  readonly known: boolean;
  constructor(message?: string) {
    super(message ?? 'The step was cancelled before it was done.');
    this.known = message !== undefined;
  }
}

/** A create request may or may not have made a key (no answer, dropped connection, 5xx). */
export class OutcomeUnknownError extends Error {}
