// The broker bundle as its own process with a GitHub App (GitHub's App endpoints emulated over HTTP): a token of
// a finished job gets no key, a running job's does; the key a job holds when it ends (a copied token's, one its
// post step never revoked) goes at a replica's next sweep, not at its expiry; without an App the broker says at
// start that expiry alone decides; a key that is not PEM stops it at start with one line and exit code 2.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GitHubEmulator } from '../../emulator/github.js';
import { NODES } from '../../runner/runner.js';
import { AUDIENCE, CHECK_RUN_ID, decisions, JOB_CLAIMS, policyFor, post, RUN_CLAIMS } from '../../support/broker.js';
import { APP_ID, APP_KEY, defaultInstallations } from '../../support/app-key.js';
import { EXCHANGE } from './calls.js';
import { keylessPerTest } from './keyless-world.js';

const { privateKey, publicKey } = APP_KEY;

describe.each(NODES)('the broker process with a GitHub App on $name', ({ path: node }) => {
  let github: GitHubEmulator;
  let keyFile: string;
  // Before keylessPerTest's hooks, so that GitHub's emulator stops after the brokers that ask it.
  beforeEach(async () => {
    github = await new GitHubEmulator('octo-org/shop-api').start();
    github.app = { id: APP_ID, publicKey, installations: defaultInstallations() };
    keyFile = join(mkdtempSync(join(tmpdir(), 'broker-app-')), 'app.pem');
    writeFileSync(keyFile, privateKey);
  });
  afterEach(() => github.stop());
  const { world, issuer, broker, startBroker } = keylessPerTest(node, { claims: JOB_CLAIMS });

  const start = (env: Record<string, string>, sweepInterval?: string) =>
    startBroker(policyFor(issuer(), world(), '', sweepInterval), { env });
  const withApp = (sweepInterval?: string) =>
    start({ GITHUB_APP_ID: APP_ID, GITHUB_APP_PRIVATE_KEY_FILE: keyFile, GITHUB_API_URL: github.url }, sweepInterval);
  const mint = async (nonce: string, at = broker()) =>
    post(at.url, '/token', { grant_type: EXCHANGE, subject_token: await issuer().token(AUDIENCE), nonce, job: 'test' });

  it('refuses a token of a finished job, and mints for a running one', async () => {
    github.jobs.set(CHECK_RUN_ID, 'completed');
    await withApp();
    const refused = await mint('e2eov1');
    expect(refused.status).toBe(400);
    expect(refused.body['error_description']).toMatch(/^Job 30433642191 of run 16021984 is over, GitHub says/);
    expect(world().emulator.keysIn(world().project.id)).toEqual([]);
    issuer().claims = { ...RUN_CLAIMS, check_run_id: '30433642192' };
    github.jobs.set('30433642192', 'in_progress');
    expect((await mint('e2eon1')).status).toBe(200);
    expect(broker().output()).not.toContain('no-github-app');
    expect(broker().output()).not.toContain('PRIVATE KEY');
  });

  it("a replica's sweep deletes the key of a job that ended, not at its expiry, and keeps a running job's", async () => {
    github.jobs.set(CHECK_RUN_ID, 'in_progress');
    github.jobs.set('30433642193', 'in_progress');
    // Two replicas, as operators run them: one mints (and asked GitHub then, so it trusts that answer for the
    // sweep's 5 minutes), the other sweeps every 2 s and has asked nothing yet. It starts once the job is over:
    // a sweep between the mint and the job's end would hear "in progress" and trust it for 5 minutes.
    const minting = await withApp();
    const ended = await mint('e2eaf1', minting); // e.g. a step's copy of the token, minting behind the job's back
    issuer().claims = { ...RUN_CLAIMS, check_run_id: '30433642193' };
    const still = await mint('e2eaf2', minting);
    github.jobs.set(CHECK_RUN_ID, 'completed');
    expect([ended.status, still.status]).toEqual([200, 200]);
    const sweeping = await withApp('2s');
    // The decision line comes after the delete: wait for it, then look at what Pinecone holds.
    const swept = expect.objectContaining({
      action: 'sweep',
      outcome: 'deleted',
      key_id: ended.body['key_id'],
      reason: 'its job is over, GitHub says',
    });
    await vi.waitFor(() => expect(decisions(sweeping)).toContainEqual(swept), { timeout: 15_000, interval: 50 });
    expect(
      world()
        .emulator.keysIn(world().project.id)
        .map((key) => key.id),
    ).toEqual([still.body['key_id']]);
    for (const replica of [minting, sweeping])
      expect(replica.output()).not.toContain(String(ended.body['access_token']));
  });

  it('without an App says so in one line at start, and a finished job still mints (expiry alone decides)', async () => {
    github.jobs.set(CHECK_RUN_ID, 'completed');
    await start({});
    expect(broker().lines.filter((line) => line.includes('"event":"no-github-app"'))).toHaveLength(1);
    expect((await mint('e2ena1')).status).toBe(200);
    expect(github.requests).toEqual([]);
  });

  it('stops at start with one line and exit code 2 when the App key is not PEM', async () => {
    writeFileSync(keyFile, 'ghp_not_a_key');
    await expect(withApp()).rejects.toThrow(
      /exited \(2\) before listening: pinecone-broker: GITHUB_APP_PRIVATE_KEY_FILE \(\S+app\.pem\) is not a PEM private key\.\n$/,
    );
  });
});
