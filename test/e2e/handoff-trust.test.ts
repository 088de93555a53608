// The handoff against the jobs that hold its secret, through the committed bundles: the key job refuses a secret
// that can be guessed, and revoke never deletes a key named by a handoff a `use` job forged.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealHandoff } from '../../src/crypto/handoff.js';
import { Job, NODES, ROOT, RUN_ENV } from '../runner/runner.js';
import { CLIENT_SECRET, freshWorldPerTest, HANDOFF_SECRET } from '../support/fixture.js';
import { failureLine, findLeaks } from '../support/scan.js';

const REVOKE = join(ROOT, 'revoke');
const ALLOWED = { outputs: ['api-key'], env: ['PINECONE_API_KEY'] };

describe.each(NODES)('the handoff trusts only what it can prove on $name', ({ path: node }) => {
  const world = freshWorldPerTest();
  const credentials = () => {
    const { project: _, 'sweep-expired': __, ...rest } = world().inputs;
    return rest;
  };
  const keyJob = (secret = HANDOFF_SECRET) =>
    new Job({ node, with: { ...world().inputs, share: 'true', 'handoff-secret': secret }, env: { GITHUB_JOB: 'key' } });
  const revokeJob = (handoff: string) =>
    new Job({ node, actionDir: REVOKE, with: { ...credentials(), handoff }, env: { GITHUB_JOB: 'revoke' } });

  it('the key job refuses guessable handoff secrets and ones made from the client secret, before any request', async () => {
    for (const weak of ['password12345678', 'aaaaaaaaaaaaaaaa', `${CLIENT_SECRET}-handoff`]) {
      const main = await keyJob(weak).main();
      expect(main.exitCode).toBe(1);
      expect(failureLine(main)).toMatch(/^Input "handoff-secret" is (too easy to guess|made from the client secret)/);
      expect(failureLine(main)).toContain('Make one (openssl rand -base64 32)');
      expect(findLeaks(main, [...world().secrets(), weak], ALLOWED)).toEqual([]);
    }
    expect(world().emulator.requests).toEqual([]);
  });

  it('a handoff forged by a use job (it holds the handoff secret) naming a production key: revoke deletes nothing', async () => {
    const production = world().emulator.addKey(world().project.id, 'production');
    const made = await keyJob().main();
    expect(made.exitCode, made.log.join('\n')).toBe(0);
    const forged = sealHandoff(
      HANDOFF_SECRET,
      {
        repositoryId: RUN_ENV.GITHUB_REPOSITORY_ID,
        runId: RUN_ENV.GITHUB_RUN_ID,
        attempt: 1,
        keyId: production.id,
        projectId: world().project.id,
        name: 'production',
        roles: ['ProjectEditor'],
        expiresAt: made.outputs['expires-at']!,
        proof: 'AAAAAAAAAAAAAAAAAAAAAA',
      },
      'pcsk_unknown',
    );
    const revoke = await revokeJob(forged).main();
    expect(revoke.exitCode).toBe(1);
    expect(failureLine(revoke)).toMatch(
      new RegExp(
        `^Deleted nothing: the handoff names API key production \\(${production.id}\\), but it carries no proof`,
      ),
    );
    expect(revoke.outputs['deleted']).toBe('false');
    expect(world().emulator.keys.get(production.id)?.name).toBe('production');

    const genuine = await revokeJob(made.outputs['handoff']!).main();
    expect(genuine.outputs['deleted']).toBe('true');
    expect(
      world()
        .emulator.keysIn()
        .map((key) => key.id),
    ).toEqual([production.id]);
    for (const step of [made, revoke, genuine]) expect(findLeaks(step, world().secrets(), ALLOWED)).toEqual([]);
  });
});
