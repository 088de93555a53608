// The broker in-process (its real HTTP server on loopback): a client that sends its request slowly loses its
// connection within the broker's timeouts, not Node's defaults (60 s, looked at every 30 s).
import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BROKER_HEADERS_TIMEOUT_MS } from '../../src/base/policy.js';
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

describe('the broker, in-process, to slow and idle clients', () => {
  let world: World;
  let issuer: OidcIssuer;
  let running: RunningBroker;
  beforeEach(async () => {
    world = await startWorld();
    issuer = await new OidcIssuer().start();
    issuer.claims = { ...RUN_CLAIMS };
    running = await startBrokerInProcess(world, policyFor(issuer, world));
  });
  afterEach(async () => {
    await running.drain();
    await issuer.stop();
    await world.emulator.stop();
  });

  it('closes a connection whose headers do not arrive within the headers timeout', async () => {
    const took = await closedAfter(running.url, 'POST /token HTTP/1.1\r\nHost: broker\r\n', 15_000);
    expect(took).toBeGreaterThanOrEqual(BROKER_HEADERS_TIMEOUT_MS - 100);
    expect(took).toBeLessThan(BROKER_HEADERS_TIMEOUT_MS + 3_000);
  });
});
