// Deny by default, against the committed broker bundle as its own process: a rule with `ref: refs/heads/main` and no
// `event` no longer admits the events that run the default branch's code on outside input (pull_request_target,
// issue_comment, workflow_run), and their refusal reaches no Pinecone endpoint; a push on the same rule still mints,
// and a rule that lists the events admits them. A token 6 s past its `exp` is refused (the leeway is 5 s, not 60 s).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODES } from '../../runner/runner.js';
import { decisions, RUN_CLAIMS, startBrokerProcess, sweeps, type BrokerProcess } from '../../support/broker.js';
import { startWorld, type World } from '../../support/fixture.js';
import { OidcIssuer } from '../../support/oidc-issuer.js';
import { mintAsNewJob, policyOf } from './policies.js';

const OUTSIDE_INPUT = ['pull_request_target', 'issue_comment', 'workflow_run'];
// Another repository of the owner whose rule lists the events: a deploy that follows CI on workflow_run, say.
const DEPLOY = { repository: 'octo-org/deploy', repository_id: '829301756' };

describe.each(NODES)('the broker process denies by default on $name', ({ path: node }) => {
  let world: World;
  let issuer: OidcIssuer;
  let broker: BrokerProcess;

  beforeAll(async () => {
    world = await startWorld();
    issuer = await new OidcIssuer().start();
    const rules = (repository: string, extra: string) =>
      `  - repository: ${repository}\n    repository-owner-id: '4242'\n${extra}    project: ${world.project.name}\n    roles: [DataPlaneViewer]\n    max-ttl: 1h\n`;
    const policy = policyOf(
      issuer,
      rules(RUN_CLAIMS.repository, '    ref: refs/heads/main\n') +
        rules(DEPLOY.repository, `    ref: refs/heads/main\n    event: [${OUTSIDE_INPUT.join(', ')}]\n`),
    );
    broker = await startBrokerProcess({ world, policy, node });
    await sweeps(broker); // the sweep at start is done: every later Pinecone request is a mint's
  });
  afterAll(async () => {
    await broker.stop();
    await issuer.stop();
    await world.emulator.stop();
  });

  const keys = () => world.emulator.keysIn(world.project.id);
  const refusals = () => decisions(broker).filter((line) => line['action'] === 'mint' && line['outcome'] === 'refused');
  const noValueLogged = () => {
    for (const key of world.emulator.issued) expect(broker.output()).not.toContain(key.value);
  };

  it('refuses pull_request_target, issue_comment and workflow_run on a rule without event, before any Pinecone request', async () => {
    const before = world.emulator.requests.length;
    const refusedBefore = refusals().length;
    for (const event of OUTSIDE_INPUT) {
      const refused = await mintAsNewJob(broker, issuer, { event_name: event });
      const line = `No rule of the policy lets repository octo-org/shop-api have a key (ref refs/heads/main, event ${event}; a rule admits ${event} only by listing it in event).`;
      expect(refused).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: line } });
    }
    expect(world.emulator.requests.slice(before)).toEqual([]); // no login, no list, no create
    expect(keys()).toEqual([]);
    expect(
      refusals()
        .slice(refusedBefore)
        .map((line) => line['reason']),
    ).toEqual(
      OUTSIDE_INPUT.map((event): unknown =>
        expect.stringContaining(`event ${event}; a rule admits ${event} only by listing`),
      ),
    );
  });

  it('mints for a push on the same rule', async () => {
    const before = world.emulator.requestsFor('create-key').length;
    const pushed = await mintAsNewJob(broker, issuer, { event_name: 'push' });
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    expect(world.emulator.requestsFor('create-key')).toHaveLength(before + 1);
    expect(keys().map((key) => key.id)).toContain(pushed.body['key_id']);
    noValueLogged();
  });

  it.each(OUTSIDE_INPUT)('mints for %s where a rule lists it in event', async (event) => {
    const minted = await mintAsNewJob(broker, issuer, { ...DEPLOY, event_name: event });
    expect(minted.status, JSON.stringify(minted.body)).toBe(200);
    expect(keys().map((key) => key.id)).toContain(minted.body['key_id']);
    expect(decisions(broker)).toContainEqual(
      expect.objectContaining({
        action: 'mint',
        outcome: 'minted',
        rule: 'rules[1] (octo-org/deploy)',
        key_id: minted.body['key_id'],
      }),
    );
    noValueLogged();
  });

  it('refuses a token 6 s past its exp (5 s of leeway, not 60), and a fresh one mints', async () => {
    const held = keys().length;
    const before = world.emulator.requests.length;
    const late = await mintAsNewJob(broker, issuer, { event_name: 'push' }, { expiresIn: '-6s' });
    expect(late).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'The token has expired.' },
    });
    expect(world.emulator.requests.slice(before)).toEqual([]);
    expect(refusals().at(-1)).toMatchObject({ reason: 'The token has expired.' });
    expect(keys()).toHaveLength(held);
    const fresh = await mintAsNewJob(broker, issuer, { event_name: 'push' });
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);
    expect(keys()).toHaveLength(held + 1);
    noValueLogged();
  });
});
