// The action wrapped two composites deep, as organizations wrap actions, where the runner's open bug
// (actions/runner#2030, #3514) evaluates the post step's inputs against the outer composite's (runner.ts `Nested`).
// Post must still delete the key main made, with main's settings: the committed bundles as processes, against the
// Pinecone emulator and, in broker mode, the broker's bundle.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Job, NODES, type Nested } from '../runner/runner.js';
import { AUDIENCE, brokerJob, policyFor, RUN_CLAIMS, startBrokerProcess, sweeps } from '../support/broker.js';
import type { BrokerProcess } from '../support/broker.js';
import { CLIENT_ID, CLIENT_SECRET, freshWorldPerTest, startWorld, type World } from '../support/fixture.js';
import { OidcIssuer, REQUEST_TOKEN } from '../support/oidc-issuer.js';
import { findLeaks } from '../support/scan.js';

const KEY_PLACES = { outputs: ['api-key'], env: ['PINECONE_API_KEY'] };
/** The inner composite passes its own inputs on: `with:` reads them as `${{ inputs.NAME }}`. */
const WRAPPED_DIRECT = {
  'client-id': '${{ inputs.client-id }}',
  'client-secret': '${{ inputs.client-secret }}',
  project: '${{ inputs.project }}',
  'api-url': '${{ inputs.api-url }}',
  'auth-url': '${{ inputs.auth-url }}',
  timeout: '${{ inputs.timeout }}',
  'on-cleanup-error': '${{ inputs.on-cleanup-error }}',
  'sweep-expired': 'false',
};

/** A server that is not the broker nor Pinecone: it records what reaches it (a token would be a leak). */
async function decoy(servers: Server[]) {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(404).end();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe.each(NODES)('the action wrapped in nested composites, direct mode, on $name', ({ path: node }) => {
  const world = freshWorldPerTest();
  const servers: Server[] = [];
  afterEach(() => servers.splice(0).forEach((server) => server.close()));
  const keys = () => world().emulator.keysIn();
  const inner = () => ({
    'client-id': CLIENT_ID,
    'client-secret': CLIENT_SECRET,
    project: world().project.id,
    'api-url': world().emulator.url,
    'auth-url': world().emulator.authUrl,
    timeout: '30s',
    'on-cleanup-error': 'fail',
  });

  it("post deletes the key with main's settings when it is handed the outer composite's inputs", async () => {
    // The outer composite takes the credentials under the same names, and a timeout of its own meaning (how long
    // its tests may run); it has no api-url or auth-url, so post sees those empty.
    const nested: Nested = {
      inner: inner(),
      outer: { 'client-id': CLIENT_ID, 'client-secret': CLIENT_SECRET, project: 'shop-api-ci', timeout: '45m' },
    };
    const job = new Job({ node, with: WRAPPED_DIRECT, nested });
    const main = await job.main();
    expect(main.exitCode, main.log.join('\n')).toBe(0);
    expect(keys()).toHaveLength(1);
    const post = await job.post();
    expect(post.processEnv['INPUT_API-URL']).toBe(''); // the runner's bug, as emulated
    expect(post.exitCode, post.log.join('\n')).toBe(0);
    expect(keys()).toEqual([]);
    expect(post.log.join('\n')).toContain(`Deleted API key ${main.outputs['key-name']}`);
    for (const step of [main, post]) expect(findLeaks(step, world().secrets(), KEY_PLACES)).toEqual([]);
  });

  it("post deletes nothing with another account's credentials from the outer composite, and says so in one line", async () => {
    world().emulator.addClient('other-account', 'other-secret-Qw3e-77');
    const nested: Nested = {
      inner: inner(),
      outer: {
        'client-id': 'other-account',
        'client-secret': 'other-secret-Qw3e-77',
        'api-url': world().emulator.url,
        'auth-url': world().emulator.authUrl,
      },
    };
    const job = new Job({ node, with: WRAPPED_DIRECT, nested });
    expect((await job.main()).exitCode).toBe(0);
    const before = world().emulator.requests.length;
    const post = await job.post();
    expect(post.log).toEqual([
      expect.stringMatching(
        /^##\[warning\]Ignored the state handed to the post step: .*this step was given another client secret than the main step: the runner gives an action wrapped in nested composite actions the outer one's inputs\)/,
      ),
    ]);
    expect(world().emulator.requests.slice(before)).toEqual([]); // no login with the wrong account
    expect(keys()).toHaveLength(1); // the sweep deletes it at its expiry
  });
});

describe.each(NODES)('the action wrapped in nested composites, broker mode, on $name', ({ path: node }) => {
  let world: World;
  let issuer: OidcIssuer;
  let broker: BrokerProcess;
  const servers: Server[] = [];

  beforeEach(async () => {
    world = await startWorld();
    issuer = await new OidcIssuer().start();
    issuer.claims = { ...RUN_CLAIMS };
    broker = await startBrokerProcess({ world, policy: policyFor(issuer, world), node });
    await sweeps(broker);
  });
  afterEach(async () => {
    servers.splice(0).forEach((server) => server.close());
    await broker.stop();
    await issuer.stop();
    await world.emulator.stop();
  });

  const keys = () => world.emulator.keysIn(world.project.id);
  const wrapped = () => ({
    with: {
      'broker-url': '${{ inputs.broker-url }}',
      'broker-audience': '${{ inputs.audience }}',
      timeout: '${{ inputs.timeout }}',
      project: '',
      'client-id': '',
      'client-secret': '',
    },
    env: brokerJob(issuer, broker).env,
  });

  it.each([
    ['has no broker-url', async () => ({ outer: { timeout: '45m' }, seen: [] })],
    [
      'has a broker-url of its own, for another service',
      async () => {
        const other = await decoy(servers);
        return { outer: { 'broker-url': other.url, audience: 'another-service' }, seen: other.seen };
      },
    ],
  ])('post deletes the key through the broker main used when the outer composite %s', async (_, outerOf) => {
    const { outer, seen } = await outerOf();
    const nested: Nested = { inner: { 'broker-url': broker.url, audience: AUDIENCE, timeout: '30s' }, outer };
    const job = new Job({ node, ...wrapped(), nested });
    const main = await job.main();
    expect(main.exitCode, main.log.join('\n')).toBe(0);
    expect(keys()).toHaveLength(1);
    const post = await job.post();
    expect(post.exitCode, post.log.join('\n')).toBe(0);
    expect(keys()).toEqual([]);
    expect(post.log.join('\n')).toContain('through the broker.');
    expect(seen).toEqual([]); // the job's OIDC token went to main's broker only
    const secrets = [...world.secrets(), ...issuer.issued, REQUEST_TOKEN];
    for (const step of [main, post]) expect(findLeaks(step, secrets, KEY_PLACES)).toEqual([]);
  });

  it("a broker record written to GITHUB_ENV never reaches post in place of main's, even when main fails early", async () => {
    const other = await decoy(servers);
    const job = new Job({ node, ...brokerJob(issuer, broker), with: { ...brokerJob(issuer, broker).with, ttl: 'x' } });
    job.writeEnv({
      STATE_mode: 'broker',
      STATE_broker: JSON.stringify({ v: 1, unanswered: ['abcdef'], inputs: { 'broker-url': other.url } }),
    });
    expect((await job.main()).exitCode).toBe(1); // a bad ttl: main fails before it asks for anything
    const post = await job.post();
    expect(post.log).toEqual(['Nothing to clean up: the main step got no key.']);
    expect(other.seen).toEqual([]);
    expect(issuer.issued).toEqual([]);
  });

  it('a direct-mode job never runs a broker post, whatever state another step writes', async () => {
    const other = await decoy(servers);
    const direct = new Job({
      node,
      with: { ...world.inputs, 'sweep-expired': 'false' },
      env: brokerJob(issuer, broker).env,
    });
    direct.writeEnv({
      STATE_mode: 'broker',
      STATE_broker: JSON.stringify({ v: 1, unanswered: ['abcdef'], inputs: { 'broker-url': other.url } }),
    });
    expect((await direct.main()).exitCode).toBe(0);
    const post = await direct.post();
    expect(post.exitCode, post.log.join('\n')).toBe(0);
    expect(other.seen).toEqual([]);
    expect(world.emulator.keysIn()).toEqual([]);
  });
});
