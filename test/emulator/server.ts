// A Pinecone Admin API emulator: a real HTTP server for the OAuth token endpoint, projects and API keys, behaving
// as docs/PINECONE.md says the live service does (create 200, delete 202, a missing key's
// delete may answer 500, expiring tokens, quota 403), with injectable faults and a record of every request.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  assistantJson,
  backupJson,
  collectionJson,
  emptyContents,
  indexJson,
  isEmpty,
  READ_ROLES,
  WRITE_ROLES,
  type ProjectContents,
  type StoredIndex,
} from './control-plane.js';
import { FaultPlan, type Fault, type Op } from './faults.js';
import { ROLES } from '../../src/inputs/roles.js';

// Pinecone's roles: the action's one list (src/inputs/roles.ts), which test/contract/roles.test.ts checks against
// the roles of Pinecone's specs, so that a new role is one line there.
const KNOWN_ROLES: readonly string[] = ROLES;
export const AUDIENCE = 'https://api.pinecone.io/';

export interface StoredKey {
  id: string;
  name: string | null;
  project_id: string;
  roles: string[];
  created_at: string;
  value: string;
}
export interface Project {
  id: string;
  name: string;
  /** Set by update_project (Pinecone's SDK calls it); absent: the defaults a new project shows. */
  max_pods?: number;
  force_encryption_with_cmek?: boolean;
}
export interface Client {
  secret: string;
  projects: 'all' | string[];
  /** May create and delete projects (an organization owner, or a service account given that right). */
  manageProjects?: boolean;
}
export interface RecordedRequest {
  op: Op | 'unknown';
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  status: number | 'dropped' | 'hung';
  responseBody: string;
  /** When the request arrived and when its answer was sent (performance.now() ms). */
  at: number;
  answeredAt?: number;
  /** The TCP connection it came on: the client's port, and when the server accepted it (performance.now() ms). */
  connection: { port: number; acceptedAt: number };
}

export interface EmulatorOptions {
  tokenLifetimeS?: number;
  /** What deleting a key that does not exist answers: 404, or the 500 the live service has been seen to give. */
  missingKeyDeleteStatus?: 404 | 500;
  /** Projects the organization may hold (Enterprise: 100). */
  projectLimit?: number;
  /** How a create over the limit is refused (undocumented live: 403 QUOTA_EXCEEDED, or 400/422 with a message). */
  projectLimitStatus?: 400 | 403 | 422;
  /** What deleting a project that still holds resources answers (undocumented live: 400, 409, 412 or 422). */
  nonEmptyProjectDeleteStatus?: 400 | 409 | 412 | 422;
  /** How long a deleted index stays listed as `Terminating`. */
  terminatingMs?: number;
  /** Backups per page of `GET /backups` when the request names no `limit`. */
  backupsPageSize?: number;
  /** Most keys a project may hold. */
  quota?: number;
  /** Added to every answer, for benchmarks. */
  latencyMs?: number;
  /** Send `expires_in` as a string of digits, as some OAuth servers do. */
  tokenLifetimeAsString?: boolean;
  /** How far the service's clock (its `Date` header) is off the machine's: a runner with a skewed clock, seen from the other side. */
  clockOffsetMs?: number;
  /** Serve HTTPS with the test-only identity in test/fixtures/tls (trusted through NODE_EXTRA_CA_CERTS). */
  tls?: boolean;
}

type Send = (status: number, payload?: unknown, headers?: Record<string, string>) => void;
type Handler = (body: string, req: IncomingMessage, send: Send) => void;
type RouteHandler = (params: string[], body: string, req: IncomingMessage, send: Send) => void;
interface Route {
  op: Op;
  method: string;
  path: RegExp;
  run: RouteHandler;
}

const TLS_DIR = fileURLToPath(new URL('../fixtures/tls/', import.meta.url));
/** The certificate a process must trust to reach an emulator started with `tls: true`. */
export const EMULATOR_CA_FILE = `${TLS_DIR}cert.pem`;

export class PineconeEmulator {
  readonly projects = new Map<string, Project>();
  readonly keys = new Map<string, StoredKey>();
  /** What each project holds on its control plane. */
  readonly contents = new Map<string, ProjectContents>();
  readonly clients = new Map<string, Client>();
  readonly tokens = new Map<string, { clientId: string; expiresAt: number }>();
  readonly requests: RecordedRequest[] = [];
  /** Every key ever created, deleted or not (for secret scans). */
  readonly issued: StoredKey[] = [];
  readonly faults = new FaultPlan();
  /** Called when a request has arrived, before it is handled. */
  onRequest: ((request: RecordedRequest) => void) | undefined;
  /** Called when a create has been carried out (before its answer is sent). */
  onCreate: ((key: StoredKey) => void) | undefined;
  private server: Server | undefined;
  private timers = new Set<NodeJS.Timeout>();
  private accepted = new Map<number, number>(); // client port → when its connection was accepted
  url = '';

  constructor(readonly options: EmulatorOptions = {}) {}

  get authUrl(): string {
    return `${this.url}/oauth/token`;
  }

  /** The emulator's URL under another host name (`localhost`, or a name only a proxy resolves). */
  urlOn(host: string): string {
    return this.url.replace('127.0.0.1', host);
  }

  async start(port = 0): Promise<this> {
    const handler = (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res);
    this.server = this.options.tls
      ? createHttpsServer({ key: readFileSync(`${TLS_DIR}key.pem`), cert: readFileSync(EMULATOR_CA_FILE) }, handler)
      : createServer(handler);
    this.server.keepAliveTimeout = 5_000;
    this.server.on('connection', (socket: Socket) => this.accepted.set(socket.remotePort ?? 0, performance.now()));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    const scheme = this.options.tls ? 'https' : 'http';
    this.url = `${scheme}://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  addClient(clientId: string, secret: string, projects: Client['projects'] = 'all'): void {
    this.clients.set(clientId, { secret, projects });
  }

  addProject(name: string, id: string = randomUUID()): Project {
    const project = { id, name };
    this.projects.set(id, project);
    this.contents.set(id, emptyContents());
    return project;
  }

  /** Resources in a project, as its users (or the job's tests) made them. */
  /** A project gone with everything in it, as another sweep that emptied and deleted it leaves it. */
  removeProject(id: string): void {
    for (const key of this.keysIn(id)) this.keys.delete(key.id);
    this.contents.delete(id);
    this.projects.delete(id);
  }

  addIndex(projectId: string, name: string, options: Partial<Omit<StoredIndex, 'name'>> = {}): void {
    this.contentsOf(projectId).indexes.set(name, {
      name,
      deletionProtection: 'disabled',
      state: 'Ready',
      collectionInProgress: false,
      ...options,
    });
  }

  addCollection(projectId: string, name: string): void {
    this.contentsOf(projectId).collections.add(name);
  }

  addBackup(projectId: string, sourceIndexName: string, id: string = randomUUID()): string {
    this.contentsOf(projectId).backups.set(id, { sourceIndexName });
    return id;
  }

  addAssistant(projectId: string, name: string): void {
    this.contentsOf(projectId).assistants.add(name);
  }

  contentsOf(projectId: string): ProjectContents {
    const contents = this.contents.get(projectId);
    if (!contents) throw new Error(`no project ${projectId}`);
    return contents;
  }

  /** A key made by someone else (the console, another tool), or by an earlier run. */
  addKey(projectId: string, name: string | null, roles = ['ProjectEditor']): StoredKey {
    return this.createKey(projectId, name, roles);
  }

  keysIn(projectId?: string): StoredKey[] {
    return [...this.keys.values()].filter((key) => !projectId || key.project_id === projectId);
  }

  inject(...faults: Fault[]): void {
    this.faults.add(...faults);
  }

  expireTokens(): void {
    for (const token of this.tokens.values()) token.expiresAt = 0;
  }

  requestsFor(op: Op): RecordedRequest[] {
    return this.requests.filter((request) => request.op === op);
  }

  private createKey(projectId: string, name: string | null, roles: string[]): StoredKey {
    const key = {
      id: randomUUID(),
      name,
      project_id: projectId,
      roles,
      created_at: new Date().toISOString(),
      value: `pcsk_${randomBytes(6).toString('hex')}_${randomBytes(24).toString('base64url')}`,
    };
    this.keys.set(key.id, key);
    this.issued.push(key);
    return key;
  }

  /** update_api_key: a new name (1–80 characters) and/or a new set of roles; the secret stays. */
  private update(key: StoredKey, body: string, send: Send): void {
    const change = parseJson(body) as { name?: unknown; roles?: unknown } | undefined;
    const { name, roles } = change ?? {};
    if (!change || (name !== undefined && (typeof name !== 'string' || name.length < 1 || name.length > 80)))
      return send(400, pineconeError(400, 'INVALID_ARGUMENT', 'name must be 1-80 characters'));
    if (roles !== undefined && (!Array.isArray(roles) || !roles.every((role) => KNOWN_ROLES.includes(role as string))))
      return send(400, pineconeError(400, 'INVALID_ARGUMENT', 'roles must be a list of known roles'));
    if (typeof name === 'string') key.name = name;
    if (Array.isArray(roles)) key.roles = roles as string[];
    send(200, keyJson(key));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = this.route(req.method ?? '', path);
    const record: RecordedRequest = {
      op: route?.op ?? 'unknown',
      method: req.method ?? '',
      path,
      headers: req.headers,
      body,
      status: 'hung',
      responseBody: '',
      at: performance.now(),
      connection: {
        port: req.socket.remotePort ?? 0,
        acceptedAt: this.accepted.get(req.socket.remotePort ?? 0) ?? NaN,
      },
    };
    this.requests.push(record);
    this.onRequest?.(record);
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      const text = payload === undefined ? '' : typeof payload === 'string' ? payload : JSON.stringify(payload);
      record.status = status;
      record.responseBody = text;
      const answer = () => {
        if (res.destroyed) return;
        const date = new Date(Date.now() + (this.options.clockOffsetMs ?? 0)).toUTCString();
        res.writeHead(status, { ...(text ? { 'Content-Type': 'application/json' } : {}), Date: date, ...headers });
        res.end(text);
        record.answeredAt = performance.now();
      };
      if (this.options.latencyMs) this.later(this.options.latencyMs, answer);
      else answer();
    };
    // A path the API does not have: the router's plain-text 404, not the API's JSON error.
    if (!route) return send(404, '404 page not found', { 'Content-Type': 'text/plain; charset=utf-8' });

    const fault = this.faults.take(route.op);
    const perform = () => route.run(body, req, send);
    if (!fault) return perform();
    if ('status' in fault) {
      record.status = fault.status;
      const headers: Record<string, string> = {};
      if (fault.retryAfter !== undefined) headers['Retry-After'] = fault.retryAfter;
      if (fault.contentType) headers['Content-Type'] = fault.contentType;
      const payload = fault.body ?? {
        error: {
          code: fault.code ?? (fault.status >= 500 ? 'UNKNOWN' : 'INVALID_ARGUMENT'),
          message: `Injected HTTP ${fault.status}`,
        },
        status: fault.status,
      };
      return send(fault.status, payload, headers);
    }
    const discard = () => undefined;
    switch (fault.action) {
      case 'drop':
        record.status = 'dropped';
        return void req.socket.destroy();
      case 'hang':
        return;
      case 'commit-then-drop':
        route.run(body, req, discard);
        record.status = 'dropped';
        return void req.socket.destroy();
      case 'commit-then-hang':
        route.run(body, req, discard);
        return;
      case 'delay':
        return this.later(fault.ms, perform);
      case 'late-commit':
        return this.later(fault.ms, () => route.run(body, req, discard));
    }
  }

  /** Resolves once every delayed action (late commits, delayed answers) has happened. */
  async settle(): Promise<void> {
    while (this.timers.size > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  /** One handler per operation: method, path pattern, and what it does with the path's parameters. */
  private readonly routes: Route[] = [
    {
      op: 'token',
      method: 'POST',
      path: /^\/oauth\/token$/,
      run: (_p, body, req, send) => this.token(body, req, send),
    },
    {
      op: 'list-projects',
      method: 'GET',
      path: /^\/admin\/projects$/,
      run: this.admin((client, _p, _b, send) => send(200, { data: this.visibleProjects(client).map(projectJson) })),
    },
    {
      op: 'get-project',
      method: 'GET',
      path: /^\/admin\/projects\/([^/]+)$/,
      run: this.admin((client, [id], _b, send) => this.inProject(client, id!, send, (p) => send(200, projectJson(p)))),
    },
    {
      op: 'update-project',
      method: 'PATCH',
      path: /^\/admin\/projects\/([^/]+)$/,
      run: this.admin((client, [id], body, send) =>
        this.inProject(client, id!, send, (project) => updateProject(project, body, send)),
      ),
    },
    {
      op: 'list-keys',
      method: 'GET',
      path: /^\/admin\/projects\/([^/]+)\/api-keys$/,
      run: this.admin((client, [id], _b, send) =>
        this.inProject(client, id!, send, () => send(200, { data: this.keysIn(id).map(keyJson) })),
      ),
    },
    {
      op: 'create-key',
      method: 'POST',
      path: /^\/admin\/projects\/([^/]+)\/api-keys$/,
      run: this.admin((client, [id], body, send) =>
        this.inProject(client, id!, send, () => this.create(id!, body, send)),
      ),
    },
    {
      op: 'fetch-key',
      method: 'GET',
      path: /^\/admin\/api-keys\/([^/]+)$/,
      run: this.admin((client, [keyId], _b, send) =>
        this.withKey(client, keyId!, 404, send, (key) => send(200, keyJson(key))),
      ),
    },
    {
      op: 'update-key',
      method: 'PATCH',
      path: /^\/admin\/api-keys\/([^/]+)$/,
      run: this.admin((client, [keyId], body, send) =>
        this.withKey(client, keyId!, 404, send, (key) => this.update(key, body, send)),
      ),
    },
    {
      op: 'delete-key',
      method: 'DELETE',
      path: /^\/admin\/api-keys\/([^/]+)$/,
      run: this.admin((client, [keyId], _b, send) =>
        this.withKey(client, keyId!, this.options.missingKeyDeleteStatus ?? 404, send, (key) => {
          this.keys.delete(key.id);
          send(202);
        }),
      ),
    },
    {
      op: 'create-project',
      method: 'POST',
      path: /^\/admin\/projects$/,
      run: this.admin((client, _p, body, send) => this.createProject(client, body, send)),
    },
    {
      op: 'delete-project',
      method: 'DELETE',
      path: /^\/admin\/projects\/([^/]+)$/,
      run: this.admin((client, [id], _b, send) =>
        this.inProject(client, id!, send, (project) => this.deleteProject(client, project, send)),
      ),
    },
    {
      op: 'list-indexes',
      method: 'GET',
      path: /^\/indexes$/,
      run: this.projectKey(READ_ROLES, (contents, _p, _b, send) =>
        send(200, { indexes: [...contents.indexes.values()].map(indexJson) }),
      ),
    },
    {
      op: 'describe-index',
      method: 'GET',
      path: /^\/indexes\/([^/]+)$/,
      run: this.projectKey(READ_ROLES, (contents, [name], _b, send) => {
        const index = contents.indexes.get(name!);
        if (!index) return send(404, pineconeError(404, 'NOT_FOUND', `Index ${name} not found`));
        send(200, indexJson(index));
      }),
    },
    {
      op: 'configure-index',
      method: 'PATCH',
      path: /^\/indexes\/([^/]+)$/,
      run: this.projectKey(WRITE_ROLES, (contents, [name], body, send) => {
        const index = contents.indexes.get(name!);
        if (!index) return send(404, pineconeError(404, 'NOT_FOUND', `Index ${name} not found`));
        const protection = (parseJson(body) as { deletion_protection?: unknown } | undefined)?.deletion_protection;
        if (protection !== 'enabled' && protection !== 'disabled')
          return send(400, pineconeError(400, 'INVALID_ARGUMENT', 'deletion_protection must be enabled or disabled'));
        index.deletionProtection = protection;
        send(202, indexJson(index));
      }),
    },
    {
      op: 'delete-index',
      method: 'DELETE',
      path: /^\/indexes\/([^/]+)$/,
      run: this.projectKey(WRITE_ROLES, (contents, [name], _b, send) => {
        const index = contents.indexes.get(name!);
        if (!index) return send(404, pineconeError(404, 'NOT_FOUND', `Index ${name} not found`));
        if (index.deletionProtection === 'enabled')
          return send(
            403,
            pineconeError(
              403,
              'FORBIDDEN',
              'Deletion protection is enabled for this index. Disable deletion protection before retrying.',
            ),
          );
        if (index.collectionInProgress)
          return send(412, pineconeError(412, 'FAILED_PRECONDITION', 'A collection is being created from this index.'));
        if (index.state !== 'Terminating') {
          index.state = 'Terminating';
          this.later(this.options.terminatingMs ?? 300, () => contents.indexes.delete(index.name));
        }
        send(202);
      }),
    },
    {
      op: 'list-collections',
      method: 'GET',
      path: /^\/collections$/,
      run: this.projectKey(READ_ROLES, (contents, _p, _b, send) =>
        send(200, { collections: [...contents.collections].map(collectionJson) }),
      ),
    },
    {
      op: 'delete-collection',
      method: 'DELETE',
      path: /^\/collections\/([^/]+)$/,
      run: this.projectKey(WRITE_ROLES, (contents, [name], _b, send) => {
        if (!contents.collections.delete(name!))
          return send(404, pineconeError(404, 'NOT_FOUND', `Collection ${name} not found`));
        send(202);
      }),
    },
    {
      op: 'list-backups',
      method: 'GET',
      path: /^\/backups$/,
      run: this.projectKey(READ_ROLES, (contents, _p, _b, send, query) => {
        const all = [...contents.backups.entries()];
        const limit = Number(query.get('limit') ?? this.options.backupsPageSize ?? 100);
        const start = Number(query.get('paginationToken') ?? 0);
        const page = all.slice(start, start + limit).map(([id, backup]) => backupJson(id, backup));
        const next = start + limit < all.length ? { pagination: { next: String(start + limit) } } : {};
        send(200, { data: page, ...next });
      }),
    },
    {
      op: 'delete-backup',
      method: 'DELETE',
      path: /^\/backups\/([^/]+)$/,
      run: this.projectKey(WRITE_ROLES, (contents, [id], _b, send) => {
        if (!contents.backups.delete(id!)) return send(404, pineconeError(404, 'NOT_FOUND', `Backup ${id} not found`));
        send(202);
      }),
    },
    {
      op: 'list-assistants',
      method: 'GET',
      path: /^\/assistant\/assistants$/,
      run: this.projectKey(READ_ROLES, (contents, _p, _b, send) =>
        send(200, { assistants: [...contents.assistants].map(assistantJson) }),
      ),
    },
    {
      op: 'delete-assistant',
      method: 'DELETE',
      path: /^\/assistant\/assistants\/([^/]+)$/,
      run: this.projectKey(WRITE_ROLES, (contents, [name], _b, send) => {
        if (!contents.assistants.delete(name!))
          return send(404, pineconeError(404, 'NOT_FOUND', `Assistant ${name} not found`));
        send(200);
      }),
    },
  ];

  /** Every operation the emulator serves (the contract test finds each in Pinecone's specs). */
  get served(): ReadonlyArray<Pick<Route, 'op' | 'method' | 'path'>> {
    return this.routes;
  }

  private route(method: string, path: string): { op: Op; run: Handler } | undefined {
    for (const route of this.routes) {
      const match = route.method === method ? route.path.exec(path) : null;
      if (!match) continue;
      const params = match.slice(1).map((param) => decodeURIComponent(param));
      return { op: route.op, run: (body, req, send) => route.run(params, body, req, send) };
    }
    return undefined;
  }

  /** A key the client may see, or the answer the live service gives for a missing one. */
  private withKey(
    client: Client,
    keyId: string,
    missingStatus: number,
    send: Send,
    run: (key: StoredKey) => void,
  ): void {
    const key = this.keys.get(keyId);
    if (!key) {
      const found = missingStatus === 404;
      return send(
        missingStatus,
        pineconeError(
          missingStatus,
          found ? 'NOT_FOUND' : 'UNKNOWN',
          found ? 'API key not found' : 'Internal server error',
        ),
      );
    }
    this.inProject(client, key.project_id, send, () => run(key));
  }

  private token(body: string, req: IncomingMessage, send: Send): void {
    const form = (req.headers['content-type'] ?? '').includes('x-www-form-urlencoded');
    let fields: Record<string, unknown>;
    try {
      fields = form ? Object.fromEntries(new URLSearchParams(body)) : (JSON.parse(body) as Record<string, unknown>);
    } catch {
      return send(400, { error: 'invalid_request', error_description: 'Malformed body' });
    }
    if (fields['grant_type'] !== 'client_credentials' || fields['audience'] !== AUDIENCE) {
      return send(400, { error: 'invalid_request', error_description: 'Bad grant_type or audience' });
    }
    const client = this.clients.get(String(fields['client_id']));
    if (!client || client.secret !== fields['client_secret'])
      return send(401, { error: 'access_denied', error_description: 'Unauthorized' });
    const token = `eyJ${randomBytes(24).toString('base64url')}`;
    const lifetime = this.options.tokenLifetimeS ?? 1800;
    this.tokens.set(token, { clientId: String(fields['client_id']), expiresAt: Date.now() + lifetime * 1000 });
    const expiresIn = this.options.tokenLifetimeAsString ? String(lifetime) : lifetime;
    send(200, { access_token: token, token_type: 'Bearer', expires_in: expiresIn });
  }

  /** An Admin API operation: only for a valid service-account token. */
  private admin(run: (client: Client, params: string[], body: string, send: Send) => void): RouteHandler {
    return (params, body, req, send) => {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const session = token ? this.tokens.get(token) : undefined;
      const client = session && session.expiresAt > Date.now() ? this.clients.get(session.clientId) : undefined;
      if (!client) return send(401, pineconeError(401, 'UNAUTHENTICATED', 'Invalid API key.'));
      run(client, params, body, send);
    };
  }

  /** A control-plane operation: only for a project API key (`Api-Key`) with one of `roles`; in its project. */
  private projectKey(
    roles: readonly string[],
    run: (contents: ProjectContents, params: string[], body: string, send: Send, query: URLSearchParams) => void,
  ): RouteHandler {
    return (params, body, req, send) => {
      const value = req.headers['api-key'];
      const key = typeof value === 'string' ? [...this.keys.values()].find((k) => k.value === value) : undefined;
      if (!key) return send(401, pineconeError(401, 'UNAUTHENTICATED', 'Invalid API Key'));
      if (!key.roles.some((role) => roles.includes(role)))
        return send(403, pineconeError(403, 'FORBIDDEN', 'The API key does not have the role this operation needs.'));
      const query = new URL(req.url ?? '/', 'http://x').searchParams;
      run(this.contentsOf(key.project_id), params, body, send, query);
    };
  }

  private createProject(client: Client, body: string, send: Send): void {
    if (client.manageProjects === false)
      return send(403, pineconeError(403, 'PERMISSION_DENIED', 'The service account may not create projects.'));
    const request = parseJson(body) as { name?: unknown } | undefined;
    const name = request?.name;
    if (typeof name !== 'string' || name.length < 1 || name.length > 512)
      return send(400, pineconeError(400, 'INVALID_ARGUMENT', 'name must be 1-512 characters'));
    if (this.projects.size >= (this.options.projectLimit ?? Infinity)) {
      const status = this.options.projectLimitStatus ?? 403;
      return send(
        status,
        pineconeError(
          status,
          status === 403 ? 'QUOTA_EXCEEDED' : 'INVALID_ARGUMENT',
          `The organization has reached its limit of ${this.options.projectLimit} projects.`,
        ),
      );
    }
    const project = this.addProject(name);
    const { max_pods: pods, force_encryption_with_cmek: cmek } = request as Partial<Project>;
    if (Number.isInteger(pods)) project.max_pods = pods;
    if (typeof cmek === 'boolean') project.force_encryption_with_cmek = cmek;
    if (client.projects !== 'all') client.projects.push(project.id);
    send(200, projectJson(project));
  }

  private deleteProject(client: Client, project: Project, send: Send): void {
    if (client.manageProjects === false)
      return send(403, pineconeError(403, 'PERMISSION_DENIED', 'The service account may not delete projects.'));
    if (!isEmpty(this.contentsOf(project.id))) {
      const status = this.options.nonEmptyProjectDeleteStatus ?? 412;
      return send(
        status,
        pineconeError(
          status,
          'FAILED_PRECONDITION',
          'Project still holds indexes, collections, backups or assistants.',
        ),
      );
    }
    this.projects.delete(project.id);
    this.contents.delete(project.id);
    for (const key of this.keysIn(project.id)) this.keys.delete(key.id); // a project's keys go with it
    send(202);
  }

  private visibleProjects(client: Client): Project[] {
    return [...this.projects.values()].filter((p) => client.projects === 'all' || client.projects.includes(p.id));
  }

  private inProject(client: Client, id: string, send: Send, run: (project: Project) => void): void {
    const project = this.projects.get(id);
    if (!project) return send(404, pineconeError(404, 'NOT_FOUND', `Project ${id} not found`));
    if (!this.visibleProjects(client).includes(project))
      return send(403, pineconeError(403, 'PERMISSION_DENIED', 'Forbidden'));
    run(project);
  }

  private create(projectId: string, body: string, send: Send): void {
    let request: { name?: unknown; roles?: unknown };
    try {
      request = JSON.parse(body) as typeof request;
    } catch {
      return send(400, pineconeError(400, 'INVALID_ARGUMENT', 'Malformed JSON'));
    }
    const { name, roles = ['ProjectEditor'] } = request;
    if (typeof name !== 'string' || name.length < 1 || name.length > 80)
      return send(400, pineconeError(400, 'INVALID_ARGUMENT', 'name must be 1-80 characters'));
    if (!Array.isArray(roles) || roles.some((role) => !KNOWN_ROLES.includes(role as string)))
      return send(400, pineconeError(400, 'INVALID_ARGUMENT', 'Invalid role'));
    if (this.keysIn(projectId).length >= (this.options.quota ?? Infinity))
      return send(403, pineconeError(403, 'QUOTA_EXCEEDED', 'API key quota exceeded'));
    const key = this.createKey(projectId, name, roles as string[]);
    this.onCreate?.(key);
    send(200, { key: keyJson(key), value: key.value }); // the live service answers 200, not the spec's 201
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** update_project: a new name (1–512 characters), max_pods, or CMEK forced on (it cannot be turned off). */
function updateProject(project: Project, body: string, send: Send): void {
  const change = parseJson(body) as Partial<Record<keyof Project, unknown>> | undefined;
  const { name, max_pods: pods, force_encryption_with_cmek: cmek } = change ?? {};
  if (!change || (name !== undefined && (typeof name !== 'string' || name.length < 1 || name.length > 512)))
    return send(400, pineconeError(400, 'INVALID_ARGUMENT', 'name must be 1-512 characters'));
  if ((pods !== undefined && !Number.isInteger(pods)) || (cmek !== undefined && typeof cmek !== 'boolean'))
    return send(
      400,
      pineconeError(400, 'INVALID_ARGUMENT', 'max_pods is an integer, force_encryption_with_cmek a boolean'),
    );
  if (cmek === false && project.force_encryption_with_cmek)
    return send(400, pineconeError(400, 'INVALID_ARGUMENT', 'CMEK encryption cannot be disabled once enabled'));
  if (typeof name === 'string') project.name = name;
  if (typeof pods === 'number') project.max_pods = pods;
  if (typeof cmek === 'boolean') project.force_encryption_with_cmek = cmek;
  send(200, projectJson(project));
}

function pineconeError(status: number, code: string, message: string) {
  return { error: { code, message }, status };
}

function projectJson(project: Project) {
  return {
    max_pods: 0,
    force_encryption_with_cmek: false,
    ...project,
    organization_id: 'org-emulated',
    created_at: '2026-01-01T00:00:00Z',
  };
}

function keyJson({ id, name, project_id, roles, created_at }: StoredKey) {
  return { id, name, project_id, roles, created_at };
}
