// The broker's HTTP surface as only a process shows it (its committed bundle): start-up failures in one line and
// exit code 2, /metrics on its own listener, idle and slow connections that can neither shut callers out nor hold
// the drain, and a mint in flight that holds the drain 8 s at most. Every loop is bounded in count and time, on
// loopback only.
import { mkdtempSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { beforeEach, describe, expect, it } from 'vitest';
import { NODES } from '../../runner/runner.js';
import { BROKER_DRAIN_LIMIT_MS } from '../../../src/base/policy.js';
import { AUDIENCE, policyFor, postForm, RUN_CLAIMS } from '../../support/broker.js';
import { keylessPerTest } from './keyless-world.js';
import { EXCHANGE } from './calls.js';

/** Opens a TCP connection from `localAddress` (any 127.x.y.z is this machine) and resolves once it is up. */
function open(url: string, localAddress = '127.0.0.1'): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), localAddress }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** GET over a fresh connection from `localAddress`: the status, or the error's code. */
function get(url: string, localAddress = '127.0.0.1'): Promise<number | string> {
  return open(url, localAddress).then(
    (socket) =>
      new Promise((resolve) => {
        const { pathname } = new URL(url);
        let text = '';
        socket.setTimeout(5_000, () => (socket.destroy(), resolve('timeout')));
        socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
        socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0) || 'closed'));
        socket.on('error', () => undefined);
        socket.write(`GET ${pathname} HTTP/1.1\r\nHost: broker\r\nConnection: close\r\n\r\n`);
      }),
    (error: NodeJS.ErrnoException) => error.code ?? 'error',
  );
}

describe.each(NODES)('the broker process on $name', ({ path: node }) => {
  const { world, issuer, broker, startBroker } = keylessPerTest(node, { claims: RUN_CLAIMS });

  const failsToStart = (env: Record<string, string>, port?: number) =>
    startBroker(policyFor(issuer(), world()), { env, ...(port ? { port } : {}) }).then(
      async (started) => (await started.stop(), 'started'),
      (error: Error) => error.message,
    );

  it('stops at start with one line and exit code 2 when its port is in use, its policy unreadable, or a variable bad', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      expect(await failsToStart({}, port)).toMatch(
        new RegExp(
          `^the broker exited \\(2\\) before listening: pinecone-broker: 127\\.0\\.0\\.1:${port} is in use: stop what listens there, or set another port\\.\\n$`,
        ),
      );
      expect(await failsToStart({ METRICS_PORT: String(port) })).toMatch(
        /exited \(2\) before listening: pinecone-broker: 127\.0\.0\.1:\d+ is in use: .*\n$/,
      );
    } finally {
      taken.close();
    }
    const directory = mkdtempSync(`${tmpdir()}/policy-`);
    expect(await failsToStart({ PINECONE_BROKER_CONFIG: directory })).toMatch(
      /exited \(2\) before listening: pinecone-broker: PINECONE_BROKER_CONFIG: cannot read \S+ \(EISDIR\)\.\n$/,
    );
    expect(await failsToStart({ METRICS_PORT: 'metrics' })).toMatch(
      /exited \(2\) before listening: pinecone-broker: METRICS_PORT "metrics" is not a port number \(0 to 65535\)\.\n$/,
    );
  });

  it('about a thousand idle connections from one address shut out neither another address nor itself', async () => {
    // 1024 open files, a container's usual limit: without caps, the idle connections take them all.
    await startBroker(policyFor(issuer(), world()), { maxFiles: 1024 });
    const idle: Socket[] = [];
    try {
      for (let i = 0; i < 1100; i++) idle.push(await open(broker().url).catch(() => connectFailed));
      const started = Date.now();
      expect(await get(`${broker().url}/healthz`, '127.0.0.2')).toBe(200);
      expect(await get(`${broker().url}/healthz`)).toBe(200);
      expect(Date.now() - started).toBeLessThan(4_500); // served, not after a wait for a slot (get gives up at 5 s)
      const metrics = await (await fetch(broker().metricsUrl)).text();
      expect(Number(/pinecone_broker_connections_shed_total (\d+)/.exec(metrics)?.[1])).toBeGreaterThan(0);
    } finally {
      for (const socket of idle) socket.destroy();
    }
  });

  describe('serving', () => {
    beforeEach(async () => {
      await startBroker(policyFor(issuer(), world()));
    });

    it('serves /metrics on its own loopback listener only, not beside /token', async () => {
      expect(await get(`${broker().url}/metrics`)).toBe(404);
      expect(broker().metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const text = await (await fetch(broker().metricsUrl)).text();
      expect(text).toContain('pinecone_broker_logins_total');
    });

    it('on SIGTERM ends idle and slow connections at once, and exits 0 well within 10 s', async () => {
      const idle = await open(broker().url);
      const slow = await open(broker().url);
      slow.write('POST /token HTTP/1.1\r\nHost: broker\r\nContent-Type: application/x-www-form-'); // and no more
      const keptAlive = await open(broker().url);
      keptAlive.write('GET /healthz HTTP/1.1\r\nHost: broker\r\n\r\n');
      await new Promise((resolve) => keptAlive.once('data', resolve));
      const started = Date.now();
      expect(await broker().stop()).toBe(0);
      expect(Date.now() - started).toBeLessThan(4_000); // "at once": sooner than the 5 s keep-alive and the 8 s drain limit
      for (const socket of [idle, slow, keptAlive]) socket.destroy();
    });

    it('on SIGTERM waits 8 s at most for a mint whose create hangs; the key it made is revoked by its nonce later', async () => {
      // Pinecone makes the key and never answers: the mint is in flight when the drain starts.
      world().emulator.inject({ op: 'create-key', action: 'commit-then-hang' });
      const token = await issuer().token(AUDIENCE);
      const exchange = { grant_type: EXCHANGE, subject_token: token };
      const minting = postForm(broker().url, '/token', { ...exchange, nonce: 'drn001', job: 'test' }).then(
        (response) => response.status,
        () => 'cut off',
      );
      await expect.poll(() => world().emulator.keysIn(world().project.id).length, { timeout: 10_000 }).toBe(1);
      const started = Date.now();
      expect(await broker().stop()).toBe(0);
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(BROKER_DRAIN_LIMIT_MS - 500);
      expect(took).toBeLessThan(10_000); // Cloud Run kills at 10 s
      expect(await minting).toBe('cut off');
      // The job's post step asks another replica to revoke by the nonce it chose: the key made in the dark goes.
      await startBroker(policyFor(issuer(), world()));
      const revoked = await postForm(broker().url, '/revoke', { subject_token: token, nonce: 'drn001' });
      expect(revoked.status).toBe(200);
      expect(world().emulator.keysIn(world().project.id)).toEqual([]);
    }, 30_000);
  });
});

/** A connection the OS refused (the broker sheds beyond its caps): a stand-in that closes harmlessly. */
const connectFailed = { destroy: () => undefined } as unknown as Socket;
