// The broker bundle as its own process, in front of a Pinecone project that holds 20 keys at most (as one was seen
// to): one run of one repository can no longer fill it. A rule without `max-live-keys` gets an equal share of 16
// with the other rules of its project (4 left to keys the broker does not make), so past its share a mint is refused
// in one line naming the rule and the keys holding it, while the other rule's jobs and a direct-mode job of the
// action still get keys. Rules that name one project differently (by ID, by name) share it all the same. A kept
// key (cleanup=false) is given only where the rule says `allow-kept-keys: true`.
// The policies are ones the build before this issue also starts with, so its failures are the starvation itself.
import { describe, expect, it } from 'vitest';
import { BrokerKeys } from '../../../src/broker/own/own-keys.js';
import { Job, NODES } from '../../runner/runner.js';
import { AUDIENCE, decisions, mintWithToken, policyFor, RUN_CLAIMS } from '../../support/broker.js';
import { CLIENT_SECRET } from '../../support/fixture.js';
import { oldAndNewPolicy } from './calls.js';
import { keylessPerTest } from './keyless-world.js';

/** Another repository of the same owner, with a rule of its own in the same project. */
const BILLING = { ...RUN_CLAIMS, repository: 'octo-org/billing', repository_id: '77', sub: 'repo:octo-org/billing' };

describe.each(NODES)("a rule's share of its project's keys, the broker process on $name", ({ path: node }) => {
  const { world, issuer, broker, startBroker } = keylessPerTest(node, { world: { quota: 20 } });

  /** A mint by job `checkRunId` of `claims`' run: each its own job, as GitHub's check_run_id tells them apart. */
  const mint = async (claims: Record<string, string>, checkRunId: string, extra: Record<string, string> = {}) => {
    const token = await issuer().token(AUDIENCE, { ...claims, check_run_id: checkRunId });
    return mintWithToken(broker().url, token, `n${checkRunId.padStart(5, '0')}`, extra);
  };
  const keys = () => world().emulator.keysIn(world().project.id);
  const held = (names: string[]) => keys().filter((key) => names.includes(key.name ?? ''));
  const listed = (ids: string[]) =>
    keys()
      .filter((key) => ids.includes(key.id))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((key) => `${key.name} (${key.id})`);

  it("gives each of two rules 8 live keys by default; past that the rule is refused in one line, and neither the other rule's jobs nor a direct-mode job starve", async () => {
    const billing = `  - repository: octo-org/billing
    repository-owner-id: '4242'
    project: ${world().project.name}
    roles: [DataPlaneEditor]
`;
    await startBroker(oldAndNewPolicy(issuer(), world(), billing));
    const shop = [];
    for (let job = 1; job <= 9; job++) shop.push(await mint(RUN_CLAIMS, String(100 + job)));
    expect(shop.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 400]);
    // The refusal names the first 5 keys holding the rule, in order of ID, and counts the rest.
    const holding = listed(shop.slice(0, 8).map((answer) => String(answer.body['key_id'])));
    expect(holding).toHaveLength(8);
    const refusal = `rules[0] (octo-org/shop-api) holds its 8 live keys (max-live-keys): ${holding.slice(0, 5).join(', ')} and 3 more. Ask again when one is revoked or swept.`;
    expect(shop[8]!.body).toEqual({ error: 'invalid_scope', error_description: refusal });
    expect(decisions(broker())).toContainEqual(
      expect.objectContaining({
        action: 'mint',
        outcome: 'refused',
        rule: 'rules[0] (octo-org/shop-api)',
        reason: refusal,
      }),
    );
    expect(keys()).toHaveLength(8); // the refused job's key was never created

    // The other repository's jobs get their own 8, and are then refused in the same words.
    const billed = [];
    for (let job = 1; job <= 9; job++) billed.push(await mint(BILLING, String(200 + job)));
    expect(billed.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 400]);
    expect(billed[8]!.body['error_description']).toMatch(
      /^rules\[1\] \(octo-org\/billing\) holds its 8 live keys \(max-live-keys\): .* and 3 more\. Ask again when one is revoked or swept\.$/,
    );
    expect(keys()).toHaveLength(16);

    // 4 slots are left to keys the broker does not make: the action's direct mode gets one.
    const direct = await new Job({ node, with: world().inputs }).main();
    expect(direct.exitCode, direct.log.join('\n')).toBe(0);
    expect(held([direct.outputs['key-name']!])).toHaveLength(1);
    expect(keys()).toHaveLength(17);

    const printed = broker().output();
    for (const key of world().emulator.issued) expect(printed).not.toContain(key.value);
  });

  it('counts a project named by ID in one rule and by name in another as one project: 8 live keys each, not 16', async () => {
    const byId = `  - repository: octo-org/billing
    repository-owner-id: '4242'
    project: ${world().project.id}
    roles: [DataPlaneEditor]
`;
    await startBroker(oldAndNewPolicy(issuer(), world(), byId)); // rules[0] names the project by name
    const shop = [];
    for (let job = 1; job <= 9; job++) shop.push(await mint(RUN_CLAIMS, String(400 + job)));
    expect(shop.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 400]);
    expect(shop[8]!.body['error_description']).toMatch(/^rules\[0\] \(octo-org\/shop-api\) holds its 8 live keys /);
    expect((await mint(BILLING, '501')).status).toBe(200);
  });

  it('refuses a kept key (cleanup=false) in one line where the rule does not allow it, and creates nothing', async () => {
    await startBroker(oldAndNewPolicy(issuer(), world()));
    const { status, body } = await mint(RUN_CLAIMS, '301', { cleanup: 'false' });
    expect(status).toBe(400);
    expect(body).toEqual({
      error: 'invalid_scope',
      error_description:
        'rules[0] (octo-org/shop-api) gives no key kept after its job (cleanup: false); the rule would need allow-kept-keys: true.',
    });
    expect(world().emulator.requestsFor('create-key')).toEqual([]);
    expect(keys()).toEqual([]);
  });

  it('gives a kept key where the rule says allow-kept-keys: true', async () => {
    await startBroker(policyFor(issuer(), world())); // a field the old build refuses at start: this is the control
    const { status, body } = await mint(RUN_CLAIMS, '302', { cleanup: 'false' });
    expect(status).toBe(200);
    const [key] = keys();
    expect(key!.id).toBe(body['key_id']);
    expect(new BrokerKeys(CLIENT_SECRET).parse(key!.name)).toMatchObject({ kind: 'kept' });
    expect(broker().output()).not.toContain(key!.value);
  });
});
