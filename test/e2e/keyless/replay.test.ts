// Replay, end to end: the broker's committed bundle as a process. One job token (one check_run_id) sent again and again
// gets the job one live key: sent in a row, every other mint is refused in one line that names the key the job holds,
// and once the job revokes that key (by ID or by nonce) a mint works again; sent all at once to one replica, exactly
// one key stays. Pinecone's key list is the only state the broker keeps, so what the emulator holds at the end is the
// proof.
import { describe, expect, it } from 'vitest';
import { NODES } from '../../runner/runner.js';
import { CHECK_RUN_ID, decisions, JOB_CLAIMS, mintWithToken, post, type Answer } from '../../support/broker.js';
import { AUDIENCE, oldAndNewPolicy } from './calls.js';
import { keylessPerTest } from './keyless-world.js';

/** The refusal of a second key to the job; group 1 is the name, group 2 the ID of the key it holds. */
const HOLDS =
  /^rules\[0\] \(octo-org\/shop-api\) gives a job 1 live key; this job holds (gha-\S+) \(([0-9a-f-]{36})\)(?:, made at the same time)?\. Its post step revokes it; ask again after that\.$/;

/** A refusal in a race may name every key of the job a list showed (some already gone again). */
const HOLDS_SOME =
  /^rules\[0\] \(octo-org\/shop-api\) gives a job 1 live key; this job holds gha-\S+ \([0-9a-f-]{36}\)(?:, gha-\S+ \([0-9a-f-]{36}\))*(?:, made at the same time)?\. Its post step revokes it; ask again after that\.$/;

describe.each(NODES)('one job token sent again and again on $name', ({ path: node }) => {
  const { world, issuer, broker } = keylessPerTest(node, { claims: JOB_CLAIMS, policy: oldAndNewPolicy });

  const keys = () => world().emulator.keysIn(world().project.id);
  const noValuePrinted = () => {
    for (const key of world().emulator.issued) expect(broker().output()).not.toContain(key.value);
  };
  const refusedFor = (answer: Answer, held: { id: string; name: string | null }) => {
    expect(answer.status).toBe(400);
    expect(answer.body['error']).toBe('invalid_scope');
    const [, name, id] = HOLDS.exec(String(answer.body['error_description'])) ?? [];
    expect({ name, id }).toEqual({ name: held.name, id: held.id });
  };

  it('gets 1 key for 8 mints in a row, 7 refusals naming it; after its revoke, a mint works again', async () => {
    const token = await issuer().token(AUDIENCE);
    const answers: Answer[] = [];
    for (let i = 0; i < 8; i++) answers.push(await mintWithToken(broker().url, token, 'rep001'));
    expect(answers.map((answer) => answer.status)).toEqual([200, 400, 400, 400, 400, 400, 400, 400]);
    expect(keys()).toHaveLength(1);
    const [held] = keys();
    expect(answers[0]!.body['key_id']).toBe(held!.id);
    expect(held!.name).toMatch(new RegExp(`_${Number(CHECK_RUN_ID).toString(36)}\\.r[0-9a-z]{3}-rep001-[a-z0-9]{8}$`));
    for (const answer of answers.slice(1)) refusedFor(answer, held!);
    const refusals = decisions(broker()).filter((line) => line['action'] === 'mint' && line['outcome'] === 'refused');
    expect(refusals).toHaveLength(7);
    for (const line of refusals)
      expect(line).toMatchObject({
        rule: 'rules[0] (octo-org/shop-api)',
        run: '16021984/1',
        reason: expect.stringMatching(HOLDS),
      });

    // The job's post step revokes its key with the same token (by ID here, by nonce below): it may mint again.
    const revoked = await post(broker().url, '/revoke', { subject_token: token, key_id: held!.id });
    expect(revoked).toEqual({ status: 200, body: { deleted: [held!.id], gone: [], refused: [] } });
    const again = await mintWithToken(broker().url, token, 'rep002');
    expect(again.status).toBe(200);
    refusedFor(await mintWithToken(broker().url, token, 'rep003'), {
      id: String(again.body['key_id']),
      name: String(again.body['key_name']),
    });
    const byNonce = await post(broker().url, '/revoke', { subject_token: token, nonce: 'rep002' });
    expect(byNonce.body).toEqual({ deleted: [again.body['key_id']], gone: [], refused: [] });
    expect((await mintWithToken(broker().url, token, 'rep004')).status).toBe(200);
    expect(keys().map((key) => key.name)).toEqual([expect.stringMatching(/-rep004-[a-z0-9]{8}$/)]);
    noValuePrinted();
  });

  /** 8 mints at once with one token of job `checkRunId`; every refusal names the key the job holds. */
  const burst = async (checkRunId: string) => {
    const token = await issuer().token(AUDIENCE, { check_run_id: checkRunId });
    const before = new Set(keys().map((key) => key.id));
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => mintWithToken(broker().url, token, `all00${i}`)),
    );
    for (const answer of answers.filter((each) => each.status !== 200)) {
      expect(answer.status).toBe(400);
      expect(answer.body['error']).toBe('invalid_scope');
      expect(answer.body['error_description']).toMatch(HOLDS_SOME);
    }
    const held = keys().filter((key) => !before.has(key.id));
    const kept = answers.filter((answer) => answer.status === 200).map((answer) => answer.body['key_id']);
    return { token, held, kept };
  };
  // Three jobs in turn: a broker warmed up by the first burst answers the later ones' creates closest together.
  const JOBS = ['30433642201', '30433642202', '30433642203'];

  it('ends with exactly one key of 8 mints with one token at once; asked again, the job is refused naming it', async () => {
    for (const checkRunId of JOBS) {
      const { token, held, kept } = await burst(checkRunId);
      // At one replica a job's mints go one at a time (caps.ts): the first keeps its key, the others are refused.
      expect(held, `job ${checkRunId}`).toHaveLength(1);
      expect(kept).toEqual([held[0]!.id]);
      const refused = await mintWithToken(broker().url, token, 'all009');
      expect(refused.body).toEqual({ error: 'invalid_scope', error_description: expect.stringMatching(HOLDS_SOME) });
      expect(refused.body['error_description']).toContain(`${held[0]!.name} (${held[0]!.id})`);
    }
    expect(keys()).toHaveLength(JOBS.length);
    noValuePrinted();
  });
});
