// Connections: a step's requests to one host share a keep-alive connection, and when the API lives on another host
// than the login (login.pinecone.io, api.pinecone.io) its connection is opened while the login is under way, so its
// TCP and TLS handshakes are off the critical path.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { EMULATOR_CA_FILE, type RecordedRequest } from '../emulator/server.js';
import { Job, NODES } from '../runner/runner.js';
import { freshWorldPerTest } from '../support/fixture.js';

const ops = (requests: RecordedRequest[]) => requests.map((r) => r.op);
/** Each login is answered after this: long enough that what overlaps the login shows, even on a loaded machine. */
const LOGIN_DELAY = { op: 'token', action: 'delay', ms: 1_000 } as const;

describe.each(NODES)('connections on $name', ({ path: node }) => {
  describe.each([{ scheme: 'http' }, { scheme: 'https' }])('over $scheme', ({ scheme }) => {
    const world = freshWorldPerTest({ tls: scheme === 'https' });
    const env: Record<string, string> = scheme === 'https' ? { NODE_EXTRA_CA_CERTS: EMULATOR_CA_FILE } : {};

    it('opens the API host’s connections during the login when the two hosts differ, in main and in post', async () => {
      // Same emulator, two host names: the agent keys connections by host, as it would for two real hosts.
      const { 'sweep-expired': _, ...defaults } = world().inputs; // the defaults: the create and a list at once
      const apiUrl = world().emulator.urlOn('localhost');
      world().emulator.inject({ ...LOGIN_DELAY, times: 2 }); // main's login and post's
      const job = new Job({ node, with: { ...defaults, 'api-url': apiUrl }, env });
      const main = await job.main();
      expect(main.exitCode, main.log.join('\n')).toBe(0);
      const post = await job.post();
      expect(post.exitCode, post.log.join('\n')).toBe(0);
      expect(world().emulator.keysIn()).toEqual([]);

      const requests = world().emulator.requests;
      expect(ops(requests.slice(0, 3)).sort()).toEqual(['create-key', 'list-keys', 'token']);
      expect(ops(requests.slice(3))).toEqual(['token', 'delete-key']);
      const [mainLogin, ...mainCalls] = [requests[0]!, requests[1]!, requests[2]!];
      expect(new Set([mainLogin, ...mainCalls].map((r) => r.connection.port)).size).toBe(3);
      for (const [login, calls] of [
        [mainLogin, mainCalls],
        [requests[3]!, [requests[4]!]],
      ] as const) {
        for (const call of calls) expect(call.connection.acceptedAt).toBeLessThan(login.answeredAt!);
      }
    });

    it('sends all of a step’s requests on one connection when login and API share a host', async () => {
      const job = new Job({ node, with: world().inputs, env });
      expect((await job.main()).exitCode).toBe(0);
      expect((await job.post()).exitCode).toBe(0);
      const [token, create, postToken, del] = world().emulator.requests;
      expect(ops(world().emulator.requests)).toEqual(['token', 'create-key', 'token', 'delete-key']);
      expect(create!.connection).toEqual(token!.connection);
      expect(del!.connection).toEqual(postToken!.connection);
      expect(postToken!.connection.port).not.toBe(token!.connection.port); // each step is its own process
    });

    it('on one host, opens the second connection for the list beside the create during the login', async () => {
      world().emulator.inject(LOGIN_DELAY);
      const job = new Job({ node, with: { ...world().inputs, 'sweep-expired': 'true' }, env });
      expect((await job.main()).exitCode).toBe(0);
      const requests = world().emulator.requests;
      const token = requests.find((r) => r.op === 'token')!;
      const create = requests.find((r) => r.op === 'create-key')!;
      const list = requests.find((r) => r.op === 'list-keys')!;
      expect(requests).toHaveLength(3);
      expect(list.connection.port).not.toBe(create.connection.port);
      expect([token.connection.port, list.connection.port]).toContain(create.connection.port);
      expect(list.connection.acceptedAt).toBeLessThan(token.answeredAt!);
    });
  });

  const world = freshWorldPerTest();

  it('replaces an early connection that failed with a fresh one per attempt, and fails clearly', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const job = new Job({ node, with: { ...world().inputs, 'api-url': `http://localhost:${port}` } });
    const main = await job.main();
    expect(main.exitCode).toBe(1);
    expect(ops(world().emulator.requests)).toEqual(['token']);
    expect(main.log.join('\n')).toContain(
      '##[error]Could not reach Pinecone to create the API key (ECONNREFUSED after 5 attempts). Check the URL inputs and proxy settings, or try again later.',
    );
    expect(main.stderr).toBe('');
  });
});
