// Main and post in broker mode, in-process: the runner's OIDC token service (a fake issuer over real HTTP), the
// broker in-process in front of the emulator. What a process shows (both bundles, restarts, 16 jobs) is in
// test/e2e/keyless/action.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningBroker } from '../../src/broker/serve.js';
import { runMain } from '../../src/steps/direct/main.js';
import { runPost } from '../../src/steps/direct/post.js';
import { anotherRunsKey, AUDIENCE, EXCHANGE, policyFor, RUN_CLAIMS, startBrokerInProcess } from '../support/broker.js';
import { CLIENT_SECRET, startWorld, type World } from '../support/fixture.js';
import { OidcIssuer, REQUEST_TOKEN } from '../support/oidc-issuer.js';
import { inProcess, type InProcess } from '../support/steps.js';

describe('broker mode, in-process', () => {
  let world: World;
  let issuer: OidcIssuer;
  let broker: RunningBroker;
  const steps: InProcess[] = [];

  beforeEach(async () => {
    world = await startWorld();
    issuer = await new OidcIssuer().start();
    issuer.claims = { ...RUN_CLAIMS };
    broker = await startBrokerInProcess(world, policyFor(issuer, world));
  });
  afterEach(async () => {
    steps.forEach((step) => step.dispose());
    await broker.drain();
    await issuer.stop();
    await world.emulator.stop();
  });

  const run = async (
    step: typeof runMain,
    inputs: Record<string, string> = {},
    options: { state?: Record<string, string>; env?: Record<string, string> } = {},
  ) => {
    const running = inProcess({
      inputs: { 'broker-url': broker.url, 'broker-audience': AUDIENCE, ...inputs },
      state: options.state ?? {},
      env: {
        ACTIONS_ID_TOKEN_REQUEST_URL: `${issuer.url}/token?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
        ...options.env,
      },
    });
    steps.push(running);
    await step(running.deps);
    return running;
  };
  const keys = () => world.emulator.keysIn(world.project.id);

  it('masks the OIDC token and the key before anything else, and hands over the key; post deletes it', async () => {
    const main = await run(runMain, { roles: 'DataPlaneEditor', ttl: '30m' });
    expect(main.core.failed).toBeUndefined();
    const [key] = keys();
    expect(main.core.masked).toEqual(expect.arrayContaining([REQUEST_TOKEN, issuer.issued[0], key!.value]));
    expect(main.core.outputs).toMatchObject({ 'api-key': key!.value, 'key-id': key!.id, renewed: 'false' });
    expect(main.core.exported).toEqual({ PINECONE_API_KEY: key!.value });
    expect(JSON.parse(main.core.saved['broker']!)).toEqual({
      v: 1,
      unanswered: [],
      made: { id: key!.id, name: key!.name, ticket: expect.stringMatching(/^[\w-]{43}$/) },
      // What post reads again: the runner may give post other inputs (an action wrapped in nested composites).
      inputs: {
        'broker-url': broker.url,
        'broker-audience': AUDIENCE,
        timeout: '2m',
        cleanup: 'true',
        'on-cleanup-error': 'fail',
      },
    });
    expect(main.summaries.join('')).toContain('The post step asks the broker to delete this key when the job ends.');
    const before = world.emulator.requests.length;
    const post = await run(runPost, {}, { state: main.core.saved });
    expect(post.core.failed).toBeUndefined();
    expect(keys()).toEqual([]);
    // The ticket minted with the key proves it this run's: one delete, no listing of the project.
    expect(world.emulator.requests.slice(before).map((request) => request.op)).toEqual(['delete-key']);
  });

  it('a forged ticket gets no shortcut: the broker lists the project and checks the name', async () => {
    const main = await run(runMain);
    const saved = JSON.parse(main.core.saved['broker']!);
    saved.made.ticket = 'A'.repeat(43);
    const before = world.emulator.requests.length;
    const post = await run(runPost, {}, { state: { broker: JSON.stringify(saved) } });
    expect(post.core.failed).toBeUndefined();
    expect(keys()).toEqual([]);
    expect(world.emulator.requests.slice(before).map((request) => request.op)).toEqual(['list-keys', 'delete-key']);
  });

  it('a create whose answer was lost is revoked by its nonce, then asked again: one key, never two', async () => {
    world.emulator.faults.add({ op: 'create-key', action: 'commit-then-drop' });
    const main = await run(runMain);
    expect(main.core.failed).toBeUndefined();
    expect(keys()).toHaveLength(1);
    expect(world.emulator.issued).toHaveLength(2); // the lost one, deleted by the broker, and the one handed over
    expect(main.core.log.some((line) => line.startsWith('##[warning]The answer to the create request was lost'))).toBe(
      true,
    );
    // The lost one's nonce stays for post, which asks once more in case the lost create is carried out late.
    expect(JSON.parse(main.core.saved['broker']!).unanswered).toHaveLength(1);
    const post = await run(runPost, {}, { state: main.core.saved });
    expect(post.core.failed).toBeUndefined();
    expect(keys()).toEqual([]);
  });

  it('post revokes by nonce a key main never learned the ID of', async () => {
    const fresh = await fetch(`${broker.url}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: EXCHANGE,
        subject_token: await issuer.token(AUDIENCE),
        scope: 'DataPlaneEditor',
        nonce: 'late01',
        job: 'test',
      }).toString(),
    });
    expect(fresh.status).toBe(200);
    const post = await run(runPost, {}, { state: { broker: JSON.stringify({ v: 1, unanswered: ['late01'] }) } });
    expect(post.core.failed).toBeUndefined();
    expect(keys()).toEqual([]);
  });

  it('post with an unanswered nonce and no key asks a few times for a late one, then says none was made', async () => {
    const post = await run(runPost, {}, { state: { broker: JSON.stringify({ v: 1, unanswered: ['none01'] }) } });
    expect(post.core.failed).toBeUndefined();
    expect(post.slept()).toBe(4_500);
    expect(post.core.log.at(-1)).toBe(
      "The broker found no key of this run to delete: the main step's request made none.",
    );
  });

  it("post whose state names another run's nonce deletes nothing, and warns once", async () => {
    const other = anotherRunsKey(world, 'n0nce1');
    const post = await run(runPost, {}, { state: { broker: JSON.stringify({ v: 1, unanswered: ['n0nce1'] }) } });
    expect(post.core.failed).toBeUndefined();
    expect(post.core.log.filter((line) => line.startsWith('##[warning]The broker refused to delete key'))).toEqual([
      `##[warning]The broker refused to delete key ${other.id}: this run did not make it (the state handed to the post step names another run's key).`,
    ]);
    expect(keys().map((key) => key.id)).toEqual([other.id]);
  });

  it('with cleanup: false, post keeps the key and sends nothing', async () => {
    const main = await run(runMain, { cleanup: 'false' });
    const before = issuer.issued.length;
    const post = await run(runPost, { cleanup: 'false' }, { state: main.core.saved });
    expect(post.core.log.at(-1)).toMatch(
      /^Kept API key .+ after the job \(cleanup: false\): the broker's sweep deletes it once it has expired\.$/,
    );
    expect(issuer.issued.length).toBe(before);
    expect(keys()).toHaveLength(1);
  });

  it('post asks the broker main used, and keeps to cleanup as main read it, whatever inputs it is given', async () => {
    const main = await run(runMain, { cleanup: 'false' });
    // As the runner hands post the inputs of a wrapping composite (actions/runner#2030): no broker-url at all.
    const post = await run(runPost, { 'broker-url': '', cleanup: 'true' }, { state: main.core.saved });
    expect(post.core.log.at(-1)).toMatch(/^Kept API key .+ after the job \(cleanup: false\)/);
    const deleting = await run(runMain);
    const elsewhere = { 'broker-url': 'http://127.0.0.1:9', 'broker-audience': 'another-service' };
    const deleted = await run(runPost, elsewhere, { state: deleting.core.saved });
    expect(deleted.core.failed).toBeUndefined();
    expect(deleted.core.log.at(-1)).toMatch(/^Deleted API key .+ through the broker\.$/);
    expect(keys()).toHaveLength(1); // the kept one
  });

  it("post refuses a broker URL in main's record that no input could have given", async () => {
    const main = await run(runMain);
    const record = JSON.parse(main.core.saved['broker']!) as { inputs: Record<string, string> };
    record.inputs['broker-url'] = 'http://pinecone-broker.example.com';
    const post = await run(runPost, {}, { state: { ...main.core.saved, broker: JSON.stringify(record) } });
    expect(post.core.failed).toMatch(/Input "broker-url" must use https:\/\//);
    expect(issuer.issued).toHaveLength(1); // main's token only
  });

  it('warns when the job still holds the client secret in its environment, which broker mode never uses', async () => {
    const main = await run(runMain, {}, { env: { PINECONE_CLIENT_SECRET: CLIENT_SECRET } });
    expect(main.core.failed).toBeUndefined();
    expect(main.core.masked).toContain(CLIENT_SECRET);
    expect(main.core.log).toContain(
      "##[warning]This job's environment holds PINECONE_CLIENT_SECRET, which broker mode does not use: with a broker no job needs the service account's secret. Remove it from the job's env (and the workflow's).",
    );
  });

  it('post with nothing recorded says so and asks nothing', async () => {
    const post = await run(runPost);
    expect(post.core.log).toEqual(['Nothing to clean up: the main step got no key.']);
    expect(issuer.issued).toEqual([]);
  });

  it('says in one line when the runner refuses the OIDC token request', async () => {
    const main = await run(runMain, {}, { env: { ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'not-the-runtime-token' } });
    expect(main.core.failed).toBe(
      'GitHub did not give this job an OIDC token (HTTP 401 Unauthorized): the job needs permissions: id-token: write.',
    );
    expect(keys()).toEqual([]);
  });
});
