// Sends one logical request: retries transient failures with backoff, keeps every attempt inside the step's
// budget, and starts nothing new once the step is cancelled. It knows HTTP, not Pinecone.
import { ActionError, CancelledError, OutcomeUnknownError } from './errors.js';
import { backoffMs, isTransientStatus, retryAfterMs } from './retry.js';
import { TransportError, type HttpRequest, type HttpResponse, type Transport } from './transport.js';

export interface RequesterDeps {
  transport: Transport;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
  debug: (message: string) => void;
  /** Aborted when the step is cancelled. */
  signal: AbortSignal;
  /** Epoch ms by which the step must be done; `budget` names it in messages. */
  deadline: number;
  budget: string;
}

export interface Call extends Omit<HttpRequest, 'timeoutMs'> {
  /** Human name of the operation for messages: "create the API key". */
  what: string;
  /** Not idempotent: an attempt that may have reached the server is never repeated. */
  once?: boolean;
  maxAttempts?: number;
  /** The caller reads 5xx answers itself instead of having them retried. */
  own5xx?: boolean;
}

export const REQUEST_TIMEOUT_MS = 15_000;
const MAX_ATTEMPTS = 5;
/** Being told to slow down is not a failure: a 429 gets more attempts than other transient answers. */
const MAX_ATTEMPTS_THROTTLED = 8;

export function createRequester(deps: RequesterDeps) {
  const remaining = () => deps.deadline - deps.now();
  // One hung connection must leave time for another attempt: no attempt gets more than a third of the budget.
  const attemptCap = Math.min(REQUEST_TIMEOUT_MS, Math.max(1_000, Math.floor(remaining() / 3)));
  // A 429 pauses every request of this step, not just the one that got it: parallel deletes back off together.
  let throttledUntil = 0;

  async function wait(ms: number, what: string): Promise<void> {
    if (ms >= remaining()) throw outOfBudget(what);
    await deps.sleep(ms, deps.signal);
    if (deps.signal.aborted) throw new CancelledError();
  }

  function outOfBudget(what: string): ActionError {
    return new ActionError(
      `Ran out of time (${deps.budget}) trying to ${what}: Pinecone did not answer in time. Try again, or raise the budget.`,
    );
  }

  /** Resolves with the last answer (any status); throws only when no answer can be had. */
  async function send(call: Call): Promise<HttpResponse> {
    const maxAttempts = call.maxAttempts ?? MAX_ATTEMPTS;
    for (let attempt = 1; ; attempt++) {
      if (deps.signal.aborted) throw new CancelledError();
      if (throttledUntil > deps.now()) await wait(throttledUntil - deps.now(), call.what);
      const timeoutMs = Math.min(attemptCap, remaining());
      if (timeoutMs <= 0) throw outOfBudget(call.what);
      let response: HttpResponse;
      try {
        response = await deps.transport({ ...call, timeoutMs });
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        deps.debug(`${call.method} ${new URL(call.url).pathname}: ${error.message} (attempt ${attempt})`);
        if (call.once && error.outcome === 'unknown') throw new OutcomeUnknownError(error.message);
        if (attempt >= maxAttempts || remaining() <= 0) {
          if (remaining() <= 0) throw outOfBudget(call.what);
          throw new ActionError(
            `Could not reach Pinecone to ${call.what} (${error.message} after ${attempt} attempts). Check the URL inputs and proxy settings, or try again later.`,
          );
        }
        await wait(backoffMs(attempt, deps.random), call.what);
        continue;
      }
      deps.debug(`${call.method} ${new URL(call.url).pathname} → ${response.status} (attempt ${attempt})`);
      if (!isTransientStatus(response.status) || (call.own5xx && response.status >= 500)) return response;
      // A 5xx to a create may come after the key was made; only 429 says for sure that nothing happened.
      if (call.once && response.status !== 429) throw new OutcomeUnknownError(`HTTP ${response.status}`);
      // Honour Retry-After, but never come back sooner than our own backoff (Retry-After: 0 is no invitation to hammer).
      const delay = Math.max(
        retryAfterMs(response.headers['retry-after'], deps.now()) ?? 0,
        backoffMs(attempt, deps.random),
      );
      if (response.status === 429) {
        if (attempt >= Math.max(maxAttempts, MAX_ATTEMPTS_THROTTLED)) return response;
        throttledUntil = Math.max(throttledUntil, deps.now() + delay);
        continue;
      }
      if (attempt >= maxAttempts) return response;
      await wait(delay, call.what);
    }
  }

  /** The backoff between rounds of a loop the caller runs itself. */
  const pause = (round: number, what: string) => wait(backoffMs(round, deps.random), what);

  return { send, pause };
}

export type Requester = ReturnType<typeof createRequester>;
