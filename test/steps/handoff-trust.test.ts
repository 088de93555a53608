// The handoff against the jobs that hold its secret, in-process: the key job refuses a handoff secret that can be
// guessed or is made from the credentials, and revoke deletes only the key the key job proved is the run's own.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { proofFor, sealHandoff, type SharedKey } from '../../src/crypto/handoff.js';
import { runMain } from '../../src/steps/direct/main.js';
import { runRevoke } from '../../src/steps/run-key/revoke.js';
import { ROOT, RUN_ENV } from '../runner/runner.js';
import { CLIENT_ID, CLIENT_SECRET, freshWorldPerTest, HANDOFF_SECRET } from '../support/fixture.js';
import { inProcess, type InProcess } from '../support/steps.js';

const MAKE =
  'Make one (openssl rand -base64 32), store it as secret PINECONE_HANDOFF_SECRET, and pass it as handoff-secret to the key, use and revoke steps.';
const RUN = { repositoryId: RUN_ENV.GITHUB_REPOSITORY_ID, runId: RUN_ENV.GITHUB_RUN_ID, attempt: 1 };

describe('the handoff trusts only what it can prove', () => {
  const world = freshWorldPerTest();
  const steps: InProcess[] = [];
  afterEach(() => steps.forEach((step) => step.dispose()));
  const run = async (
    step: (deps: InProcess['deps']) => Promise<void>,
    action: string,
    inputs: Record<string, string>,
  ) => {
    const running = inProcess({ inputs: { ...world().inputs, ...inputs }, actionDir: join(ROOT, action) });
    steps.push(running);
    await step(running.deps);
    return running.core;
  };
  const share = (secret: string) => run(runMain, '', { share: 'true', 'handoff-secret': secret });

  it('the key job refuses a handoff secret that can be guessed, before any request', async () => {
    for (const weak of [
      'aaaaaaaaaaaaaaaa',
      'password12345678',
      'a'.repeat(48),
      'passwordpasswordpassword12345678',
      'qwertyuiopasdfghjklzxcvbnm1234567890',
      'Ab1!Ab1!Ab1!Ab1!Ab1!Ab1!Ab1!Ab1!Ab1!Ab1!',
      'correct-horse-battery-staple-zebra',
    ]) {
      const failed = (await share(weak)).failed;
      expect(failed, weak).toMatch(/^Input "handoff-secret" is too easy to guess \(/);
      expect(failed).toContain(`and every handoff is printed in public logs. ${MAKE}`);
    }
    expect(world().emulator.requests).toEqual([]);
  });

  it('the key job refuses a handoff secret made from the client ID or the client secret', async () => {
    const reversed = [...CLIENT_SECRET].reverse().join('');
    for (const [made, from] of [
      [`${CLIENT_ID}-Lq2w-9rTz-4Ybn-77Xc-Pp0a`, 'client ID'],
      [`${CLIENT_SECRET}-handoff`, 'client secret'],
      [reversed, 'client secret'],
      [CLIENT_SECRET.slice(2), 'client secret'],
    ] as const) {
      expect((await share(made)).failed, made).toBe(
        `Input "handoff-secret" is made from the ${from} (it contains it, is part of it, or reverses it): a handoff secret must be a random value of its own. ${MAKE}`,
      );
    }
    expect(world().emulator.requests).toEqual([]);
  });

  it('accepts what openssl rand -base64 32 and -hex 32 make', async () => {
    for (const made of [randomBytes(32).toString('base64'), randomBytes(32).toString('hex')]) {
      const main = await share(made);
      expect(main.failed, made).toBeUndefined();
      expect(main.outputs['handoff']).toMatch(/^pek3\./);
    }
  });

  /** What a job that holds only the handoff secret can seal: any key ID and name, and a proof it cannot make. */
  const forged = (key: { id: string; name: string | null }, proof: string) => {
    const named: SharedKey = {
      ...RUN,
      keyId: key.id,
      projectId: world().project.id,
      name: key.name ?? '',
      roles: ['ProjectEditor'],
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      proof,
    };
    return sealHandoff(HANDOFF_SECRET, named, 'pcsk_unknown');
  };

  it('revoke deletes nothing on a handoff forged with the handoff secret alone, and says so in one line', async () => {
    const production = world().emulator.addKey(world().project.id, 'production');
    const another = proofFor('another-service-account', { ...RUN, keyId: production.id, name: 'production' });
    for (const proof of ['', 'AAAAAAAAAAAAAAAAAAAAAA', another]) {
      const revoke = await run(runRevoke, 'revoke', { handoff: forged(production, proof) });
      expect(revoke.failed).toBe(
        `Deleted nothing: the handoff names API key production (${production.id}), but it carries no proof made with this service account's client secret (a job that holds only the handoff secret forged it, or another service account made it). Only the handoff the key job made (needs.<job>.outputs.handoff) revokes the run's shared key.`,
      );
      expect(revoke.outputs['deleted']).toBe('false');
    }
    expect(world().emulator.keys.get(production.id)?.name).toBe('production');
    expect(world().emulator.requests.filter((request) => request.op === 'delete-key')).toEqual([]);
  });

  it("revoke deletes nothing when the proven key's name is not this run's shared key", async () => {
    // A proof the key job would make (it holds the client secret) over names that are not this run's shared key.
    const elsewhere = { ...RUN, runId: '999' };
    for (const key of [
      world().emulator.addKey(world().project.id, 'production'),
      world().tagged('gha-x', 3_600_000, { kind: 'shared', run: elsewhere }),
      world().tagged('gha-x', 3_600_000, { kind: 'job', run: RUN }),
      world().ours('gha-x', 3_600_000, { kind: 'shared', run: RUN }),
    ]) {
      const proof = proofFor(CLIENT_SECRET, { ...RUN, keyId: key.id, name: key.name! });
      const revoke = await run(runRevoke, 'revoke', { handoff: forged(key, proof) });
      expect(revoke.failed).toBe(
        `Deleted nothing: the handoff names API key ${key.name} (${key.id}), but its name is not that of this run's shared key made by this service account. Only the handoff the key job made (needs.<job>.outputs.handoff) revokes the run's shared key.`,
      );
      expect(world().emulator.keys.get(key.id)?.name).toBe(key.name);
    }
  });

  it("revoke deletes the run's own shared key from the key job's handoff", async () => {
    const main = await share(HANDOFF_SECRET);
    const revoke = await run(runRevoke, 'revoke', { handoff: main.outputs['handoff']! });
    expect(revoke.failed).toBeUndefined();
    expect(revoke.outputs['deleted']).toBe('true');
    expect(world().emulator.keysIn()).toEqual([]);
  });
});
