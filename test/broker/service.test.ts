// The broker in-process (startBroker with its real HTTP server, in front of the Pinecone emulator and a fake OIDC
// issuer over real HTTP): its API's shape and errors, a lost create that leaves nothing, revoke's scope, metrics,
// the drain. The same bundle as a process, with the action's bundles, is test/e2e/keyless/action.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningBroker } from '../../src/broker/serve.js';
import { BrokerKeys } from '../../src/broker/own/own-keys.js';
import { nameTagFor } from '../../src/crypto/name-tag.js';
import { parseTaggedKeyName } from '../../src/rules/names.js';
import { BROKER_KEEP_ALIVE_TIMEOUT_MS } from '../../src/base/policy.js';
import {
  anotherRunsKey,
  AUDIENCE,
  EXCHANGE,
  policyFor,
  RUN_CLAIMS,
  RUN_REF,
  startBrokerInProcess,
} from '../support/broker.js';
import { CLIENT_SECRET, startWorld, type World } from '../support/fixture.js';
import { OidcIssuer } from '../support/oidc-issuer.js';

describe('the broker, in-process', () => {
  let world: World;
  let issuer: OidcIssuer;
  let running: RunningBroker;
  const printed: string[] = [];

  const start = async (policy = policyFor(issuer, world)) => {
    running = await startBrokerInProcess(world, policy, (line) => printed.push(line));
  };
  beforeEach(async () => {
    printed.length = 0;
    world = await startWorld();
    issuer = await new OidcIssuer().start();
    issuer.claims = { ...RUN_CLAIMS };
    await start();
  });
  afterEach(async () => {
    await running.drain();
    await issuer.stop();
    await world.emulator.stop();
  });

  const post = async (path: string, fields: Record<string, string | string[]>, json = false) => {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(fields))
      for (const each of Array.isArray(value) ? value : [value]) form.append(name, each);
    const response = await fetch(`${running.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
      body: json ? JSON.stringify(fields) : form.toString(),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown>,
    };
  };
  const mint = async (extra: Record<string, string> = {}) =>
    post('/token', {
      grant_type: EXCHANGE,
      subject_token: await issuer.token(AUDIENCE),
      scope: 'DataPlaneEditor',
      nonce: 'n0nce1',
      job: 'test',
      ...extra,
    });
  const keys = () => world.emulator.keysIn(world.project.id);

  it('trades a verified token for a key in RFC 8693 shape, not cached, and counts it', async () => {
    const { status, headers, body } = await mint({ ttl: '1h' });
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    const [key] = keys();
    expect(body).toMatchObject({
      access_token: key!.value,
      issued_token_type: 'urn:pinecone:params:oauth:token-type:api-key',
      token_type: 'N_A',
      scope: 'DataPlaneEditor',
      key_id: key!.id,
      key_name: key!.name,
      project_id: world.project.id,
      project_name: world.project.name,
    });
    expect(body['expires_in']).toBeGreaterThan(3500);
    expect(body['expires_in']).toBeLessThanOrEqual(3601);
    expect(key!.name).toMatch(
      /^gha-shop-[0-9a-z-]+-eph-\d{8}T\d{6}Z-j[0-9a-z]+\.[0-9a-z]+\.1(?:_[0-9a-z]+)?\.r[0-9a-z]{3}-n0nce1-[0-9a-z]{8}$/,
    );
    expect(new BrokerKeys(CLIENT_SECRET).parse(key!.name)).toMatchObject({ nonce: 'n0nce1', run: RUN_REF });
    expect(parseTaggedKeyName(key!.name, nameTagFor(CLIENT_SECRET, 'keyName'))).toBeUndefined(); // never direct mode's
    const metrics = await (await fetch(running.metricsUrl!)).text();
    expect(metrics).toContain('pinecone_broker_requests_total{route="token",outcome="minted"} 1');
    expect(metrics).toMatch(/pinecone_broker_logins_total 1\n/);
    expect(metrics).toMatch(/pinecone_broker_pinecone_request_seconds_count [1-9]/);
    for (const line of printed) expect(line).not.toContain(key!.value);
  });

  it("takes the rule's project named by its ID or its name, and refuses any other", async () => {
    expect((await mint({ project: world.project.id, nonce: 'byid01' })).status).toBe(200);
    expect((await mint({ project: world.project.name, nonce: 'byname' })).status).toBe(200);
    const other = await mint({ project: 'production', nonce: 'other1' });
    expect(other.status).toBe(400);
    expect(other.body).toMatchObject({
      error: 'invalid_target',
      error_description: 'rules[0] (octo-org/shop-api) gives keys in project shop-api-ci; asked for production.',
    });
    expect(keys()).toHaveLength(2);
  });

  it('reads a JSON body as well as a form', async () => {
    const { status } = await post(
      '/token',
      {
        grant_type: EXCHANGE,
        subject_token: await issuer.token(AUDIENCE),
        scope: 'DataPlaneEditor',
        nonce: 'abc123',
        job: 'test',
      },
      true,
    ).then((answer) => (expect(answer.body).toMatchObject({ token_type: 'N_A' }), answer));
    expect(status).toBe(200);
  });

  it.each([
    [
      { grant_type: 'client_credentials' },
      'unsupported_grant_type',
      /^This broker takes grant_type urn:ietf:params:oauth:grant-type:token-exchange only\.$/,
    ],
    [
      { requested_token_type: 'urn:ietf:params:oauth:token-type:access_token' },
      'invalid_request',
      /issues urn:pinecone/,
    ],
    [
      { subject_token_type: 'urn:ietf:params:oauth:token-type:saml2' },
      'invalid_request',
      /^subject_token_type must be one of/,
    ],
    [{ nonce: 'NOPE' }, 'invalid_request', /^nonce: 6 characters a-z0-9\.$/],
    [{ scope: 'Admin' }, 'invalid_scope', /^scope: unknown role Admin; roles are ProjectEditor, /],
    [{ ttl: 'forever' }, 'invalid_request', /^ttl 'forever' is not a duration/],
    [{ name: 'x-{branch}' }, 'invalid_request', /^name: unknown placeholder \{branch\}/],
    [
      { job: '', name: 'x-{job}' },
      'invalid_request',
      /^job: the name template uses \{job\}, and the token carries no check_run_id/,
    ],
    [{ budget_ms: '0' }, 'invalid_request', /^budget_ms: at least 2000; asked for 0\.$/],
    [
      { audience: 'https://evil.example' },
      'invalid_target',
      /^audience https:\/\/evil\.example is not this broker: it issues keys for https:\/\/pinecone-broker\.test\.$/,
    ],
    [
      { resource: 'https://evil.example/api' },
      'invalid_target',
      /^resource https:\/\/evil\.example\/api is not this broker/,
    ],
  ])('refuses a request %j with 400 and its RFC error code, making nothing', async (extra, code, line) => {
    const { status, body } = await mint(extra);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: code });
    expect(body['error_description']).toMatch(line);
    expect(keys()).toEqual([]);
  });

  it('judges the grant type first: another one is unsupported_grant_type, whatever else is missing', async () => {
    const { status, body } = await post('/token', { grant_type: 'password', username: 'u' });
    expect(status).toBe(400);
    expect(body['error']).toBe('unsupported_grant_type');
  });

  it('answers a refused token 400 invalid_grant and a refused ask 400 invalid_scope, in one line each', async () => {
    const forged = await post('/token', {
      grant_type: EXCHANGE,
      subject_token: await issuer.forge('alg-none', AUDIENCE),
      scope: 'DataPlaneEditor',
      nonce: 'abc123',
      job: 'test',
    });
    expect(forged.status).toBe(400);
    expect(forged.body['error']).toBe('invalid_grant');
    const beyond = await mint({ scope: 'ProjectEditor' });
    expect(beyond.status).toBe(400);
    expect(beyond.body['error']).toBe('invalid_scope');
    expect(
      printed.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line['action'] === 'mint'),
    ).toEqual([
      expect.objectContaining({ outcome: 'refused', reason: expect.stringMatching(/RS256|valid JWT/) }),
      expect.objectContaining({
        outcome: 'refused',
        repository: 'octo-org/shop-api',
        reason: expect.stringMatching(/beyond them/),
      }),
    ]);
  });

  it('refuses a token without the run claims a name needs (not an Actions token)', async () => {
    const { status, body } = await post('/token', {
      grant_type: EXCHANGE,
      subject_token: await issuer.token(AUDIENCE, { run_id: undefined }),
      scope: 'DataPlaneEditor',
      nonce: 'abc123',
      job: 'test',
    });
    expect(status).toBe(400);
    expect(body['error_description']).toMatch(/not a GitHub Actions token/);
  });

  it('leaves nothing when Pinecone’s answer to the create is lost, and says ask again', async () => {
    world.emulator.faults.add({ op: 'create-key', action: 'commit-then-drop' });
    const { status, body, headers } = await mint();
    expect(status).toBe(503);
    expect(body).toMatchObject({ error: 'temporarily_unavailable' });
    expect(headers.get('retry-after')).toBe('1');
    expect(body['error_description']).toMatch(/nothing was left\. Ask again\./);
    expect(keys()).toEqual([]);
  });

  it('revokes by ID or by nonce only keys of the token’s run; an ID gone counts as deleted', async () => {
    const made = (await mint()).body;
    const other = anotherRunsKey(world, 'n0nce1');
    const { status, body } = await post('/revoke', {
      subject_token: await issuer.token(AUDIENCE),
      key_id: [String(made['key_id']), other.id, 'gone-already'],
      nonce: 'n0nce1',
    });
    expect(status).toBe(200);
    expect(body).toEqual({ deleted: [made['key_id']], gone: ['gone-already'], refused: [other.id] });
    expect(keys().map((key) => key.id)).toEqual([other.id]);
  });

  it('refuses a revoke from a token no rule matches before any request to Pinecone', async () => {
    const made = (await mint()).body;
    issuer.claims = { ...RUN_CLAIMS, repository: 'octo-org/other', repository_id: '1' }; // no rule names it
    const before = world.emulator.requests.length;
    const { status, body } = await post('/revoke', {
      subject_token: await issuer.token(AUDIENCE),
      key_id: String(made['key_id']),
      ticket: String(made['revoke_ticket']),
    });
    expect(status).toBe(400);
    expect(body['error']).toBe('invalid_grant');
    expect(body['error_description']).toBe(
      'No rule of the policy matches repository octo-org/other: the broker made no key for it.',
    );
    expect(world.emulator.requests.length).toBe(before);
    expect(keys()).toHaveLength(1);
  });

  it('serves /healthz, 404 elsewhere (/metrics too), 405 for GET /token, and refuses a body over 64 KiB', async () => {
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${running.url}/nope`)).status).toBe(404);
    expect((await fetch(`${running.url}/metrics`)).status).toBe(404);
    const get = await fetch(`${running.url}/token`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const big = await post('/token', { grant_type: EXCHANGE, subject_token: 'x'.repeat(70_000) });
    expect(big.status).toBe(400);
    expect(big.body['error_description']).toMatch(/over 65536 bytes/);
  });

  it('shares one login among 16 requests at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) => mint({ nonce: `nonce${i.toString(36)}`, job: `leg-${i}` })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(16).fill(200));
    expect(world.emulator.requestsFor('token')).toHaveLength(1);
  });

  it('on drain, answers the mint in flight, then stops taking requests', async () => {
    world.emulator.faults.add({ op: 'create-key', action: 'delay', ms: 300 });
    const inFlight = mint();
    // In flight: its create has reached Pinecone (a fixed sleep here could end before the request is even taken).
    while (world.emulator.requestsFor('create-key').length === 0)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    const draining = running.drain();
    const refusedAfter = fetch(`${running.url}/healthz`).then(
      (response) => response.status,
      () => 'refused',
    );
    expect((await inFlight).status).toBe(200);
    await draining;
    // A kept-alive connection would hold it open for the keep-alive timeout, 5 s.
    expect(Date.now() - started).toBeLessThan(BROKER_KEEP_ALIVE_TIMEOUT_MS - 1_000);
    expect(['refused', 503]).toContain(await refusedAfter);
    expect(keys()).toHaveLength(1);
  });

  it('gives up on Pinecone within the budget the job names, so no create outlives the job waiting for it', async () => {
    world.emulator.faults.add({ op: 'create-key', action: 'hang' });
    const started = Date.now();
    const { status, body } = await mint({ budget_ms: '2000' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(status).toBe(503);
    expect(body['error_description']).toMatch(/nothing was left/);
    expect(keys()).toEqual([]);
  });

  it('deletes at once a key minted for a job that hung up before the answer', async () => {
    world.emulator.faults.add({ op: 'create-key', action: 'delay', ms: 400 });
    const hangUp = new AbortController();
    const request = fetch(`${running.url}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: EXCHANGE,
        subject_token: await issuer.token(AUDIENCE),
        scope: 'DataPlaneEditor',
        nonce: 'gone01',
        job: 'test',
      }).toString(),
      signal: hangUp.signal,
    }).catch(() => 'hung up');
    while (world.emulator.requestsFor('create-key').length === 0)
      await new Promise((resolve) => setTimeout(resolve, 10));
    hangUp.abort();
    expect(await request).toBe('hung up');
    const said = () => printed.some((line) => line.includes('the job went away before the answer'));
    // The decision is logged once Pinecone's answer to the delete is back, a moment after the key is gone.
    for (let waited = 0; world.emulator.issued.length === 0 || keys().length > 0 || !said(); waited += 20) {
      if (waited > 5_000) throw new Error('the key was not deleted');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(printed.map((line) => JSON.parse(line) as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({ action: 'revoke', outcome: 'revoked', reason: 'the job went away before the answer' }),
    );
  });

  it.each([
    ['a login', 'token'],
    ["the rule's project, looked up by name", 'list-projects'],
  ] as const)(
    '%s that hangs is asked again within seconds, whoever asked first, so a job with a short budget still gets its key',
    async (_, op) => {
      await running.drain();
      const before = world.emulator.requestsFor(op).length;
      world.emulator.faults.add({ op, action: 'hang' });
      await start(); // its sweep at start asks what hangs; the job's mint waits for that same answer
      const started = Date.now();
      const { status } = await mint({ budget_ms: '7000' });
      expect(status).toBe(200);
      expect(Date.now() - started).toBeLessThan(7_000);
      expect(world.emulator.requestsFor(op)).toHaveLength(before + 2); // the one that hung, and the next
    },
  );
});
