// A promise held to a deadline, for work that takes no signal of its own (an auth library's requests, a cached
// answer another caller is waiting for): the caller stops waiting; the work itself goes on, and its end is ignored.

/** `promise`, or a rejection with `timedOut()` once `signal` aborts (at once when it has already). */
export function within<T>(signal: AbortSignal, promise: Promise<T>, timedOut: () => Error): Promise<T> {
  if (signal.aborted) return Promise.reject(timedOut());
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(timedOut());
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
