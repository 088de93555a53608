// The Admin API's login: OAuth 2.0 client credentials at Pinecone's token endpoint (the auth-url input), one at a
// time, its token kept until it nears expiry. An AdminApi has its own; the broker's AdminApis, one per request,
// share one (LoginCache). The token is a secret from the moment it is read.
import { ActionError } from '../../base/errors.js';
import { TOKEN_REFRESH_MARGIN_MS } from '../../base/policy.js';
import type { Secrets } from '../../base/secrets.js';
import type { Requester } from '../requester.js';
import { isSuccess, parseBody } from '../transport.js';
import type { AdminErrors } from './admin-errors.js';
import type { Connection } from './types.js';

const AUDIENCE = 'https://api.pinecone.io/'; // the trailing slash matters

/**
 * The token a login gave, and the login under way: one AdminApi's own, or shared by many (the broker opens an
 * AdminApi per request, each with its own time budget, and all of them share one login until it nears expiry).
 */
export class LoginCache {
  token: { value: string; expiresAt: number } | undefined;
  /** One login at a time: parallel requests that find the token expiring share the fresh one. */
  loggingIn: Promise<void> | undefined;
  /** Logins sent, for the broker's metrics. */
  logins = 0;
  /**
   * Where a shared login sends its requests: a budget of its own, so that a login that hangs is given up and sent
   * again quickly, whatever the request that happened to start it (every other request is waiting for it).
   * Without it, a login uses the requester of the AdminApi that starts it.
   */
  requester: (() => Requester) | undefined;
}

export class Login {
  constructor(
    private readonly config: Connection,
    private readonly requester: Requester,
    private readonly errors: AdminErrors,
    private readonly secrets: Secrets,
    private readonly localNow: () => number,
    private readonly cache: LoginCache,
  ) {}

  /** A token good for a request now: the cached one unless it nears expiry, else a fresh login's. */
  async token(): Promise<string> {
    const { token } = this.cache;
    if (token && token.expiresAt - TOKEN_REFRESH_MARGIN_MS > this.localNow()) return token.value;
    await this.fresh();
    return this.cache.token!.value;
  }

  /** A token Pinecone refused (401): the next request logs in again, unless a parallel one renewed it already. */
  refused(value: string): void {
    if (this.cache.token?.value === value) this.cache.token = undefined;
  }

  /** A fresh token in the cache: the login under way if there is one, else a new one. */
  fresh(): Promise<void> {
    this.cache.loggingIn ??= this.requestToken().finally(() => (this.cache.loggingIn = undefined));
    return this.cache.loggingIn;
  }

  private async requestToken(): Promise<void> {
    const { clientId, clientSecret, authUrl, apiVersion } = this.config;
    this.cache.logins += 1;
    const requester = this.cache.requester?.() ?? this.requester;
    const response = await requester.send({
      what: 'log in',
      method: 'POST',
      url: authUrl,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Pinecone-Api-Version': apiVersion },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
        audience: AUDIENCE,
      }),
    });
    if (!isSuccess(response)) throw this.errors.login(response);
    const body = parseBody(response);
    const token = body?.['access_token'];
    if (typeof token === 'string') this.secrets.add(token);
    const lifetime = Number(body?.['expires_in']); // documented as a number; a string of digits is read too
    if (typeof token !== 'string' || token === '' || !(lifetime > 0)) {
      throw new ActionError(
        `Pinecone's login answered HTTP ${response.status} without an access token; check the auth-url input (${authUrl}).`,
      );
    }
    this.cache.token = { value: token, expiresAt: this.localNow() + lifetime * 1000 };
  }
}
