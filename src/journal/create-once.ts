// A create that is not idempotent (a key, a project), sent so that a lost answer never leaves two things or one
// behind: every name is in the journal before it is sent, a lost answer is looked into (`recover`), and the create
// is sent again under a fresh name, at most CREATE_TRIES times.
import { CREATE_TRIES } from '../base/policy.js';
import { ActionError, OutcomeUnknownError } from '../base/errors.js';
import type { CreateEvents } from './journal.js';
import type { Log } from '../runtime/step.js';

export interface OnceCreate<T> {
  /** How lines name the thing: in full (`API key`, `project`), and in short (`key`, `project`). */
  thing: string;
  short: string;
  events: CreateEvents;
  log: Log;
  /** A fresh name for each try (names carry a random nonce). */
  nextName: () => string;
  /** The line said before each try. */
  announce: (name: string) => string;
  send: (name: string) => Promise<T>;
  idOf: (made: T) => string;
  /**
   * After a lost answer: what that request made, to be used (a project hands no secret back), or `undefined` once
   * whatever it made is dealt with (a key, whose secret we never saw, is deleted).
   */
  recover: (name: string) => Promise<T | undefined>;
}

export async function createOnce<T>(create: OnceCreate<T>): Promise<{ made: T; name: string }> {
  const { events, log } = create;
  let lost = '';
  for (let attempt = 1; attempt <= CREATE_TRIES; attempt++) {
    const name = create.nextName();
    events.sending(name);
    log.info(create.announce(name));
    try {
      const made = await create.send(name);
      events.made(create.idOf(made), name);
      return { made, name };
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError)) {
        events.noneMade(name);
        throw error;
      }
      lost = error.message;
      log.warning(
        `The answer to the create request was lost (${error.message}); checking whether the ${create.short} was made.`,
      );
      const found = await create.recover(name);
      if (found !== undefined) {
        events.made(create.idOf(found), name);
        return { made: found, name };
      }
      events.lost();
    }
  }
  throw new ActionError(
    `Could not create the ${create.thing}: Pinecone's answer was lost ${CREATE_TRIES} times (last: ${lost}). Try again later.`,
  );
}
