// A job gets at most its rule's `max-keys-per-job` live keys from the broker (default 1), across replicas that share
// nothing but Pinecone's key list: a replayed token mints nothing more, a revoke makes room again, and mints of the
// same job raced at two replicas leave exactly the cap.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningBroker } from '../../src/broker/serve.js';
import {
  AUDIENCE,
  brokerKey,
  brokerKeyName,
  decisions,
  JOB_CLAIMS,
  mintWithToken,
  policyFor,
  post,
  RUN_REF,
  startBrokerInProcess,
} from '../support/broker.js';
import { startWorld, type World } from '../support/fixture.js';
import { OidcIssuer } from '../support/oidc-issuer.js';

describe('keys bound to their job', () => {
  let world: World;
  let issuer: OidcIssuer;
  const brokers: RunningBroker[] = [];

  /** A replica, with the decision lines it printed. */
  const start = async (policy = policyFor(issuer, world)) => {
    const printed: string[] = [];
    const running = await startBrokerInProcess(world, policy, (line) => printed.push(line));
    brokers.push(running);
    return Object.assign(running, { lines: printed });
  };
  beforeEach(async () => {
    world = await startWorld();
    issuer = await new OidcIssuer().start();
    issuer.claims = { ...JOB_CLAIMS };
  });
  afterEach(async () => {
    for (const running of brokers.splice(0)) await running.drain();
    await issuer.stop();
    await world.emulator.stop();
  });

  const mint = (broker: RunningBroker, token: string, nonce: string) => mintWithToken(broker.url, token, nonce);
  const keys = () => world.emulator.keysIn(world.project.id);

  it('one token replayed 8 times gets one key; the refusal names it; after a revoke the job may ask again', async () => {
    const broker = await start();
    const token = await issuer.token(AUDIENCE);
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await mint(broker, token, `rep00${i}`));
    expect(answers.map((answer) => answer.status)).toEqual([200, 400, 400, 400, 400, 400, 400, 400]);
    const [key] = keys();
    expect(keys()).toHaveLength(1);
    expect(answers[1]!.body['error_description']).toBe(
      `rules[0] (octo-org/shop-api) gives a job 1 live key; this job holds ${key!.name} (${key!.id}). Its post step revokes it; ask again after that.`,
    );
    const revoked = await post(broker.url, '/revoke', { subject_token: token, key_id: key!.id });
    expect(revoked.body['deleted']).toEqual([key!.id]);
    expect((await mint(broker, token, 'again1')).status).toBe(200);
  });

  it("a job's expired key still counts while it exists: a job cannot hold a string of 1-second keys", async () => {
    // Pinecone keys work until deleted, and with a GitHub App the sweep keeps a running job's key past its expiry.
    const run = { ...RUN_REF, job: JOB_CLAIMS.check_run_id };
    // A minute ago: past its expiry, within the sweep's grace (the broker's sweep at start leaves it).
    const expired = brokerKey(world, { base: 'gha-old', run, expiresInMs: -60_000, nonce: 'exp001' });
    const broker = await start();
    const refused = await mint(broker, await issuer.token(AUDIENCE), 'exp002');
    expect(refused.status).toBe(400);
    expect(refused.body['error_description']).toContain(`this job holds ${expired.name} (${expired.id})`);
    expect(keys()).toHaveLength(1);
  });

  it('another job of the same run gets its own key; a rule may give a job more', async () => {
    const broker = await start(
      policyFor(issuer, world).replace('    max-ttl: 12h\n', '    max-ttl: 12h\n    max-keys-per-job: 2\n'),
    );
    expect((await mint(broker, await issuer.token(AUDIENCE), 'one001')).status).toBe(200);
    expect((await mint(broker, await issuer.token(AUDIENCE), 'one002')).status).toBe(200);
    expect((await mint(broker, await issuer.token(AUDIENCE), 'one003')).status).toBe(400);
    issuer.claims = { ...JOB_CLAIMS, check_run_id: '30433642192' };
    expect((await mint(broker, await issuer.token(AUDIENCE), 'two001')).status).toBe(200);
    expect(keys()).toHaveLength(3);
  });

  it("caps a rule's live keys, naming the rule and the keys that hold it; another rule's repositories still mint", async () => {
    const other = `  - repository: octo-org/billing
    repository-owner-id: '4242'
    project: ${world.project.name}
    roles: [DataPlaneEditor]
`;
    const policy = policyFor(issuer, world, other).replace(
      '    max-ttl: 12h\n',
      '    max-ttl: 12h\n    max-live-keys: 2\n',
    );
    const broker = await start(policy);
    for (const job of ['1', '2']) {
      issuer.claims = { ...JOB_CLAIMS, check_run_id: job };
      expect((await mint(broker, await issuer.token(AUDIENCE), `cap00${job}`)).status).toBe(200);
    }
    issuer.claims = { ...JOB_CLAIMS, check_run_id: '3' };
    const refused = await mint(broker, await issuer.token(AUDIENCE), 'cap003');
    expect(refused.status).toBe(400);
    const held = keys()
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((key) => `${key.name} (${key.id})`)
      .join(', ');
    expect(refused.body['error_description']).toBe(
      `rules[0] (octo-org/shop-api) holds its 2 live keys (max-live-keys): ${held}. Ask again when one is revoked or swept.`,
    );
    issuer.claims = { ...JOB_CLAIMS, repository: 'octo-org/billing', repository_id: '77', check_run_id: '4' };
    expect((await mint(broker, await issuer.token(AUDIENCE), 'bil001')).status).toBe(200);
  });

  it('refuses a kept key (cleanup: false) unless the rule allows it', async () => {
    const broker = await start(policyFor(issuer, world).replace('    allow-kept-keys: true\n', ''));
    const token = await issuer.token(AUDIENCE);
    const { status, body } = await mintWithToken(broker.url, token, 'kept01', { cleanup: 'false' });
    expect(status).toBe(400);
    expect(body['error_description']).toBe(
      'rules[0] (octo-org/shop-api) gives no key kept after its job (cleanup: false); the rule would need allow-kept-keys: true.',
    );
    expect(keys()).toEqual([]);
  });

  it("mints at once share the project's key list: one before their creates, and at most one each after", async () => {
    const broker = await start();
    // The sweep at start lists too: count from after it.
    await expect.poll(() => world.emulator.requestsFor('list-keys').length, { timeout: 10_000 }).toBeGreaterThan(0);
    const before = world.emulator.requestsFor('list-keys').length;
    const tokens = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        issuer.token(AUDIENCE, { ...JOB_CLAIMS, check_run_id: String(30433642300 + i) }),
      ),
    );
    const answers = await Promise.all(tokens.map((token, i) => mint(broker, token, `brst0${i}`)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    // Without the shared list: 16 (a list before and after each create).
    expect(world.emulator.requestsFor('list-keys').length - before).toBeLessThanOrEqual(1 + 8);
  });

  /** A key of this job another replica makes when ours is created (once): a race the list after the create sees. */
  const rivalOnCreate = () => {
    const run = { ...RUN_REF, job: JOB_CLAIMS.check_run_id };
    const name = brokerKeyName({ base: 'gha-rival', run, expiresInMs: 3600_000, nonce: 'rival1' });
    let rival: { id: string } | undefined;
    world.emulator.onCreate = () => {
      world.emulator.onCreate = undefined;
      rival = world.emulator.addKey(world.project.id, name);
    };
    return () => rival;
  };

  it('a mint that lost a race tries once more after a pause, and keeps its key when the rival has gone', async () => {
    const broker = await start();
    const rival = rivalOnCreate();
    // The rival lost too, and deletes its key when ours does: both racers back off, ours comes back alone.
    world.emulator.onRequest = (request) => {
      if (request.op !== 'delete-key') return;
      world.emulator.onRequest = undefined;
      world.emulator.keys.delete(rival()!.id);
    };
    const answer = await mint(broker, await issuer.token(AUDIENCE), 'again1');
    expect(answer.status).toBe(200);
    expect(keys().map((key) => key.id)).toEqual([answer.body['key_id']]);
    const lines = decisions(broker).filter((line) => line['action'] === 'mint');
    expect(lines.map((line) => line['outcome'])).toEqual(['refused', 'minted']);
    expect(lines[0]!['reason']).toMatch(/made at the same time\. .* The broker tries once more\.$/);
    expect(world.emulator.requestsFor('create-key')).toHaveLength(2);
  });

  it('a mint that lost a race twice is refused, and leaves no key of its own', async () => {
    const broker = await start();
    const rival = rivalOnCreate(); // the rival stays: it won
    const answer = await mint(broker, await issuer.token(AUDIENCE), 'twice1');
    expect(answer.status).toBe(400);
    expect(answer.body['error_description']).toContain(`this job holds gha-rival`);
    expect(keys().map((key) => key.id)).toEqual([rival()!.id]);
  });

  it('a mint that lost a race but cannot delete its key hands it to the job, and tells the operator', async () => {
    const broker = await start();
    const rival = rivalOnCreate();
    world.emulator.inject({ op: 'delete-key', status: 500, times: 50 });
    const answer = await mint(broker, await issuer.token(AUDIENCE), 'lost01');
    expect(answer.status).toBe(200);
    expect(
      keys()
        .map((key) => key.id)
        .sort(),
    ).toEqual([answer.body['key_id'], rival()!.id].sort());
    expect(decisions(broker)).toContainEqual(
      expect.objectContaining({
        action: 'mint',
        outcome: 'error',
        key_id: answer.body['key_id'],
        reason: expect.stringMatching(/^kept, maybe past the cap: it lost a race, and its delete failed/),
      }),
    );
  });

  it('8 mints of one job at once at one replica end with exactly one key: they wait for each other there', async () => {
    const broker = await start();
    const token = await issuer.token(AUDIENCE);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => mint(broker, token, `one00${i}`)));
    const won = answers.filter((answer) => answer.status === 200);
    expect(won).toHaveLength(1);
    expect(keys().map((key) => key.id)).toEqual([won[0]!.body['key_id']]);
    for (const refused of answers.filter((answer) => answer.status === 400))
      expect(refused.body['error_description']).toContain(`this job holds ${keys()[0]!.name} (${keys()[0]!.id})`);
    expect(world.emulator.requestsFor('create-key')).toHaveLength(1);
  });

  it('mints of one job raced at two replicas that share no memory leave at most one key', async () => {
    const replicas = [await start(), await start()];
    const token = await issuer.token(AUDIENCE);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => mint(replicas[i % 2]!, token, `race0${i}`)));
    const won = answers.filter((answer) => answer.status === 200);
    // At most one stays, whoever lists last; in a tight race both creates may go (the job may then ask again).
    expect(won.length).toBeLessThanOrEqual(1);
    expect(answers.filter((answer) => answer.status === 400)).toHaveLength(8 - won.length);
    expect(keys().map((key) => key.id)).toEqual(won.map((answer) => answer.body['key_id']));
  });
});
