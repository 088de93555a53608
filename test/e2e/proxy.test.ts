// Through a forward proxy, as behind a corporate firewall, over HTTPS as in production: @actions/http-client honours
// https_proxy and no_proxy with `tunnel` (the bundles leave undici out: this proves proxied requests never need it),
// and Node trusts a corporate CA given in NODE_EXTRA_CA_CERTS.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_CA_FILE } from '../emulator/server.js';
import { Job, NODES } from '../runner/runner.js';
import { freshWorldPerTest } from '../support/fixture.js';
import { startProxy, type Proxy } from '../support/proxy.js';
import { failureLine, findLeaks } from '../support/scan.js';

const HOST = 'pinecone.invalid'; // reserved: no resolver knows it, only the proxy does

describe.each(NODES)('proxy on $name', ({ path: node }) => {
  const world = freshWorldPerTest({ tls: true });
  let proxy: Proxy;
  beforeEach(async () => {
    proxy = await startProxy({ [HOST]: '127.0.0.1' });
  });
  afterEach(() => proxy.stop());

  const inputs = () => ({
    ...world().inputs,
    'api-url': world().emulator.urlOn(HOST),
    'auth-url': `${world().emulator.urlOn(HOST)}/oauth/token`,
  });
  const target = () => `${HOST}:${new URL(world().emulator.url).port}`;

  it('creates and deletes the key through the proxy named by https_proxy, with its credentials', async () => {
    const proxyUrl = proxy.url.replace('//', '//ci-user:proxy-pass@');
    const job = new Job({
      node,
      with: inputs(),
      env: { https_proxy: proxyUrl, NODE_EXTRA_CA_CERTS: EMULATOR_CA_FILE },
    });
    const main = await job.main();
    expect(main.exitCode, main.log.join('\n')).toBe(0);
    expect(world().emulator.keysIn()).toHaveLength(1);
    const post = await job.post();
    expect(post.exitCode, post.log.join('\n')).toBe(0);
    expect(world().emulator.keysIn()).toEqual([]);

    expect(world().emulator.requests.map((r) => r.op)).toEqual(['token', 'create-key', 'token', 'delete-key']);
    expect(proxy.tunnels.length).toBeGreaterThanOrEqual(2); // at least one tunnel per step
    for (const tunnel of proxy.tunnels) {
      expect(tunnel.target).toBe(target());
      expect(tunnel.headers['proxy-authorization']).toBe(
        `Basic ${Buffer.from('ci-user:proxy-pass').toString('base64')}`,
      );
    }
    for (const step of [main, post])
      expect(findLeaks(step, world().secrets(), { outputs: ['api-key'], env: ['PINECONE_API_KEY'] })).toEqual([]);
  });

  it('goes direct for hosts in no_proxy, and says what to check when they cannot be reached', async () => {
    const env = { https_proxy: proxy.url, no_proxy: `example.com,${HOST}`, NODE_EXTRA_CA_CERTS: EMULATOR_CA_FILE };
    const job = new Job({ node, with: inputs(), env });
    const main = await job.main();
    expect(main.exitCode).toBe(1);
    expect(proxy.tunnels).toEqual([]);
    expect(world().emulator.requests).toEqual([]);
    expect(main.log.join('\n')).toMatch(
      /##\[error\]Could not reach Pinecone to log in \(ENOTFOUND after 5 attempts\)\. Check the URL inputs and proxy settings/,
    );
  });

  it('a proxy that is down is named as the proxy; nothing reached Pinecone', async () => {
    const closed = await startProxy({});
    await closed.stop();
    const job = new Job({
      node,
      with: inputs(),
      env: { https_proxy: closed.url, NODE_EXTRA_CA_CERTS: EMULATOR_CA_FILE },
    });
    const main = await job.main();
    expect(failureLine(main)).toMatch(
      /^Could not reach Pinecone to log in \(the proxy 127\.0\.0\.1:\d+ failed: .*ECONNREFUSED.* after 5 attempts\)\. Check the URL inputs and proxy settings/,
    );
    expect(world().emulator.requests).toEqual([]);
  });

  it('a proxy that wants other credentials (407) is named, and not asked again', async () => {
    const guarded = await startProxy({ [HOST]: '127.0.0.1' }, 'Basic c2VjcmV0');
    try {
      const env = { https_proxy: guarded.url.replace('//', '//ci-user:wrong@'), NODE_EXTRA_CA_CERTS: EMULATOR_CA_FILE };
      const main = await new Job({ node, with: inputs(), env }).main();
      expect(failureLine(main)).toBe(
        `Could not reach Pinecone to log in (the proxy ${new URL(guarded.url).host} failed: HTTP 407 Proxy Authentication Required; check the proxy credentials in https_proxy after 1 attempt). Check the URL inputs and proxy settings, or try again later.`,
      );
      expect(guarded.tunnels).toHaveLength(1);
      expect(world().emulator.requests).toEqual([]);
    } finally {
      await guarded.stop();
    }
  });
});
