// The broker deletes only its own keys (a name tag only its service account makes), and of those only the asking
// job's; a rule's project is resolved at start (a missing or ambiguous one stops it in one line), and a project that
// fails later is the operator's business: callers get a line that names no project, the sweep goes on elsewhere.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningBroker } from '../../src/broker/serve.js';
import { nameTagFor } from '../../src/crypto/name-tag.js';
import { buildTaggedKeyName } from '../../src/rules/names.js';
import {
  anotherRunsKey,
  AUDIENCE,
  brokerKey,
  mintWithToken,
  policyFor,
  post,
  RUN_CLAIMS,
  RUN_REF,
  startBrokerInProcess,
} from '../support/broker.js';
import { CLIENT_SECRET, startWorld, wholeSecondsFromNow, type World } from '../support/fixture.js';
import { OidcIssuer } from '../support/oidc-issuer.js';

const HOUR = 3_600_000;

describe("the broker's own keys", () => {
  let world: World;
  let issuer: OidcIssuer;
  let running: RunningBroker | undefined;
  const printed: string[] = [];
  const decisions = () => printed.map((line) => JSON.parse(line) as Record<string, unknown>);

  const start = async (policy = policyFor(issuer, world)) => {
    running = await startBrokerInProcess(world, policy, (line) => printed.push(line));
    return running;
  };
  beforeEach(async () => {
    printed.length = 0;
    world = await startWorld();
    issuer = await new OidcIssuer().start();
    issuer.claims = { ...RUN_CLAIMS };
  });
  afterEach(async () => {
    await running?.drain();
    running = undefined;
    await issuer.stop();
    await world.emulator.stop();
  });

  const form = (path: string, fields: Record<string, string | string[]>) => post(running!.url, path, fields);
  const mint = async (nonce: string) => mintWithToken(running!.url, await issuer.token(AUDIENCE), nonce);
  const keys = () => world.emulator.keysIn(world.project.id);

  it("sweeps only its own expired keys: never direct mode's, nor a hand-made look-alike", async () => {
    const owner = { kind: 'job' as const, run: { ...RUN_REF, runId: '999' } };
    const direct = world.ours('gha-direct', -HOUR, owner, 'dir001');
    const tagged = buildTaggedKeyName(
      'gha-d',
      owner,
      wholeSecondsFromNow(-HOUR),
      'dir002',
      nameTagFor(CLIENT_SECRET, 'keyName'),
    );
    const directTagged = world.emulator.addKey(world.project.id, tagged);
    const lookAlike = world.emulator.addKey(world.project.id, `${tagged.slice(0, -8)}abcdefgh`);
    const live = anotherRunsKey(world, 'old001'); // the broker's, not expired yet
    const own = brokerKey(world, { base: 'gha-old', run: owner.run, expiresInMs: -HOUR, nonce: 'old003' });
    await start();
    await running!.broker.sweep(new AbortController().signal);
    const left = keys().map((key) => key.id);
    expect(left).not.toContain(own.id);
    expect(left.sort()).toEqual([direct.id, directTagged.id, lookAlike.id, live.id].sort());
  });

  it("revokes by nonce only the asking job's keys: not attempt 1's from attempt 2, nor direct mode's", async () => {
    await start();
    const attempt1 = anotherRunsKey(world, 'same01', RUN_REF); // the broker's key of attempt 1
    const owner = { kind: 'job' as const, run: { ...RUN_REF, attempt: 2 } };
    const direct = world.ours('gha-direct', HOUR, owner, 'same01');
    issuer.claims = { ...RUN_CLAIMS, run_attempt: '2' };
    const { status, body } = await form('/revoke', { subject_token: await issuer.token(AUDIENCE), nonce: 'same01' });
    expect(status).toBe(200);
    expect(body).toEqual({ deleted: [], gone: [], refused: [attempt1.id] }); // direct mode's is not even considered
    expect(keys().map((key) => key.id)).toEqual([attempt1.id, direct.id]);
  });

  it("takes attempt 1's ticket from attempt 2 for a listing, not for a delete by ID", async () => {
    await start();
    const made = (await mint('tick01')).body;
    issuer.claims = { ...RUN_CLAIMS, run_attempt: '2' };
    const { body } = await form('/revoke', {
      subject_token: await issuer.token(AUDIENCE),
      key_id: String(made['key_id']),
      ticket: String(made['revoke_ticket']),
    });
    expect(body).toEqual({ deleted: [], gone: [], refused: [made['key_id']] });
    expect(keys()).toHaveLength(1);
  });

  it.each([
    [
      'missing',
      () => undefined,
      /^rules\[0\]\.project: the service account sees no project named or with the ID "shop-api-ci"/,
    ],
    [
      'ambiguous (a namesake appeared)',
      (world: World) => world.emulator.addProject('shop-api-ci'),
      /^rules\[0\]\.project: 2 projects are named "shop-api-ci" \([0-9a-f-]+, [0-9a-f-]+\); give the ID of the one meant\.$/,
    ],
  ])('stops the start in one line when a rule’s project is %s', async (_, change, line) => {
    if (change(world) === undefined) world.emulator.removeProject(world.project.id);
    await expect(start()).rejects.toThrow(line);
  });

  it('once running, a project that no longer resolves is told to the operator; a caller gets a line naming none', async () => {
    world.emulator.faults.add({ op: 'list-projects', action: 'drop', times: 20 });
    await start(); // the list at start fails: each rule resolves at its first request
    world.emulator.faults.clear();
    const hidden = world.emulator.addProject('payroll-prod');
    world.emulator.removeProject(world.project.id);
    for (const answer of [
      await mint('gone01'),
      await form('/revoke', { subject_token: await issuer.token(AUDIENCE), nonce: 'gone01' }),
    ]) {
      expect(answer.status).toBe(503);
      expect(answer.body['error_description']).toBe(
        "The broker cannot use its rule's project now; its operator has been told. Ask again later.",
      );
      expect(JSON.stringify(answer.body)).not.toContain(hidden.id);
      expect(JSON.stringify(answer.body)).not.toContain('payroll');
    }
    expect(decisions()).toContainEqual(
      expect.objectContaining({
        outcome: 'error',
        rule: 'rules[0] (octo-org/shop-api)',
        reason: expect.stringMatching(
          /^project: the service account sees no project named or with the ID "shop-api-ci"/,
        ),
      }),
    );
  });

  it('sweeps project by project: one that fails does not stop the others', async () => {
    const second = world.emulator.addProject('second-ci');
    const extra = `  - repository: octo-org/shop-api
    repository-owner-id: '4242'
    project: ${second.id}
    roles: [DataPlaneViewer]
`;
    const expired = brokerKey(world, {
      base: 'gha',
      run: RUN_REF,
      expiresInMs: -HOUR,
      nonce: 'swp001',
      projectId: second.id,
    });
    await start(policyFor(issuer, world, extra));
    world.emulator.removeProject(world.project.id); // the first rule's project: its key list now fails
    await running!.broker.sweep(new AbortController().signal);
    expect(world.emulator.keysIn(second.id).map((key) => key.id)).not.toContain(expired.id);
    expect(decisions()).toContainEqual(
      expect.objectContaining({ action: 'sweep', outcome: 'error', reason: expect.stringContaining(world.project.id) }),
    );
  });
});
