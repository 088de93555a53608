// One end-to-end test per place where a hostile step, a skewed clock, a full project or a matrix once
// got the better of the action. Committed bundles as processes, on the emulator, on both Node versions.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Job, NODES, ROOT } from '../runner/runner.js';
import { CLIENT_SECRET, freshWorldPerTest, type World } from '../support/fixture.js';
import { failureLine, findLeaks } from '../support/scan.js';

const SWEEP = join(ROOT, 'sweep');
const HOUR = 3_600_000;
const ALLOWED = { outputs: ['api-key'], env: ['PINECONE_API_KEY'] };

describe.each(NODES)('hardening on $name', ({ path: node }) => {
  const world = freshWorldPerTest();
  const servers: Server[] = [];
  afterEach(() => servers.forEach((server) => server.close()));
  const ours: World['ours'] = (...args) => world().ours(...args);
  const ids = () =>
    world()
      .emulator.keysIn()
      .map((key) => key.id);
  const sweepInputs = (extra: Record<string, string> = {}) => {
    const { 'sweep-expired': _, ...connection } = world().inputs;
    return { ...connection, ...extra };
  };
  /** A server that answers every request with `status` (a redirect, a 405): not Pinecone. */
  const answering = async (status: number, headers: Record<string, string> = {}) => {
    const server = createServer((_req, res) => res.writeHead(status, headers).end());
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  it('post deletes nothing on the word of state forged through GITHUB_ENV', async () => {
    const production = world().emulator.addKey(world().project.id, 'production');
    const job = new Job({ node, with: { ...world().inputs, roles: 'NoSuchRole' } }); // main fails before saving state
    job.writeEnv({
      STATE_retire: JSON.stringify([{ id: production.id, name: 'production', why: 'expired' }]),
      'STATE_key-id': production.id,
      'STATE_project-id': world().project.id,
      STATE_journal: 'v1.eyJwcm9qZWN0SWQiOiJ4In0.AAAA',
    });
    expect((await job.main()).exitCode).toBe(1);
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    // Main sealed a journal of its own before it failed: that one reaches post, not the forged one.
    expect(post.log).toEqual(['Nothing to clean up: the main step created no key.']);
    expect(ids()).toEqual([production.id]);
    expect(world().emulator.requests).toEqual([]);
  });

  it("a forged journal cannot override the one main saved: post deletes main's key and nothing else", async () => {
    const production = world().emulator.addKey(world().project.id, 'production');
    const job = new Job({ node, with: world().inputs });
    job.writeEnv({ STATE_journal: 'v1.eyJwcm9qZWN0SWQiOiJ4In0.AAAA' });
    const main = await job.main();
    expect((await job.post()).exitCode).toBe(0);
    expect(ids()).toEqual([production.id]);
    expect(main.outputs['key-id']).not.toBe(production.id);
  });

  it('an echoed input cannot stop workflow commands: the key stays masked', async () => {
    const clientId = 'ci-account\n::stop-commands::pwned';
    world().emulator.addClient(clientId, CLIENT_SECRET);
    const job = new Job({ node, with: { ...world().inputs, 'client-id': clientId } });
    const main = await job.main();
    expect(main.exitCode).toBe(1);
    expect(failureLine(main)).toBe(
      'Input "client-id" contains a line break or another control character: give it on one line, as plain text.',
    );
    expect(world().emulator.requests).toEqual([]);
    expect(findLeaks(main, world().secrets(), ALLOWED)).toEqual([]);
    const sweep = await new Job({
      node,
      actionDir: SWEEP,
      with: sweepInputs({ match: 'x\n::stop-commands::pwned' }),
    }).main();
    expect(failureLine(sweep)).toMatch(/^Input "match" contains a line break/);
  });

  it('a secret echoed in an error code is redacted before the code is shaped', async () => {
    const secret = 'Zq+7/Kp=Wx3+mN9/';
    world().emulator.addClient('odd-account', secret);
    world().emulator.inject({ op: 'create-key', status: 400, code: secret });
    const job = new Job({ node, with: { ...world().inputs, 'client-id': 'odd-account', 'client-secret': secret } });
    const main = await job.main();
    expect(main.exitCode).toBe(1);
    const everything = [main.stdout, main.stderr, ...main.log].join('\n');
    expect(everything).not.toContain(secret.replace(/[^\w.-]/g, ''));
    expect(findLeaks(main, [secret])).toEqual([]);
    expect(failureLine(main)).toMatch(/^Pinecone refused to create the API key \(HTTP 400 \*\*\*\)/);
  });

  it('a key name made by anyone with access to the project renders as text in the sweep summary', async () => {
    world().emulator.addKey(
      world().project.id,
      'x`<img src=x onerror=alert(1)>`[link](https://evil.example)-eph-20200101T000000Z-aaaaaa',
    );
    const sweep = await new Job({ node, actionDir: SWEEP, with: sweepInputs({ 'dry-run': 'true' }) }).main();
    expect(sweep.exitCode).toBe(0);
    expect(sweep.summary).not.toContain('<img');
    expect(sweep.summary).not.toContain('](https://evil.example)<');
    expect(sweep.summary).toContain('&lt;img src=x onerror=alert&#40;1&#41;&gt;');
  });

  it('a glob of many stars does not backtrack', async () => {
    // Names of the first format, which every version parses: the glob is tried on each of them.
    for (let i = 0; i < 20; i++)
      world().emulator.addKey(
        world().project.id,
        `gha-${'a'.repeat(40)}-eph-20200101T000000Z-${i.toString(36).padStart(6, '0')}`,
      );
    const sweep = await new Job({
      node,
      actionDir: SWEEP,
      with: sweepInputs({ match: `${'*a'.repeat(24)}*%` }),
    }).main();
    expect(sweep.exitCode, sweep.log.join('\n')).toBe(0);
    expect(sweep.outputs['deleted']).toBe('0');
  });

  it.each(['PATH', 'LD_PRELOAD', 'BASH_ENV', 'NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS'])(
    '6. export-env %s is refused with the reason',
    async (name) => {
      const main = await new Job({ node, with: { ...world().inputs, 'export-env': name } }).main();
      expect(failureLine(main)).toMatch(
        new RegExp(`^Input "export-env" "${name}" is reserved \\(.+\\): choose another name`),
      );
      expect(world().emulator.requests).toEqual([]);
    },
  );

  it("a project full of this action's expired keys: they are deleted and the create succeeds", async () => {
    world().emulator.options.quota = 3;
    ours('gha-old-1', -HOUR, undefined, 'aaaaa1');
    ours('gha-old-2', -HOUR, undefined, 'aaaaa2');
    const production = world().emulator.addKey(world().project.id, 'production');
    const job = new Job({ node, with: { ...world().inputs, 'sweep-expired': 'true' } });
    const main = await job.main();
    expect(main.exitCode, main.log.join('\n')).toBe(0);
    expect(ids().sort()).toEqual([production.id, main.outputs['key-id']].sort());
    expect((await job.post()).exitCode).toBe(0);
    expect(ids()).toEqual([production.id]);
  });

  it("a runner an hour fast keeps a concurrent job's live key; one an hour slow writes a true expiry", async () => {
    world().emulator.options.clockOffsetMs = -HOUR; // Pinecone an hour behind this runner: the runner is fast
    const concurrent = ours('gha-other-job', -HOUR + 30 * 60_000); // 30 minutes to go, on Pinecone's clock
    const fast = new Job({ node, with: { ...world().inputs, 'sweep-expired': 'true' } });
    const main = await fast.main();
    expect(main.log).toContain("This runner's clock is 1h ahead of Pinecone's: expiry times follow Pinecone's clock.");
    expect((await fast.post()).exitCode).toBe(0);
    expect(ids()).toEqual([concurrent.id]);

    world().emulator.options.clockOffsetMs = HOUR; // the runner is slow
    const slow = await new Job({ node, with: { ...world().inputs, ttl: '30m' } }).main();
    expect(Math.abs(Date.parse(slow.outputs['expires-at']!) - (Date.now() + HOUR + 30 * 60_000))).toBeLessThan(10_000);
  });

  it('replace: true in a matrix: legs of one run never retire each other', async () => {
    const inputs = { ...world().inputs, name: 'preview-{ref}', replace: 'true', cleanup: 'false', ttl: '1d' };
    const legA = new Job({ node, with: inputs });
    const a = await legA.main();
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a later expiry for the second leg
    const legB = new Job({ node, with: inputs });
    const b = await legB.main();
    await legB.post();
    expect(ids().sort()).toEqual([a.outputs['key-id'], b.outputs['key-id']].sort());
  });

  it('replace works on names over the limit, and distinct refs never replace each other', async () => {
    const long = {
      ...world().inputs,
      name: `preview-${'x'.repeat(70)}-{ref}`,
      replace: 'true',
      cleanup: 'false',
      ttl: '1d',
    };
    const first = await new Job({ node, with: long, env: { GITHUB_RUN_ID: '100' } }).main();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const secondJob = new Job({ node, with: long, env: { GITHUB_RUN_ID: '101' } });
    const second = await secondJob.main();
    await secondJob.post();
    expect(ids()).toEqual([second.outputs['key-id']]);
    expect(first.outputs['key-id']).not.toBe(second.outputs['key-id']);

    const preview = { ...world().inputs, name: 'preview-{ref}', replace: 'true', cleanup: 'false', ttl: '1d' };
    const slash = await new Job({
      node,
      with: preview,
      env: { GITHUB_RUN_ID: '200', GITHUB_REF: 'refs/heads/feat/a' },
    }).main();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const dashJob = new Job({ node, with: preview, env: { GITHUB_RUN_ID: '201', GITHUB_REF: 'refs/heads/feat-a' } });
    const dash = await dashJob.main();
    await dashJob.post();
    expect(slash.outputs['key-name']).not.toMatch(new RegExp(`^${dash.outputs['key-name']!.split('-eph-')[0]}-eph-`));
    expect(ids()).toEqual(expect.arrayContaining([slash.outputs['key-id'], dash.outputs['key-id']]));
  });

  it('a long repository and job name are shortened; the run id and attempt stay in the name', async () => {
    const job = new Job({
      node,
      with: world().inputs,
      env: {
        GITHUB_REPOSITORY: 'octo-org/a-very-long-repository-name-for-the-payments-platform',
        GITHUB_JOB: 'integration-tests-against-the-staging-cluster',
      },
    });
    const main = await job.main();
    expect(main.exitCode).toBe(0);
    expect(main.outputs['key-name']!.length).toBeLessThanOrEqual(80);
    expect(main.outputs['key-name']).toMatch(/^gha-a-[a-z-]*16021984-1-/);
    await job.post();
  });

  it('on-missing-credentials: skip skips before project is read (forks get no variables either)', async () => {
    const fork = { ...world().inputs, 'client-secret': '', project: '', 'on-missing-credentials': 'skip' };
    const main = await new Job({ node, with: fork }).main();
    expect(main.exitCode).toBe(0);
    expect(main.outputs['skipped']).toBe('true');
    const sweep = await new Job({
      node,
      actionDir: SWEEP,
      with: sweepInputs({ 'client-secret': '', project: '', 'on-missing-credentials': 'skip' }),
    }).main();
    expect(sweep.exitCode).toBe(0);
    expect(sweep.outputs['skipped']).toBe('true');
  });

  it('after retries, the error names what Pinecone last answered', async () => {
    world().emulator.inject({ op: 'create-key', status: 502, times: 3 });
    const main = await new Job({ node, with: world().inputs }).main();
    expect(failureLine(main)).toBe(
      "Could not create the API key: Pinecone's answer was lost 3 times (last: HTTP 502 Bad Gateway). Try again later.",
    );
    expect(world().emulator.keysIn()).toEqual([]);
  });

  it('a login or API URL that answers 404, 405 or a redirect is a configuration error', async () => {
    const auth = await new Job({
      node,
      with: { ...world().inputs, 'auth-url': `${world().emulator.url}/wrong/token` },
    }).main();
    expect(failureLine(auth)).toBe(
      `Pinecone's login at ${world().emulator.url}/wrong/token answered HTTP 404 Not Found: that is not Pinecone's token endpoint; check the auth-url input.`,
    );
    const api = await new Job({ node, with: { ...world().inputs, 'api-url': `${world().emulator.url}/v0` } }).main();
    expect(failureLine(api)).toBe(
      `Pinecone's Admin API at ${world().emulator.url}/v0 answered HTTP 404 Not Found to "create the API key": that is not the Admin API; check the api-url input.`,
    );
    const moved = await answering(301, { Location: 'https://elsewhere.example/' });
    const redirected = await new Job({
      node,
      with: { ...world().inputs, 'auth-url': `${moved}/oauth/token`, 'api-url': moved },
    }).main();
    expect(failureLine(redirected)).toMatch(
      /answered HTTP 301 Moved Permanently: that is not Pinecone's token endpoint; check the auth-url input\.$/,
    );
    const notAllowed = await answering(405);
    const refused = await new Job({
      node,
      with: { ...world().inputs, 'auth-url': `${notAllowed}/oauth/token`, 'api-url': notAllowed },
    }).main();
    expect(failureLine(refused)).toMatch(/answered HTTP 405 Method Not Allowed: that is not Pinecone's token endpoint/);
  });

  // 15 (proxies): test/e2e/proxy.test.ts, which serves the emulator over HTTPS behind a proxy.

  it('expires_in as a string is read; parallel requests near expiry share one fresh login', async () => {
    world().emulator.options.tokenLifetimeAsString = true;
    world().emulator.options.tokenLifetimeS = 30; // within the renewal margin at once: every request wants a fresh token
    const job = new Job({ node, with: { ...world().inputs, 'sweep-expired': 'true' } });
    const main = await job.main();
    expect(main.exitCode, main.log.join('\n')).toBe(0);
    expect(
      world()
        .emulator.requests.map((r) => r.op)
        .sort(),
    ).toEqual(['create-key', 'list-keys', 'token', 'token']);
    await job.post();
  });

  it("expired-only: false with an empty match is refused; match: '*' spells it out", async () => {
    const live = ours('gha-live', HOUR);
    const refused = await new Job({ node, actionDir: SWEEP, with: sweepInputs({ 'expired-only': 'false' }) }).main();
    expect(failureLine(refused)).toMatch(/^Input "match" is empty while expired-only is false/);
    expect(ids()).toEqual([live.id]);
    const all = await new Job({
      node,
      actionDir: SWEEP,
      with: sweepInputs({ 'expired-only': 'false', match: '*' }),
    }).main();
    expect(all.outputs['deleted']).toBe('1');
  });

  it('the skip notice reads plainly: "are empty", no nested parentheses', async () => {
    const main = await new Job({
      node,
      with: { ...world().inputs, 'client-id': '', 'client-secret': '', 'on-missing-credentials': 'skip' },
    }).main();
    expect(main.log).toEqual([
      '##[notice]Skipped: no Pinecone credentials, as client-id (or env PINECONE_CLIENT_ID) and client-secret (or env PINECONE_CLIENT_SECRET) are empty. Expected for pull requests from forks and for Dependabot, which get no secrets; no key was created.',
    ]);
  });
});
