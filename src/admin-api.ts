// The one module that knows Pinecone's Admin API: paths, headers, shapes, quirks, and what its errors mean for
// the user. Quirks (../shared/pinecone-admin-api/NOTES.md): create answers 200 (spec: 201), delete 202, deleting
// a missing key may answer 500, names are not unique, tokens expire and are never refreshed.
// Kept as one file on purpose (~250 lines): it is the only place that knows the API, errors included.
import { ActionError, OutcomeUnknownError } from './errors.js';
import type { Call, Requester } from './requester.js';
import type { Secrets } from './secrets.js';
import type { HttpResponse } from './transport.js';

export interface AdminApiConfig {
  apiUrl: string;
  authUrl: string;
  apiVersion: string;
  clientId: string;
  clientSecret: string;
}

export interface Project {
  id: string;
  name: string;
}

export interface ApiKey {
  id: string;
  name: string | null;
  roles: string[];
}

type Json = Record<string, unknown>;
const AUDIENCE = 'https://api.pinecone.io/'; // the trailing slash matters
// As persistent as every other call (5 attempts): the delete is the one request we must not give up on early.
const DELETE_ROUNDS = 5;

export class AdminApi {
  private token: { value: string; expiresAt: number } | undefined;

  constructor(
    private readonly config: AdminApiConfig,
    private readonly requester: Requester,
    private readonly secrets: Secrets,
    private readonly now: () => number,
  ) {}

  async login(): Promise<void> {
    const { clientId, clientSecret, authUrl, apiVersion } = this.config;
    const response = await this.requester.send({
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
    if (!ok(response)) throw this.loginError(response);
    const body = parseBody(response);
    const token = body?.['access_token'];
    if (typeof token === 'string') this.secrets.add(token);
    const lifetime = body?.['expires_in'];
    if (typeof token !== 'string' || token === '' || typeof lifetime !== 'number') {
      throw new ActionError(
        `Pinecone's login answered HTTP ${response.status} without an access token; check the auth-url input.`,
      );
    }
    this.token = { value: token, expiresAt: this.now() + lifetime * 1000 };
  }

  async listProjects(): Promise<Project[]> {
    const body = await this.json({ what: 'list projects', method: 'GET', url: this.url('/admin/projects') });
    return arrayOf(body, 'data', 'list projects').filter(isProject);
  }

  async createKey(projectId: string, name: string, roles: string[]): Promise<{ key: ApiKey; value: string }> {
    const what = 'create the API key';
    const path = `/admin/projects/${encodeURIComponent(projectId)}/api-keys`;
    const response = await this.admin({
      what,
      method: 'POST',
      url: this.url(path),
      once: true,
      body: JSON.stringify({ name, roles }),
    });
    if (!ok(response)) throw this.apiError(response, what, projectId);
    // A 2xx means the key exists; if its answer is unreadable we hold no ID and no secret: let the caller clean up.
    const body = parseBody(response);
    const value = body?.['value'];
    if (typeof value === 'string' && value !== '') this.secrets.add(value);
    const key = body?.['key'];
    if (typeof value !== 'string' || value === '' || !isApiKey(key)) {
      throw new OutcomeUnknownError(`create answered HTTP ${response.status} in an unexpected shape`);
    }
    return { key, value };
  }

  async listKeys(projectId: string): Promise<ApiKey[]> {
    const what = "list the project's API keys";
    const path = `/admin/projects/${encodeURIComponent(projectId)}/api-keys`;
    const body = await this.json({ what, method: 'GET', url: this.url(path) }, projectId);
    return arrayOf(body, 'data', what).filter(isApiKey);
  }

  /** Resolves when the key is gone, whether we deleted it or it already was. */
  async deleteKey(id: string): Promise<'deleted' | 'already gone'> {
    const what = `delete API key ${id}`;
    const url = this.url(`/admin/api-keys/${encodeURIComponent(id)}`);
    for (let round = 1; ; round++) {
      const response = await this.admin({ what, method: 'DELETE', url, own5xx: true });
      if (ok(response)) return 'deleted';
      if (response.status === 404) return 'already gone';
      if (response.status < 500 || round === DELETE_ROUNDS) throw this.apiError(response, what);
      // Deleting a key that no longer exists has been seen to answer 500: ask whether it is still there.
      const fetched = await this.admin({ what: `look up API key ${id}`, method: 'GET', url });
      if (fetched.status === 404) return 'already gone';
      await this.requester.pause(round, what);
    }
  }

  private url(path: string): string {
    return this.config.apiUrl.replace(/\/+$/, '') + path;
  }

  private async json(call: Omit<Call, 'headers'>, projectId?: string): Promise<Json | undefined> {
    const response = await this.admin(call);
    if (!ok(response)) throw this.apiError(response, call.what, projectId);
    const body = parseBody(response);
    if (!body)
      throw new ActionError(
        `Pinecone answered HTTP ${response.status} to "${call.what}" with no JSON: ${this.excerpt(response)}`,
      );
    return body;
  }

  /** An Admin API call with a valid token; a 401 gets one fresh login and one more try. */
  private async admin(call: Omit<Call, 'headers'>): Promise<HttpResponse> {
    for (let fresh = false; ; fresh = true) {
      if (!this.token || this.token.expiresAt - 30_000 <= this.now()) await this.login();
      const headers: Record<string, string> = {
        Authorization: `Bearer ${this.token!.value}`,
        Accept: 'application/json',
        'X-Pinecone-Api-Version': this.config.apiVersion,
      };
      if (call.body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await this.requester.send({ ...call, headers });
      if (response.status !== 401 || fresh) return response;
      this.token = undefined;
    }
  }

  private loginError(response: HttpResponse): ActionError {
    const { status } = response;
    if (status === 400 || status === 401 || status === 403) {
      return new ActionError(
        `Pinecone rejected the service account credentials (HTTP ${status}${errorCode(response)}): check the client-id and client-secret inputs (or PINECONE_CLIENT_ID / PINECONE_CLIENT_SECRET).`,
      );
    }
    return this.unavailable(response, 'log in');
  }

  private apiError(response: HttpResponse, what: string, projectId?: string): ActionError {
    const { status } = response;
    const code = errorCode(response);
    const project = projectId ? `project ${projectId}` : 'the project';
    if (status === 401)
      return new ActionError(
        `Pinecone did not accept the service account's access token (HTTP 401${code}) to ${what}: check that the service account still exists.`,
      );
    if (status === 403 && code.includes('QUOTA_EXCEEDED')) {
      return new ActionError(
        `Pinecone refused to ${what}: ${project} holds as many API keys as its quota allows (HTTP 403${code}). Delete keys you no longer need; the sweep sub-action removes expired ones this action made.`,
      );
    }
    if (status === 403)
      return new ActionError(
        `The service account may not ${what} in ${project} (HTTP 403${code}): add it to the project as Project owner (console: project → Manage → Access → Service accounts).`,
      );
    if (status === 404 && projectId)
      return new ActionError(
        `Pinecone found no ${project} (HTTP 404${code}) to ${what}: check the project input, and that the service account was added to that project.`,
      );
    if (status >= 500 || status === 429) return this.unavailable(response, what);
    return new ActionError(`Pinecone refused to ${what} (HTTP ${status}${code}): ${this.excerpt(response)}`);
  }

  private unavailable(response: HttpResponse, what: string): ActionError {
    return new ActionError(
      `Pinecone is unavailable: it answered HTTP ${response.status}${errorCode(response)} when asked to ${what}, also after retries ("${this.excerpt(response)}"). Try again later.`,
    );
  }

  /** A short, masked piece of an error answer: a proxy's HTML page shows up as text, not a crash. */
  private excerpt(response: HttpResponse): string {
    const body = parseBody(response);
    const error = body?.['error'];
    const description = body?.['error_description'];
    const text =
      typeof error === 'object' && error && 'message' in error
        ? String(error.message)
        : typeof description === 'string'
          ? description
          : response.body;
    const flat = this.secrets
      .redact(text)
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return flat.length > 160 ? `${flat.slice(0, 160)}…` : flat || '(empty answer)';
  }
}

function ok(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

function parseBody(response: HttpResponse): Json | undefined {
  try {
    const value: unknown = JSON.parse(response.body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** `" QUOTA_EXCEEDED"` from Pinecone's error shape, `" access_denied"` from OAuth's, else `""`. */
function errorCode(response: HttpResponse): string {
  const error = parseBody(response)?.['error'];
  if (typeof error === 'string') return ` ${error.replace(/[^\w.-]/g, '')}`;
  const code = typeof error === 'object' && error !== null ? (error as Json)['code'] : undefined;
  return typeof code === 'string' ? ` ${code.replace(/[^\w.-]/g, '')}` : '';
}

function arrayOf(body: Json | undefined, field: string, what: string): unknown[] {
  const list = body?.[field];
  if (!Array.isArray(list))
    throw new ActionError(
      `Pinecone's answer to "${what}" has no "${field}" list; check the api-url and api-version inputs.`,
    );
  return list;
}

function isProject(value: unknown): value is Project {
  const project = value as Json | null;
  return typeof project?.['id'] === 'string' && typeof project['name'] === 'string';
}

function isApiKey(value: unknown): value is ApiKey {
  const key = value as Json | null;
  return (
    typeof key?.['id'] === 'string' &&
    (typeof key['name'] === 'string' || key['name'] === null) &&
    Array.isArray(key['roles'])
  );
}
