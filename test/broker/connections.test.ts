// The broker in-process (its real HTTP server on loopback): a client that sends its request slowly, or keeps an
// idle connection, loses it within the broker's timeouts (headers, whole request, keep-alive), not Node's defaults
// (60 s, looked at every 30 s; 5 min for a request).
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, it, vi } from 'vitest';
import {
  BROKER_HEADERS_TIMEOUT_MS,
  BROKER_KEEP_ALIVE_TIMEOUT_MS,
  BROKER_REQUEST_RECEIVE_TIMEOUT_MS,
} from '../../src/base/policy.js';
import type { RunningBroker } from '../../src/broker/serve.js';
import { policyFor, RUN_CLAIMS, startBrokerInProcess } from '../support/broker.js';
import { startWorld, type World } from '../support/fixture.js';
import { OidcIssuer } from '../support/oidc-issuer.js';

/** How long the broker takes to close `socket`, in ms, after `write` is sent (at most `limitMs`). */
async function closedAfter(url: string, write: string, limitMs: number): Promise<number> {
  const { hostname, port } = new URL(url);
  const socket: Socket = await new Promise((resolve) => {
    const opened = connect(Number(port), hostname, () => resolve(opened));
  });
  const started = Date.now();
  socket.on('data', () => undefined);
  socket.on('error', () => undefined);
  socket.write(write);
  return new Promise((resolve) => {
    const limit = setTimeout(() => (socket.destroy(), resolve(Infinity)), limitMs);
    socket.once('close', () => (clearTimeout(limit), resolve(Date.now() - started)));
  });
}

// One broker for all: the clients wait out timeouts of 5 to 10 s side by side (each on a connection of its own).
describe.concurrent('the broker, in-process, to slow and idle clients', () => {
  let world: World;
  let issuer: OidcIssuer;
  let running: RunningBroker;
  beforeAll(async () => {
    world = await startWorld();
    issuer = await new OidcIssuer().start();
    issuer.claims = { ...RUN_CLAIMS };
    running = await startBrokerInProcess(world, policyFor(issuer, world));
  });
  afterAll(async () => {
    await running.drain();
    await issuer.stop();
    await world.emulator.stop();
  });

  it('closes a connection whose headers do not arrive within the headers timeout', async ({ expect }) => {
    const took = await closedAfter(running.url, 'POST /token HTTP/1.1\r\nHost: broker\r\n', 15_000);
    expect(took).toBeGreaterThanOrEqual(BROKER_HEADERS_TIMEOUT_MS - 100);
    expect(took).toBeLessThan(BROKER_HEADERS_TIMEOUT_MS + 5_000); // Node: 60 s by default
  });

  it('closes a connection whose body does not arrive within the request timeout, headers in time or not', async ({
    expect,
  }) => {
    // The headers come at once, the body never: the headers timeout is met, the whole request's is not.
    const head = 'POST /token HTTP/1.1\r\nHost: broker\r\nContent-Type: application/x-www-form-urlencoded\r\n';
    const stderr = vi.spyOn(process.stderr, 'write');
    const took = await closedAfter(running.url, `${head}Content-Length: 100\r\n\r\ngrant_type=`, 20_000);
    expect(took).toBeGreaterThanOrEqual(BROKER_REQUEST_RECEIVE_TIMEOUT_MS - 100);
    expect(took).toBeLessThan(BROKER_REQUEST_RECEIVE_TIMEOUT_MS + 5_000); // Node: 5 min by default
    // A client's timeout is not the broker failing: no stack trace in the operator's log.
    await new Promise((resolve) => setImmediate(resolve));
    expect(stderr.mock.calls.map(([text]) => String(text)).filter((text) => text.includes('Error'))).toEqual([]);
    stderr.mockRestore();
  });

  it('closes a kept-alive connection idle past the keep-alive timeout after its answer', async ({ expect }) => {
    const took = await closedAfter(running.url, 'GET /healthz HTTP/1.1\r\nHost: broker\r\n\r\n', 15_000);
    expect(took).toBeGreaterThanOrEqual(BROKER_KEEP_ALIVE_TIMEOUT_MS - 100);
    expect(took).toBeLessThan(BROKER_KEEP_ALIVE_TIMEOUT_MS + 5_000);
  });
});
