// The one module that knows Pinecone's Admin API: paths, headers, shapes, quirks, and what its errors mean for
// the user. Quirks (docs/PINECONE.md): create answers 200 (spec: 201), delete 202, deleting
// a missing key may answer 500, names are not unique, tokens expire and are never refreshed.
// What its errors mean for the user is in admin-errors.ts; its login (OAuth client credentials) is login.ts.
import { ActionError, CancelledError, OutcomeUnknownError } from '../../base/errors.js';
import { Login, LoginCache } from './login.js';
import { AdminErrors, isPineconeNotFound } from './admin-errors.js';
import type { Secrets } from '../../base/secrets.js';
import type { ServerClock } from './clock.js';
import { DELETE_ROUNDS } from '../../base/policy.js';
import { connectionsFor, type Preconnect, type Upcoming } from '../preconnect.js';
import type { Call, Requester } from '../requester.js';
import { describeStatus, isSuccess, parseBody, type HttpResponse, type Json } from '../transport.js';
import type { ApiKey, Connection, Project } from './types.js';

export { ProjectLimitError, ProjectUnusableError, QuotaError } from './admin-errors.js';
export type { ApiKey, Connection, Project } from './types.js';
export { LoginCache } from './login.js';

export class AdminApi {
  private readonly errors: AdminErrors;
  private readonly session: Login;

  constructor(
    private readonly config: Connection,
    private readonly requester: Requester,
    private readonly secrets: Secrets,
    localNow: () => number,
    readonly clock: ServerClock,
    private readonly preconnect: Preconnect,
    cache = new LoginCache(),
  ) {
    this.errors = new AdminErrors(config, secrets);
    this.session = new Login(config, requester, this.errors, secrets, localNow, cache);
  }

  /** Logs in; meanwhile opens the connections that `upcoming` (sent right after the login) will use. */
  async login(upcoming: Upcoming = {}): Promise<void> {
    const oneHost = new URL(this.config.apiUrl).origin === new URL(this.config.authUrl).origin;
    this.preconnect.open(this.config.apiUrl, connectionsFor(upcoming, oneHost));
    await this.session.fresh();
  }

  async listProjects(): Promise<Project[]> {
    const body = await this.json({ what: 'list projects', method: 'GET', url: this.url('/admin/projects') });
    return arrayOf(body, 'data', 'list projects').filter(isProject);
  }

  /** Not idempotent, like a key's create: an answer that may have been lost throws OutcomeUnknownError. */
  async createProject(name: string): Promise<Project> {
    const what = 'create a project';
    const response = await this.admin({
      what,
      method: 'POST',
      url: this.url('/admin/projects'),
      once: true,
      body: JSON.stringify({ name }),
    });
    if (!isSuccess(response)) throw this.errors.projectCreate(response);
    const project = parseBody(response);
    if (!isProject(project))
      throw new OutcomeUnknownError(
        `project create answered ${describeStatus(response.status)} in an unexpected shape`,
      );
    return { id: project.id, name: project.name };
  }

  /**
   * `not empty`: the project still holds indexes, collections, backups or assistants (the live service's answer is
   * undocumented: any of 400, 409, 412, 422 is read so, never as success).
   */
  async deleteProject(id: string): Promise<'deleted' | 'already gone' | 'not empty'> {
    const what = `delete project ${id}`;
    const response = await this.admin({
      what,
      method: 'DELETE',
      url: this.url(`/admin/projects/${encodeURIComponent(id)}`),
    });
    if (isSuccess(response)) return 'deleted';
    if (isPineconeNotFound(response)) return 'already gone';
    if ([400, 409, 412, 422].includes(response.status)) return 'not empty';
    throw this.errors.api(response, what);
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
    if (!isSuccess(response)) throw this.errors.api(response, what, projectId);
    // A 2xx means the key exists; if its answer is unreadable we hold no ID and no secret: let the caller clean up.
    const body = parseBody(response);
    const value = body?.['value'];
    if (typeof value === 'string' && value !== '') this.secrets.add(value);
    const key = body?.['key'];
    if (typeof value !== 'string' || value === '' || !isApiKey(key)) {
      throw new OutcomeUnknownError(`create answered ${describeStatus(response.status)} in an unexpected shape`);
    }
    return { key, value };
  }

  async listKeys(projectId: string): Promise<ApiKey[]> {
    const what = "list the project's API keys";
    const path = `/admin/projects/${encodeURIComponent(projectId)}/api-keys`;
    const body = await this.json({ what, method: 'GET', url: this.url(path) }, projectId);
    return arrayOf(body, 'data', what).filter(isApiKey);
  }

  /**
   * Renames a key (and sets its roles, when given); its secret stays. Idempotent, so it is retried like a read; when no answer
   * came through, the key is read back: already as asked is success.
   */
  async updateKey(id: string, change: { name: string; roles?: string[] }): Promise<ApiKey> {
    const what = `rename API key ${id}`;
    const url = this.url(`/admin/api-keys/${encodeURIComponent(id)}`);
    let failure: unknown;
    try {
      const updated = await this.json({ what, method: 'PATCH', url, body: JSON.stringify(change) });
      if (isApiKey(updated)) return updated;
    } catch (error) {
      if (error instanceof CancelledError || !(error instanceof ActionError || error instanceof OutcomeUnknownError))
        throw error;
      failure = error;
    }
    // No usable answer: the rename may have been made all the same.
    const current = await this.json({ what: `look up API key ${id}`, method: 'GET', url });
    if (isApiKey(current) && current.name === change.name) return current;
    throw failure instanceof Error
      ? failure
      : new ActionError(`Pinecone's answer to "${what}" is not an API key; check the api-url input.`);
  }

  /** Resolves when the key is gone, whether we deleted it or it already was. */
  async deleteKey(id: string): Promise<'deleted' | 'already gone'> {
    const what = `delete API key ${id}`;
    const url = this.url(`/admin/api-keys/${encodeURIComponent(id)}`);
    for (let round = 1; ; round++) {
      const response = await this.admin({ what, method: 'DELETE', url, own5xx: true });
      if (isSuccess(response)) return 'deleted';
      if (isPineconeNotFound(response)) return 'already gone';
      if (response.status < 500 || round === DELETE_ROUNDS) throw this.errors.api(response, what);
      // Deleting a key that no longer exists has been seen to answer 500: ask whether it is still there.
      const fetched = await this.admin({ what: `look up API key ${id}`, method: 'GET', url });
      if (isPineconeNotFound(fetched)) return 'already gone';
      await this.requester.pause(round, what);
    }
  }

  private url(path: string): string {
    return this.config.apiUrl.replace(/\/+$/, '') + path;
  }

  private async json(call: Omit<Call, 'headers'>, projectId?: string): Promise<Json | undefined> {
    const response = await this.admin(call);
    if (!isSuccess(response)) throw this.errors.api(response, call.what, projectId);
    const body = parseBody(response);
    if (!body)
      throw new ActionError(
        `Pinecone answered ${describeStatus(response.status)} to "${call.what}" with no JSON: ${this.errors.excerpt(response)}; check the api-url input (${this.config.apiUrl}).`,
      );
    return body;
  }

  /** An Admin API call with a valid token; a 401 gets one fresh login and one more try. */
  private async admin(call: Omit<Call, 'headers'>): Promise<HttpResponse> {
    for (let fresh = false; ; fresh = true) {
      const token = await this.session.token();
      const headers: Record<string, string> = {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        'X-Pinecone-Api-Version': this.config.apiVersion,
      };
      if (call.body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await this.requester.send({ ...call, headers });
      if (response.status !== 401 || fresh) return response;
      this.session.refused(token);
    }
  }
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
