// A fake GitHub Actions OIDC issuer over real HTTP on loopback: RS256 keys, a JWKS, OIDC discovery, and the
// runner's protocol that core.getIDToken speaks (ACTIONS_ID_TOKEN_REQUEST_URL with a bearer token, `audience` in
// the query, `{"value": jwt}` back). `forge` makes the tokens an attacker would try.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

export const REQUEST_TOKEN = 'runtime-request-token';

type Key = Awaited<ReturnType<typeof generateKeyPair>>;

export class OidcIssuer {
  url = '';
  /** Requests for the JWKS, to count refetches. */
  jwksRequests = 0;
  private server: Server | undefined;
  private key!: Key;
  private kid = 'key-1';
  /** The claims every token carries unless a test says otherwise. */
  claims: JWTPayload = {};
  /** Every token handed to a job over the runner's protocol, for secret scans. */
  readonly issued: string[] = [];
  /** What the runner's protocol hands a job for `audience` (default: an honest token): a test's forgery. */
  serve: ((audience: string) => Promise<string>) | undefined;

  async start(): Promise<this> {
    this.key = await generateKeyPair('RS256', { extractable: true });
    this.server = createServer((req, res) => void this.handle(req.url ?? '/', req.headers.authorization, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A new signing key under a new kid: tokens signed with it carry a kid the JWKS fetched before does not know. */
  async rotate(): Promise<void> {
    this.key = await generateKeyPair('RS256', { extractable: true });
    this.kid = `key-${Number(this.kid.slice(4)) + 1}`;
  }

  /** A token as GitHub issues it, for `audience`, with `claims` over the defaults. */
  async token(
    audience: string,
    claims: JWTPayload = {},
    options: { expiresIn?: string; key?: Key; kid?: string; issuer?: string } = {},
  ) {
    return new SignJWT({ ...this.claims, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? this.kid, typ: 'JWT' })
      .setIssuer(options.issuer ?? this.url)
      .setAudience(audience)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign((options.key ?? this.key).privateKey);
  }

  /** Tokens an attacker would try. */
  async forge(kind: 'other-key' | 'alg-none' | 'hs256-public-key' | 'altered', audience: string): Promise<string> {
    if (kind === 'other-key') return this.token(audience, {}, { key: await generateKeyPair('RS256') });
    const honest = await this.token(audience);
    const [header, payload, signature] = honest.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as JWTPayload;
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    if (kind === 'altered') return `${header}.${encode({ ...claims, repository: 'octo-org/production' })}.${signature}`;
    if (kind === 'alg-none') return `${encode({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    // The classic confusion: HMAC keyed with the issuer's public key, which anyone can download.
    const publicKey = JSON.stringify(await exportJWK(this.key.publicKey));
    const { createHmac } = await import('node:crypto');
    const head = encode({ alg: 'HS256', kid: this.kid, typ: 'JWT' });
    const mac = createHmac('sha256', publicKey).update(`${head}.${payload}`).digest('base64url');
    return `${head}.${payload}.${mac}`;
  }

  private async handle(url: string, authorization: string | undefined, res: ServerResponse) {
    const json = (status: number, body: unknown) =>
      void res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    const path = new URL(url, 'http://x');
    if (path.pathname === '/.well-known/openid-configuration')
      return json(200, { issuer: this.url, jwks_uri: `${this.url}/.well-known/jwks` });
    if (path.pathname === '/.well-known/jwks') {
      this.jwksRequests += 1;
      return json(200, {
        keys: [{ ...(await exportJWK(this.key.publicKey)), kid: this.kid, alg: 'RS256', use: 'sig' }],
      });
    }
    if (path.pathname === '/token') {
      if (authorization !== `Bearer ${REQUEST_TOKEN}`) return json(401, { message: 'Bad request token' });
      const audience = path.searchParams.get('audience') ?? this.url;
      const value = await (this.serve ?? ((aud: string) => this.token(aud)))(audience);
      this.issued.push(value);
      return json(200, { value });
    }
    json(404, { message: 'Not Found' });
  }
}
