// The broker's sweep with a GitHub App (GitHub's App endpoints emulated over HTTP, the App's JWT checked with its
// public key): a key whose job is over goes at once, whatever its expiry; a job that still runs keeps its key past
// its expiry, up to the hard cap; kept keys are not asked about. What GitHub cannot prove (blind, not installed,
// rate-limited, silent) leaves expiry alone to decide, told once; a rate limit is waited out without asking.
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrokerKeys } from '../../src/broker/own/own-keys.js';
import type { RunningBroker } from '../../src/broker/serve.js';
import type { KeyKind } from '../../src/rules/names.js';
import { GitHubEmulator, type GitHubOptions } from '../emulator/github.js';
import { policyFor, RUN_CLAIMS, RUN_REF, startBrokerInProcess } from '../support/broker.js';
import { CLIENT_SECRET, startWorld, type World } from '../support/fixture.js';
import { OidcIssuer } from '../support/oidc-issuer.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const brokerKeys = new BrokerKeys(CLIENT_SECRET);
const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

describe.each([
  { where: 'github.com', basePath: '' },
  { where: 'GitHub Enterprise Server', basePath: '/api/v3' },
])("the broker's sweep with a GitHub App on $where", ({ basePath }) => {
  let world: World;
  let issuer: OidcIssuer;
  let github: GitHubEmulator;
  let running: RunningBroker | undefined;
  const printed: string[] = [];

  const start = async (options: GitHubOptions = {}) => {
    printed.length = 0;
    world = await startWorld();
    issuer = await new OidcIssuer().start();
    issuer.claims = { ...RUN_CLAIMS };
    github = await new GitHubEmulator('octo-org/shop-api', { basePath, ...options }).start();
    github.app = { id: '424242', publicKey, installations: new Map([['octo-org', 77]]) };
  };
  /** The broker, once its sweep at start is done (the keys planted before it are judged by that sweep). */
  const startBroker = async () => {
    running = await startBrokerInProcess(world, policyFor(issuer, world), (line) => printed.push(line), {
      appId: '424242',
      privateKey,
      apiUrl: github.url,
    });
    const done = () => printed.some((line) => line.includes('"action":"sweep","outcome":"done"'));
    await vi.waitFor(() => expect(done()).toBe(true), { timeout: 15_000, interval: 20 });
  };
  afterEach(async () => {
    await running?.drain();
    running = undefined;
    await github.stop();
    await issuer.stop();
    await world.emulator.stop();
  });

  /** A key the broker made for `job` (of RUN_CLAIMS' run unless said), expiring `in` ms from now. */
  const plant = (
    nonce: string,
    job: string,
    inMs: number,
    kind: KeyKind = 'job',
    repositoryId = RUN_REF.repositoryId,
  ) =>
    world.emulator.addKey(
      world.project.id,
      brokerKeys.name(
        'gha-app',
        { kind, run: { ...RUN_REF, repositoryId, job } },
        new Date(Math.floor((Date.now() + inMs) / 1000) * 1000),
        nonce,
      ),
    );
  const sweep = () => running!.broker.sweep(new AbortController().signal);
  const left = () => world.emulator.keysIn(world.project.id).map((key) => key.id);
  const sweptWhy = () =>
    printed
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line['action'] === 'sweep' && line['outcome'] === 'deleted')
      .map((line) => [line['key_id'], line['reason']]);
  const asked = (part: string) => github.requests.filter((request) => request.path.includes(part)).length;

  it("deletes a finished job's key at once, keeps a running job's past its expiry (up to 3 days), asks nothing of kept keys", async () => {
    await start();
    github.jobs.set('101', 'completed');
    github.jobs.set('102', 'in_progress');
    const over = plant('ovr001', '101', 6 * HOUR);
    const running1 = plant('run001', '102', -HOUR);
    const capped = plant('cap001', '102', -4 * DAY);
    const kept = plant('kpt001', '101', 6 * HOUR, 'kept');
    const keptExpired = plant('kpt002', '101', -HOUR, 'kept');
    await startBroker();
    expect(left().sort()).toEqual([running1.id, kept.id].sort());
    expect(sweptWhy()).toEqual(
      expect.arrayContaining([
        [over.id, 'its job is over, GitHub says'],
        [capped.id, 'expired more than 3 days ago, though its job still runs'],
        [keptExpired.id, 'expired'],
      ]),
    );
    expect(asked('/actions/jobs/')).toBe(2); // one look-up per job, none for the kept keys
    // The installation's token, from the App's JWT; the repository found by its id among the installation's.
    const lookup = github.requests.find((request) => request.path.includes('/actions/jobs/'))!;
    expect(lookup.path).toBe(`${basePath}/repos/octo-org/shop-api/actions/jobs/101`);
    expect(lookup.authorization).toMatch(/^token ghs_installation_77_/);
    // A job that runs is asked about again only after BROKER_SWEEP_JOB_RECHECK_MS, not at every sweep.
    await sweep();
    expect(asked('/actions/jobs/')).toBe(2);
    expect(asked('/app/installations')).toBe(2); // one listing (per_page, page 1), one token
  });

  it('a job GitHub no longer knows, in a run the App sees, is over; an App blind to the runs proves nothing', async () => {
    await start();
    const gone = plant('gon001', '103', 6 * HOUR); // RUN_CLAIMS' run is known (in progress), job 103 is not
    await startBroker();
    expect(left()).not.toContain(gone.id);
    github.runs.clear(); // now neither job nor run: a 404 is all the App sees
    const blind = plant('bln001', '104', 6 * HOUR);
    const blindExpired = plant('bln002', '105', -HOUR);
    await sweep();
    expect(left()).toEqual([blind.id]);
    expect(sweptWhy()).toContainEqual([blindExpired.id, 'expired']);
    expect(printed.filter((line) => line.includes('cannot tell whether their jobs still run'))).toHaveLength(1);
  });

  it('a repository the App is not installed on: expiry alone decides, told once, and the list is not read again at once', async () => {
    await start();
    github.jobs.set('106', 'completed');
    const elsewhere = plant('els001', '106', 6 * HOUR, 'job', '5550001');
    const elsewhereExpired = plant('els002', '106', -HOUR, 'job', '5550002');
    await startBroker();
    await sweep();
    expect(left()).toEqual([elsewhere.id]);
    expect(sweptWhy()).toEqual([[elsewhereExpired.id, 'expired']]);
    expect(asked('/actions/jobs/')).toBe(0);
    expect(asked('/installation/repositories')).toBe(1);
    expect(printed.filter((line) => line.includes('not installed on repository 5550001'))).toHaveLength(1);
  });

  it("finds a repository on any page of any installation's list", async () => {
    await start();
    const many = (installation: number, count: number) =>
      Array.from({ length: count }, (_, index) => ({
        id: installation * 1000 + index,
        full_name: `org${installation}/r${index}`,
      }));
    github.app!.installations = new Map([
      ['other-org', 5],
      ['octo-org', 77],
    ]);
    github.app!.repositories = new Map([
      [5, many(5, 120)],
      [77, [...many(77, 230), { id: Number(RUN_REF.repositoryId), full_name: 'octo-org/shop-api' }]],
    ]);
    github.jobs.set('107', 'completed');
    plant('pag001', '107', 6 * HOUR);
    await startBroker();
    expect(left()).toEqual([]);
    expect(asked('/installation/repositories')).toBe(2 + 3); // 120 in two pages, 231 in three
  });

  it.each([
    { mode: 'rate-limited' as const, pause: 'for 3600 s' }, // reset far off: an hour at most
    { mode: 'secondary-limit' as const, pause: 'for 60 s' }, // retry-after: 60
  ])('a rate limit ($mode) is waited out without asking: expiry alone decides, told once', async ({ mode, pause }) => {
    await start({ mode });
    github.jobs.set('108', 'completed');
    const over = plant('rtl001', '108', 6 * HOUR);
    const expired = plant('rtl002', '109', -HOUR);
    await startBroker();
    const before = github.requests.length;
    await sweep();
    expect(github.requests.length).toBe(before); // paused: nothing asked
    expect(left()).toEqual([over.id]);
    expect(sweptWhy()).toEqual([[expired.id, 'expired']]);
    const told = printed.filter((line) => line.includes('GitHub rate-limits the App'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(pause);
  });

  it('a GitHub that does not answer holds the sweep 5 s at most, and proves nothing', async () => {
    await start({ mode: 'hang' });
    github.jobs.set('110', 'completed');
    const over = plant('hng001', '110', 6 * HOUR);
    const started = Date.now();
    await startBroker();
    expect(Date.now() - started).toBeLessThan(9_000);
    expect(left()).toEqual([over.id]);
    expect(printed.filter((line) => line.includes('did not answer within 5 s'))).toHaveLength(1);
  }, 20_000);
});
