// The broker's check of a job's OIDC token, against a fake issuer over real HTTP: what GitHub issues passes; every
// forged, expired, misdirected or altered token is refused in one line, before any request to Pinecone could follow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oidcVerifier, TokenRefused } from '../../src/broker/policy/verify.js';
import { getIDToken } from '@actions/core';
import { OidcIssuer, REQUEST_TOKEN } from '../support/oidc-issuer.js';

const AUDIENCE = 'https://pinecone-broker.example.com';

describe('OIDC token verification', () => {
  const issuer = new OidcIssuer();
  beforeAll(async () => {
    await issuer.start();
    issuer.claims = { repository: 'octo-org/widgets', repository_id: '123456789', ref: 'refs/heads/main' };
  });
  afterAll(() => issuer.stop());
  const verifier = () => oidcVerifier({ issuer: issuer.url, audience: AUDIENCE });
  const refusal = async (token: string) => {
    const error = await verifier()
      .verify(token)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(TokenRefused);
    return (error as Error).message;
  };

  it('accepts a token the issuer signed for this audience, and reads its claims', async () => {
    const claims = await verifier().verify(await issuer.token(AUDIENCE));
    expect(claims).toMatchObject({ repository: 'octo-org/widgets', iss: issuer.url, aud: AUDIENCE });
  });

  it.each([
    ['signed by another key', () => issuer.forge('other-key', AUDIENCE), /does not verify against the issuer/],
    ['alg: none', () => issuer.forge('alg-none', AUDIENCE), /not signed with RS256|not a valid JWT/],
    ['HS256 keyed with the public key', () => issuer.forge('hs256-public-key', AUDIENCE), /not signed with RS256/],
    ['altered after signing', () => issuer.forge('altered', AUDIENCE), /does not verify against the issuer/],
    ['expired', () => issuer.token(AUDIENCE, {}, { expiresIn: '-10m' }), /^The token has expired\.$/],
    [
      'expired 8 s ago (past the leeway)',
      () => issuer.token(AUDIENCE, {}, { expiresIn: '-8s' }),
      /^The token has expired\.$/,
    ],
    ['for another audience', () => issuer.token('https://elsewhere.example.com'), /another audience/],
    ['with an unknown kid', () => issuer.token(AUDIENCE, {}, { kid: 'nobody-knows' }), /key is not the issuer's/],
  ])('refuses a token %s', async (_, make, reason) => {
    expect(await refusal(await make())).toMatch(reason);
  });

  it('refuses a token from another issuer', async () => {
    const other = await new OidcIssuer().start();
    try {
      other.claims = issuer.claims;
      const message = await refusal(await other.token(AUDIENCE));
      expect(message).toMatch(/another issuer|does not verify|key is not the issuer's/);
    } finally {
      await other.stop();
    }
  });

  it('fetches the JWKS again for a new kid, and not for every token', async () => {
    const check = oidcVerifier({ issuer: issuer.url, audience: AUDIENCE, cooldownMs: 200 });
    const before = issuer.jwksRequests;
    await check.verify(await issuer.token(AUDIENCE));
    await check.verify(await issuer.token(AUDIENCE));
    expect(issuer.jwksRequests - before).toBe(1);
    await issuer.rotate();
    await new Promise((resolve) => setTimeout(resolve, 250)); // past the cooldown between refetches
    await expect(check.verify(await issuer.token(AUDIENCE))).resolves.toMatchObject({ aud: AUDIENCE });
    expect(issuer.jwksRequests - before).toBe(2);
  });

  it("verifies the token a job gets the runner's way (core.getIDToken), for the audience it asks", async () => {
    const saved = {
      url: process.env['ACTIONS_ID_TOKEN_REQUEST_URL'],
      token: process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'],
    };
    process.env['ACTIONS_ID_TOKEN_REQUEST_URL'] = `${issuer.url}/token?api-version=2.0`;
    process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] = REQUEST_TOKEN;
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = () => true; // core.getIDToken masks the token with a workflow command
    try {
      const token = await getIDToken(AUDIENCE);
      await expect(verifier().verify(token)).resolves.toMatchObject({ aud: AUDIENCE, repository: 'octo-org/widgets' });
    } finally {
      process.stdout.write = write;
      for (const [name, value] of [
        ['ACTIONS_ID_TOKEN_REQUEST_URL', saved.url],
        ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', saved.token],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('accepts an http issuer only on a loopback address', () => {
    expect(() => oidcVerifier({ issuer: 'http://issuer.example.com', audience: AUDIENCE })).toThrow(
      'http://issuer.example.com must use https:// (http:// only on a loopback address).',
    );
  });
});
