// What GitHub's error answers mean, for every client of its REST API here (the action's look-ups, the broker's
// App): its own errors are JSON with a `message` (a proxy's or a wrong base URL's 404 is not), and a rate limit is
// a 403 or 429 with `x-ratelimit-remaining: 0` (until `x-ratelimit-reset`) or with `retry-after`.

import { retryAfterMs } from '../../base/policy.js';

type Headers = Record<string, unknown>;

/** GitHub's error shape, in an answer's parsed body: an object with a `message`. */
export function isGitHubError(body: unknown): boolean {
  return typeof (body as Record<string, unknown> | null | undefined)?.['message'] === 'string';
}

/**
 * How long GitHub asks to be left alone, in ms from `now`, when the answer is a rate limit it announces; `undefined`
 * otherwise. A limit that says no time (a reset or retry-after that is not a number) is a minute, as GitHub asks.
 */
export function rateLimitWaitMs(status: number | undefined, headers: Headers, now: number): number | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const reset = Number(header(headers, 'x-ratelimit-reset')) * 1000;
  const retryAfter = header(headers, 'retry-after');
  if (header(headers, 'x-ratelimit-remaining') === '0') return reset > 0 ? reset - now : 60_000;
  if (retryAfter !== undefined) return retryAfterMs(retryAfter, now) || 60_000; // seconds, or an HTTP date
  return undefined;
}

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? (value[0] as string | undefined) : (value as string | undefined);
}
