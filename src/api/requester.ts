// Sends one logical request: retries transient failures with backoff (numbers: base/policy.ts), keeps every attempt
// inside the step's budget, and starts nothing new once the step is cancelled. It knows HTTP, not Pinecone.
import { ActionError, CancelledError, OutcomeUnknownError } from '../base/errors.js';
import {
  ATTEMPT_SHARE_OF_BUDGET,
  backoffMs,
  isTransientStatus,
  MAX_ATTEMPTS,
  MAX_ATTEMPTS_THROTTLED,
  MIN_ATTEMPT_MS,
  REQUEST_TIMEOUT_MS,
  retryAfterMs,
} from '../base/policy.js';
import { describeStatus, TransportError, type HttpRequest, type HttpResponse, type Transport } from './transport.js';

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
  /** Called with every answer: the API reads the server's clock from it. */
  onAnswer?: (response: HttpResponse) => void;
}

export interface Call extends Omit<HttpRequest, 'timeoutMs'> {
  /** Human name of the operation for messages: "create the API key". */
  what: string;
  /** Names the service in messages: "Pinecone", "GitHub". */
  service?: string;
  /** Not idempotent: an attempt that may have reached the server is never repeated. */
  once?: boolean;
  /** The caller reads 5xx answers itself instead of having them retried. */
  own5xx?: boolean;
}

export function createRequester(deps: RequesterDeps) {
  const remaining = () => deps.deadline - deps.now();
  const attemptCap = Math.min(
    REQUEST_TIMEOUT_MS,
    Math.max(MIN_ATTEMPT_MS, Math.floor(remaining() * ATTEMPT_SHARE_OF_BUDGET)),
  );
  // A 429 pauses every request of this step, not just the one that got it: parallel deletes back off together.
  let throttledUntil = 0;

  async function wait(ms: number, call: Pick<Call, 'what' | 'service'>, last?: string): Promise<void> {
    if (ms >= remaining()) throw outOfBudget(call, last);
    await deps.sleep(ms, deps.signal);
    if (deps.signal.aborted) throw new CancelledError();
  }

  function outOfBudget(call: Pick<Call, 'what' | 'service'>, last?: string): ActionError {
    const service = call.service ?? 'Pinecone';
    const answered = last ? ` (last attempt: ${last})` : '';
    return new ActionError(
      `Ran out of time (${deps.budget}) trying to ${call.what}: ${service} did not answer in time${answered}. Try again, or raise the budget.`,
    );
  }

  /** Resolves with the last answer (any status); throws only when no answer can be had. */
  async function send(call: Call): Promise<HttpResponse> {
    let last: string | undefined;
    for (let attempt = 1; ; attempt++) {
      if (deps.signal.aborted) throw new CancelledError();
      if (throttledUntil > deps.now()) await wait(throttledUntil - deps.now(), call, last);
      const timeoutMs = Math.min(attemptCap, remaining());
      if (timeoutMs <= 0) throw outOfBudget(call, last);
      let response: HttpResponse;
      try {
        response = await deps.transport({ ...call, timeoutMs });
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        last = error.message;
        deps.debug(`${call.method} ${new URL(call.url).pathname}: ${error.message} (attempt ${attempt})`);
        if (call.once && error.outcome === 'unknown') throw new OutcomeUnknownError(error.message);
        if (error.final || attempt >= MAX_ATTEMPTS || remaining() <= 0) {
          if (remaining() <= 0) throw outOfBudget(call, last);
          throw new ActionError(
            `Could not reach ${call.service ?? 'Pinecone'} to ${call.what} (${error.message} after ${attempt} attempt${attempt === 1 ? '' : 's'}). Check the URL inputs and proxy settings, or try again later.`,
          );
        }
        await wait(backoffMs(attempt, deps.random), call, last);
        continue;
      }
      deps.onAnswer?.(response);
      last = describeStatus(response.status);
      deps.debug(`${call.method} ${new URL(call.url).pathname} → ${response.status} (attempt ${attempt})`);
      if (!isTransientStatus(response.status) || (call.own5xx && response.status >= 500)) return response;
      // A 5xx to a create may come after the key was made; only 429 says for sure that nothing happened.
      if (call.once && response.status !== 429) throw new OutcomeUnknownError(last);
      // Honour Retry-After, but never come back sooner than our own backoff (Retry-After: 0 is no invitation to hammer).
      const delay = Math.max(
        retryAfterMs(response.headers['retry-after'], deps.now()) ?? 0,
        backoffMs(attempt, deps.random),
      );
      if (response.status === 429) {
        if (attempt >= MAX_ATTEMPTS_THROTTLED) return response;
        throttledUntil = Math.max(throttledUntil, deps.now() + delay);
        continue;
      }
      if (attempt >= MAX_ATTEMPTS) return response;
      await wait(delay, call, last);
    }
  }

  /** The backoff between rounds of a loop the caller runs itself. */
  const pause = (round: number, what: string) => wait(backoffMs(round, deps.random), { what });

  /** What is left of the budget, in ms: a server we ask to act for us (the broker) is told to stop before we do. */
  return { send, pause, remaining };
}

export type Requester = ReturnType<typeof createRequester>;
