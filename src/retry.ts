// Backoff arithmetic for retries: exponential with full jitter, and the server's Retry-After when it sends one.
export const BACKOFF = { baseMs: 250, capMs: 8_000 };

/** Delay before retry number `attempt` (1 = first retry): uniform in [0, min(cap, base·2^(attempt-1))). */
export function backoffMs(attempt: number, random: () => number, timing = BACKOFF): number {
  return Math.floor(random() * Math.min(timing.capMs, timing.baseMs * 2 ** (attempt - 1)));
}

/** Retry-After is seconds or an HTTP date; `undefined` when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, nowMs: number): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Retrying makes sense for these answers: rate limits and server-side failures. */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status >= 500;
}
