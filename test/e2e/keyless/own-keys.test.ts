// The broker deletes only its own keys, end to end: the committed bundle as a process. Its sweep deletes its own
// expired key and nothing else (not direct mode's, untagged or tagged, nor a hand-made look-alike); a revoke with a
// token of the run's attempt 2 deletes neither attempt 1's broker key nor direct mode's keys of that attempt, and
// says why in the answer and the decision lines; a token of a repository no rule names is refused before any request
// to Pinecone, on /revoke as on /token.
import { describe, expect, it } from 'vitest';
import { nameTagFor } from '../../../src/crypto/name-tag.js';
import { buildTaggedKeyName, type KeyOwner } from '../../../src/rules/names.js';
import { NODES } from '../../runner/runner.js';
import {
  brokerKey,
  brokerKeyName,
  CHECK_RUN_ID,
  decisions,
  JOB_CLAIMS,
  mintWithToken,
  post,
  RUN_REF,
  sweeps,
} from '../../support/broker.js';
import { CLIENT_SECRET, wholeSecondsFromNow } from '../../support/fixture.js';
import { AUDIENCE, oldAndNewPolicy } from './calls.js';
import { keylessPerTest } from './keyless-world.js';

const HOUR = 3_600_000;
/** Direct mode's tag (the action's own keys), never the broker's. */
const directTag = nameTagFor(CLIENT_SECRET, 'keyName');

describe.each(NODES)('the broker deletes only its own keys on $name', ({ path: node }) => {
  const { world, issuer, broker, startBroker } = keylessPerTest(node, { claims: JOB_CLAIMS });

  const start = async (sweepInterval = '1h') => {
    const started = await startBroker(oldAndNewPolicy(issuer(), world(), '', sweepInterval));
    await sweeps(started);
    return started;
  };
  const add = (name: string) => world().emulator.addKey(world().project.id, name);
  const left = () =>
    world()
      .emulator.keysIn(world().project.id)
      .map((key) => key.id)
      .sort();

  it('sweeps its own expired key only: not direct mode’s, untagged or tagged, nor a look-alike', async () => {
    const run = { ...RUN_REF, runId: '999' };
    const owner: KeyOwner = { kind: 'job', run };
    const own = brokerKey(world(), { base: 'gha-own', run, expiresInMs: -HOUR, nonce: 'own001' });
    const live = brokerKey(world(), { base: 'gha-live', run, expiresInMs: HOUR, nonce: 'own002' });
    // An expired key of direct mode before its tag: an untagged name of the action's grammar, anyone can type it.
    const untagged = world().ours('gha-direct', -HOUR, owner, 'dir001');
    const tagged = buildTaggedKeyName('gha-direct', owner, wholeSecondsFromNow(-HOUR), 'dir002', directTag);
    const direct = add(tagged);
    // Look-alikes: the grammar with a tag that is nobody's, of direct mode's name and of the broker's.
    const lookAlike = add(`${tagged.slice(0, -8)}abcdefgh`);
    const likeName = brokerKeyName({ base: 'gha-like', run, expiresInMs: -HOUR, nonce: 'own003' });
    const brokerLike = add(`${likeName.slice(0, -8)}zzzzzzzz`);
    await start('1s');
    await sweeps(broker(), 2);
    expect(left()).toEqual([live.id, untagged.id, direct.id, lookAlike.id, brokerLike.id].sort());
    const deleted = decisions(broker()).filter((line) => line['outcome'] === 'deleted');
    expect(deleted).toEqual([
      expect.objectContaining({ action: 'sweep', key_id: own.id, key_name: own.name, reason: 'expired' }),
    ]);
  });

  it("revokes with attempt 2's token neither attempt 1's broker key nor direct mode's keys, and says why", async () => {
    await start();
    const attempt2 = { ...RUN_REF, attempt: 2 };
    // Attempt 1's job had a check run of its own; the run, repository and project are the same.
    const run1 = { ...RUN_REF, job: '30433642100' };
    const first = brokerKey(world(), { base: 'gha-a1', run: run1, expiresInMs: HOUR, nonce: 'same01' });
    const direct = add(
      buildTaggedKeyName('gha-d', { kind: 'job', run: attempt2 }, wholeSecondsFromNow(HOUR), 'same02', directTag),
    );
    const untagged = world().ours('gha-u', HOUR, { kind: 'job', run: attempt2 }, 'same03');
    issuer().claims = { ...JOB_CLAIMS, run_attempt: '2' };
    const token = await issuer().token(AUDIENCE);
    const byId = await post(broker().url, '/revoke', {
      subject_token: token,
      key_id: [first.id, direct.id, untagged.id],
    });
    expect(byId.status).toBe(200);
    expect(byId.body).toEqual({ deleted: [], gone: [], refused: expect.any(Array) });
    expect((byId.body['refused'] as string[]).sort()).toEqual([first.id, direct.id, untagged.id].sort());
    // By nonce the broker looks among its own keys only: direct mode's are not even candidates.
    const byNonce = await post(broker().url, '/revoke', {
      subject_token: token,
      nonce: ['same01', 'same02', 'same03'],
    });
    expect(byNonce).toEqual({ status: 200, body: { deleted: [], gone: [], refused: [first.id] } });
    expect(left()).toEqual([first.id, direct.id, untagged.id].sort());
    const told = decisions(broker())
      .filter((each) => each['action'] === 'revoke')
      .map(
        (each) =>
          `${String(each['outcome'])} ${String(each['run'])} ${String(each['key_id'])}: ${String(each['reason'])}`,
      );
    const notThisJob = `refused 16021984/2 ${first.id}: not this token's job`;
    const notMade = (id: string) => `refused 16021984/2 ${id}: not a key the broker made`;
    // One line per ID asked, in the listing's order; then one for the nonce of the broker's key.
    expect(told.slice(0, 3).sort()).toEqual([notThisJob, notMade(direct.id), notMade(untagged.id)].sort());
    expect(told.slice(3)).toEqual([notThisJob]);
  });

  it('refuses /revoke and /token of a repository no rule names before any request to Pinecone', async () => {
    await start();
    const run = { ...RUN_REF, job: CHECK_RUN_ID };
    const mine = brokerKey(world(), { base: 'gha-a1', run, expiresInMs: HOUR, nonce: 'evil01' });
    issuer().claims = {
      ...JOB_CLAIMS,
      repository: 'evil-org/x',
      repository_id: '1',
      repository_owner: 'evil-org',
      repository_owner_id: '666',
      job_workflow_ref: 'evil-org/x/.github/workflows/ci.yml@refs/heads/main',
      sub: 'repo:evil-org/x:ref:refs/heads/main',
    };
    const token = await issuer().token(AUDIENCE);
    const before = world().emulator.requests.length; // the broker has started and swept: from here, the tokens' doing
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(await post(broker().url, '/revoke', { subject_token: token, key_id: mine.id, nonce: 'evil01' }));
    answers.push(await mintWithToken(broker().url, token, 'evil02'));
    expect(
      world()
        .emulator.requests.slice(before)
        .map((request) => request.op),
    ).toEqual([]); // not a login, not a list
    const descriptions = answers.map(
      (answer) => `${answer.status} ${String(answer.body['error'])} ${String(answer.body['error_description'])}`,
    );
    expect(descriptions).toEqual([
      ...Array<string>(5).fill(
        '400 invalid_grant No rule of the policy matches repository evil-org/x: the broker made no key for it.',
      ),
      '400 invalid_grant No rule of the policy lets repository evil-org/x have a key (ref refs/heads/main, event push).',
    ]);
    expect(left()).toEqual([mine.id]);
    const told = decisions(broker()).filter((line) => line['repository'] === 'evil-org/x');
    expect(told.map((line) => `${String(line['action'])} ${String(line['outcome'])}`)).toEqual([
      ...Array<string>(5).fill('revoke refused'),
      'mint refused',
    ]);
  });
});
