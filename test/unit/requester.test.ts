// The retry loop with a fake transport, clock and sleep: no network, no waiting.
import { describe, expect, it } from 'vitest';
import { ActionError, CancelledError, OutcomeUnknownError } from '../../src/base/errors.js';
import { REQUEST_TIMEOUT_MS } from '../../src/base/policy.js';
import { createRequester } from '../../src/api/requester.js';
import { TransportError, type HttpRequest, type HttpResponse } from '../../src/api/transport.js';

type Step = HttpResponse | TransportError | ((request: HttpRequest) => HttpResponse);
const answer = (status: number, headers: HttpResponse['headers'] = {}): HttpResponse => ({ status, headers, body: '' });

function harness(steps: Step[], options: { budgetMs?: number; controller?: AbortController } = {}) {
  let now = 1_000_000;
  const sleeps: number[] = [];
  const requests: HttpRequest[] = [];
  const controller = options.controller ?? new AbortController();
  const requester = createRequester({
    transport: async (request) => {
      requests.push(request);
      const step = steps.shift();
      if (!step) throw new Error('no more answers scripted');
      if (step instanceof TransportError) throw step;
      return typeof step === 'function' ? step(request) : step;
    },
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random: () => 0.5,
    debug: () => undefined,
    signal: controller.signal,
    deadline: now + (options.budgetMs ?? 120_000),
    budget: 'timeout: 2m',
  });
  const call = { what: 'do it', method: 'GET' as const, url: 'http://127.0.0.1/x', headers: {} };
  return { requester, sleeps, requests, call, controller, advance: (ms: number) => (now += ms) };
}

describe('requester', () => {
  it('retries 5xx, 429 and network errors with growing jittered backoff', async () => {
    const h = harness([answer(503), answer(429), new TransportError('ECONNRESET', 'unknown'), answer(200)]);
    expect((await h.requester.send(h.call)).status).toBe(200);
    expect(h.sleeps).toEqual([125, 250, 500]);
  });

  it('honours Retry-After', async () => {
    const h = harness([answer(429, { 'retry-after': '3' }), answer(200)]);
    await h.requester.send(h.call);
    expect(h.sleeps).toEqual([3000]);
  });

  it('never retries a 429 sooner than its backoff, and gives 429s more attempts', async () => {
    const h = harness([...Array.from({ length: 7 }, () => answer(429, { 'retry-after': '0' })), answer(200)]);
    expect((await h.requester.send(h.call)).status).toBe(200);
    expect(h.sleeps).toEqual([125, 250, 500, 1000, 2000, 4000, 4000]);
  });

  it('a 429 pauses the other requests of the step too', async () => {
    const h = harness([answer(429, { 'retry-after': '2' }), answer(200), answer(200)]);
    await h.requester.send(h.call);
    h.advance(-1000); // as if the next request started while the pause was still on
    await h.requester.send(h.call);
    expect(h.sleeps).toEqual([2000, 1000]);
  });

  it('does not retry other 4xx', async () => {
    const h = harness([answer(401), answer(200)]);
    expect((await h.requester.send(h.call)).status).toBe(401);
    expect(h.requests).toHaveLength(1);
  });

  it('gives up after 5 attempts with the last answer', async () => {
    const h = harness(Array.from({ length: 6 }, () => answer(500)));
    expect((await h.requester.send(h.call)).status).toBe(500);
    expect(h.requests).toHaveLength(5);
  });

  it('never repeats a create that may have reached the server, but does after a 429 or a refused connection', async () => {
    const once = { once: true };
    for (const lost of [answer(502), new TransportError('socket hang up', 'unknown')]) {
      const h = harness([lost, answer(200)]);
      await expect(h.requester.send({ ...h.call, ...once })).rejects.toBeInstanceOf(OutcomeUnknownError);
      expect(h.requests).toHaveLength(1);
    }
    const h = harness([answer(429), new TransportError('ECONNREFUSED', 'not-sent'), answer(200)]);
    expect((await h.requester.send({ ...h.call, ...once })).status).toBe(200);
  });

  it('hands 5xx to a caller that handles them itself', async () => {
    const h = harness([answer(500), answer(200)]);
    expect((await h.requester.send({ ...h.call, own5xx: true })).status).toBe(500);
  });

  it('gives each attempt at most the per-request timeout, a third of the budget, and the rest of the budget', async () => {
    const h = harness([answer(200), answer(200)], { budgetMs: 120_000 });
    await h.requester.send(h.call);
    expect(h.requests[0]!.timeoutMs).toBe(REQUEST_TIMEOUT_MS);
    h.advance(110_000);
    await h.requester.send(h.call);
    expect(h.requests[1]!.timeoutMs).toBe(10_000);
    const short = harness([answer(200)], { budgetMs: 6_000 });
    await short.requester.send(short.call);
    expect(short.requests[0]!.timeoutMs).toBe(2_000);
  });

  it('fails with the budget named when no time is left, and does not sleep past it', async () => {
    const h = harness([answer(503, { 'retry-after': '60' })], { budgetMs: 10_000 });
    await expect(h.requester.send(h.call)).rejects.toThrow(
      new ActionError(
        'Ran out of time (timeout: 2m) trying to do it: Pinecone did not answer in time (last attempt: HTTP 503 Service Unavailable). Try again, or raise the budget.',
      ),
    );
    expect(h.sleeps).toEqual([]);
  });

  it('starts nothing new once cancelled', async () => {
    const controller = new AbortController();
    const h = harness([() => (controller.abort(), answer(503)), answer(200)], { controller });
    await expect(h.requester.send(h.call)).rejects.toBeInstanceOf(CancelledError);
    expect(h.requests).toHaveLength(1);
  });

  it('says what could not be reached after network errors', async () => {
    const h = harness(Array.from({ length: 5 }, () => new TransportError('ECONNREFUSED', 'not-sent')));
    await expect(h.requester.send(h.call)).rejects.toThrow(
      /Could not reach Pinecone to do it \(ECONNREFUSED after 5 attempts\)/,
    );
  });
});
