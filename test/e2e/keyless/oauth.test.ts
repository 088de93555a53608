// The broker as an OAuth 2.0 authorization server, met by standard clients: openid-client and oauth4webapi discover
// it (RFC 8414), exchange a job's OIDC token for a key (RFC 8693) with no parameter of the broker's own, receive
// each refusal with its RFC 6749 error code, and revoke (RFC 7009). The broker is its committed bundle as a process.
import { createServer, type AddressInfo } from 'node:net';
import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseAnyKeyName } from '../../../src/rules/names.js';
import { NODES } from '../../runner/runner.js';
import { AUDIENCE, decisions, policyFor, RUN_CLAIMS } from '../../support/broker.js';
import { keylessPerTest } from './keyless-world.js';
import { EXCHANGE } from './calls.js';

const ID_TOKEN = 'urn:ietf:params:oauth:token-type:id_token';

/** A port free right now: the broker's URL must be known before it starts, since the policy names it (`issuer`). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.each(NODES)('standard OAuth clients against the broker on $name', ({ path: node }) => {
  const { world, issuer, broker, startBroker } = keylessPerTest(node, { claims: RUN_CLAIMS });
  let url: string;
  beforeEach(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    await startBroker(policyFor(issuer(), world()).replace(`audience: ${AUDIENCE}`, `audience: ${url}`), { port });
  });

  const keys = () => world().emulator.keysIn(world().project.id);
  const openid = () =>
    client.discovery(new URL(url), 'any-client', undefined, client.None(), {
      algorithm: 'oauth2',
      execute: [client.allowInsecureRequests],
    });
  const as4 = async () => {
    const response = await oauth.discoveryRequest(new URL(url), {
      algorithm: 'oauth2',
      [oauth.allowInsecureRequests]: true,
    });
    return oauth.processDiscoveryResponse(new URL(url), response);
  };

  it("openid-client discovers the broker and exchanges a job's token for a key, with no parameter of the broker's", async () => {
    const config = await openid();
    expect(config.serverMetadata()).toMatchObject({
      issuer: url,
      token_endpoint: `${url}/token`,
      revocation_endpoint: `${url}/revoke`,
      grant_types_supported: [EXCHANGE],
    });
    const token = await issuer().token(url, { check_run_id: '55512345678' });
    const answer = await client.genericGrantRequest(config, EXCHANGE, {
      subject_token: token,
      subject_token_type: ID_TOKEN,
    });
    const [key] = keys();
    expect(answer).toMatchObject({
      access_token: key!.value,
      token_type: 'n_a',
      issued_token_type: 'urn:pinecone:params:oauth:token-type:api-key',
    });
    expect(answer.expires_in).toBeGreaterThan(12 * 3600 - 10); // the rule's max-ttl
    expect(key!.roles).toEqual(['DataPlaneEditor', 'ControlPlaneViewer']); // the rule's roles
    expect(parseAnyKeyName(key!.name)?.run?.job).toBe('55512345678'); // the job: the token's check_run_id
    await client.tokenRevocation(config, token);
    expect(keys()).toEqual([]);
  });

  it.each([
    ['an unknown role', { scope: 'Admin' }, 'invalid_scope', /^scope: unknown role Admin/],
    ['roles beyond the rule', { scope: 'ProjectEditor' }, 'invalid_scope', /allows roles DataPlaneEditor/],
    ['another audience', { audience: 'https://evil.example' }, 'invalid_target', /is not this broker/],
    ['another resource', { resource: 'https://evil.example' }, 'invalid_target', /is not this broker/],
    ['a repository no rule names', { claims: { repository: 'octo-org/other' } }, 'invalid_grant', /^No rule/],
    ['an expired token', { expired: true }, 'invalid_grant', /^The token has expired\.$/],
    ['a forged token', { forged: true }, 'invalid_grant', /does not verify against the issuer's key/],
  ] as const)(
    'openid-client receives %s as HTTP 400 with its RFC error code, and nothing is made',
    async (_, ask, code, line) => {
      const config = await openid();
      const claims = 'claims' in ask ? ask.claims : {};
      const token =
        'forged' in ask
          ? await issuer().forge('other-key', url)
          : await issuer().token(url, claims, 'expired' in ask ? { expiresIn: '-10m' } : {});
      const extra = Object.fromEntries(
        Object.entries(ask).filter(([name]) => ['scope', 'audience', 'resource'].includes(name)),
      );
      const refused = await client
        .genericGrantRequest(config, EXCHANGE, { subject_token: token, subject_token_type: ID_TOKEN, ...extra })
        .then(
          () => undefined,
          (error: unknown) => error as client.ResponseBodyError,
        );
      expect(refused).toBeInstanceOf(client.ResponseBodyError);
      expect(refused).toMatchObject({ status: 400, error: code });
      expect(refused!.error_description).toMatch(line);
      expect(keys()).toEqual([]);
    },
  );

  it('openid-client receives a wrong grant_type as unsupported_grant_type', async () => {
    const refused = await client
      .genericGrantRequest(await openid(), 'client_credentials', { subject_token: await issuer().token(url) })
      .catch((error: unknown) => error as client.ResponseBodyError);
    expect(refused).toMatchObject({ status: 400, error: 'unsupported_grant_type' });
  });

  it('oauth4webapi gets a key once it recognizes token_type N_A', async () => {
    const as = await as4();
    const response = await oauth.genericTokenEndpointRequest(
      as,
      { client_id: 'any-client' },
      oauth.None(),
      EXCHANGE,
      { subject_token: await issuer().token(url), subject_token_type: ID_TOKEN, scope: 'DataPlaneEditor' },
      { [oauth.allowInsecureRequests]: true },
    );
    const answer = await oauth.processGenericTokenEndpointResponse(as, { client_id: 'any-client' }, response, {
      recognizedTokenTypes: { n_a: () => undefined },
    });
    expect(answer.access_token).toBe(keys()[0]!.value);
    expect(keys()[0]!.roles).toEqual(['DataPlaneEditor']);
  });

  it('a key oauth4webapi failed to read (N_A not recognized) is revoked with the same subject token (RFC 7009)', async () => {
    const as = await as4();
    const token = await issuer().token(url, { jti: 'first' }); // GitHub's tokens carry a jti each
    const response = await oauth.genericTokenEndpointRequest(
      as,
      { client_id: 'any-client' },
      oauth.None(),
      EXCHANGE,
      { subject_token: token, subject_token_type: ID_TOKEN },
      { [oauth.allowInsecureRequests]: true },
    );
    await expect(oauth.processGenericTokenEndpointResponse(as, { client_id: 'any-client' }, response)).rejects.toThrow(
      /unsupported `token_type` value/,
    );
    expect(keys()).toHaveLength(1); // made, and the client never read it
    const other = await issuer().token(url, { jti: 'second' }); // another exchange of the same run keeps its key
    const kept = await oauth.genericTokenEndpointRequest(
      as,
      { client_id: 'c' },
      oauth.None(),
      EXCHANGE,
      {
        subject_token: other,
      },
      { [oauth.allowInsecureRequests]: true },
    );
    expect(kept.status).toBe(200);
    const keptId = ((await kept.json()) as { key_id: string }).key_id;
    const revoked = await oauth.revocationRequest(as, { client_id: 'any-client' }, oauth.None(), token, {
      [oauth.allowInsecureRequests]: true,
      additionalParameters: { token_type_hint: ID_TOKEN },
    });
    await oauth.processRevocationResponse(revoked);
    expect(keys().map((key) => key.id)).toEqual([keptId]);
    expect(decisions(broker()).filter((line) => line['action'] === 'revoke')).toEqual([
      expect.objectContaining({ outcome: 'revoked', repository: RUN_CLAIMS.repository }),
    ]);
  });

  it('refuses to revoke by a key value (it names nothing the broker can find) with unsupported_token_type', async () => {
    const response = await oauth.revocationRequest(await as4(), { client_id: 'c' }, oauth.None(), 'pcsk_abc_def', {
      [oauth.allowInsecureRequests]: true,
    });
    await expect(oauth.processRevocationResponse(response)).rejects.toMatchObject({
      status: 400,
      error: 'unsupported_token_type',
    });
  });
});
