// The broker's HTTP API, shaped on OAuth 2.0 token exchange (RFC 8693) so that it can be retired if Pinecone ships
// one: POST /token trades `subject_token` (the job's GitHub OIDC token) for an API key; POST /revoke deletes keys
// of that token's run; GET /healthz and GET /metrics for the platform. Form-encoded bodies as the RFC has them, or
// JSON. Every answer is JSON with `Cache-Control: no-store`; errors are RFC 6749's `error` and one line.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ActionError, InputError } from '../base/errors.js';
import { hasControlCharacters } from '../base/text.js';
import { parseDuration } from '../inputs/durations.js';
import { MAX_TTL_MS } from '../inputs/inputs.js';
import { parseRoles } from '../inputs/roles.js';
import { MAX_NAME_LENGTH } from '../rules/names.js';
import type { Metrics, Outcome, Route } from './metrics.js';
import { Refusal, type Broker, type MintAsk } from './service.js';

export const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const SUBJECT_TOKEN_TYPES = [
  'urn:ietf:params:oauth:token-type:id_token',
  'urn:ietf:params:oauth:token-type:jwt',
];
/** What the broker issues: a Pinecone API key (not an OAuth access token: `token_type` is N_A, as RFC 8693 allows). */
export const API_KEY_TOKEN_TYPE = 'urn:pinecone:params:oauth:token-type:api-key';
export const DEFAULT_NAME = 'gha-{repo}-{run_id}-{run_attempt}-{job}';
const MAX_BODY_BYTES = 64 * 1024;

type Params = (name: string) => string[];

/**
 * A request is never cut short once taken: a drain waits for it (a key minted and not handed over would be a key
 * nobody deletes before its expiry).
 */
const IN_FLIGHT = new AbortController().signal;

export function createBrokerServer(broker: Broker, metrics: Metrics, state: { draining: boolean }): Server {
  return createServer((req, res) => void handle(req, res).catch(() => send(res, 500, { error: 'server_error' })));

  // While draining, every answer closes its connection: a kept-alive one would hold the drain open.
  function send(
    res: ServerResponse,
    status: number,
    body: object | string,
    headers: Record<string, string> = {},
  ): void {
    reply(res, status, body, state.draining ? { ...headers, Connection: 'close' } : headers);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://broker').pathname;
    if (req.method === 'GET' && path === '/healthz')
      return state.draining ? send(res, 503, { status: 'draining' }) : send(res, 200, { status: 'ok' });
    if (req.method === 'GET' && path === '/metrics')
      return send(res, 200, metrics.render(), { 'Content-Type': 'text/plain; version=0.0.4' });
    const route: Route | undefined = path === '/token' ? 'token' : path === '/revoke' ? 'revoke' : undefined;
    if (!route) return send(res, 404, { error: 'not_found', error_description: 'POST /token or POST /revoke.' });
    if (req.method !== 'POST')
      return send(res, 405, { error: 'invalid_request', error_description: `${path} takes POST.` }, { Allow: 'POST' });
    const answer = (status: number, body: object, outcome: Outcome) => {
      metrics.request(route, outcome);
      send(res, status, body);
    };
    try {
      const params = await readParams(req);
      const token = one(params, 'subject_token');
      if (route === 'token') {
        const ask = mintAsk(params);
        const key = await broker.mint(token, ask, IN_FLIGHT);
        // The job hung up (killed, timed out) before the key reached it: nobody will ever see its value.
        if (res.destroyed || req.socket.destroyed) {
          metrics.request(route, 'error');
          return void broker.discard(key, IN_FLIGHT).catch(() => undefined);
        }
        return answer(
          200,
          {
            access_token: key.value,
            issued_token_type: API_KEY_TOKEN_TYPE,
            token_type: 'N_A',
            expires_in: Math.max(0, Math.round((Date.parse(key.expiresAt) - Date.now()) / 1000)),
            scope: key.roles.join(' '),
            key_id: key.id,
            key_name: key.name,
            revoke_ticket: key.ticket,
            project_id: key.projectId,
            ...(key.projectName ? { project_name: key.projectName } : {}),
            expires_at: key.expiresAt,
          },
          'minted',
        );
      }
      const keyIds = list(params, 'key_id');
      const nonces = list(params, 'nonce');
      if (keyIds.length + nonces.length === 0) throw new InputError('Name the keys to revoke: key_id or nonce.');
      const ticket = optional(params, 'ticket');
      const result = await broker.revoke(token, { keyIds, nonces, ticket }, IN_FLIGHT, budgetOf(params));
      return answer(200, result, 'revoked');
    } catch (error) {
      if (error instanceof Refusal) {
        const status = error.error === 'temporarily_unavailable' ? 503 : error.error === 'invalid_grant' ? 401 : 403;
        const outcome = status === 503 ? 'unavailable' : status === 401 || status === 403 ? 'refused' : 'invalid';
        return answer(status, { error: error.error, error_description: error.message }, outcome);
      }
      if (error instanceof InputError)
        return answer(400, { error: 'invalid_request', error_description: error.message }, 'invalid');
      // Pinecone refused or could not be reached: the broker's account, not the job's request.
      const line =
        error instanceof ActionError
          ? `Pinecone: ${error.message}`
          : 'The broker failed; its operators can tell why from its log.';
      if (!(error instanceof ActionError)) process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
      return answer(502, { error: 'temporarily_unavailable', error_description: line }, 'error');
    }
  }
}

function mintAsk(params: Params): MintAsk {
  const grant = one(params, 'grant_type');
  if (grant !== TOKEN_EXCHANGE) throw new InputError(`grant_type must be ${TOKEN_EXCHANGE}.`);
  const type = optional(params, 'subject_token_type') ?? SUBJECT_TOKEN_TYPES[0]!;
  if (!SUBJECT_TOKEN_TYPES.includes(type))
    throw new InputError(`subject_token_type must be one of ${SUBJECT_TOKEN_TYPES.join(', ')}.`);
  const requested = optional(params, 'requested_token_type');
  if (requested !== undefined && requested !== API_KEY_TOKEN_TYPE)
    throw new InputError(`requested_token_type: this broker issues ${API_KEY_TOKEN_TYPE} only.`);
  const nonce = one(params, 'nonce');
  if (!/^[a-z0-9]{6}$/.test(nonce)) throw new InputError('nonce: 6 characters a-z0-9.');
  const job = optional(params, 'job') ?? '';
  if (job.length > MAX_NAME_LENGTH || hasControlCharacters(job))
    throw new InputError('job: the job id, one short line.');
  const nameTemplate = optional(params, 'name') ?? DEFAULT_NAME;
  if (job === '' && nameTemplate.includes('{job}'))
    throw new InputError("job: the name template uses {job}: give the job's id (GITHUB_JOB).");
  const budget = budgetOf(params);
  const cleanup = optional(params, 'cleanup') ?? 'true';
  if (cleanup !== 'true' && cleanup !== 'false') throw new InputError('cleanup: true or false.');
  return {
    ...(budget !== undefined ? { budgetMs: budget } : {}),
    // RFC 6749's scope is space-delimited; the action's roles input is comma-delimited: either is read.
    roles: parseRoles(one(params, 'scope').replace(/\s+/g, ',')),
    ttlMs: parseDuration(optional(params, 'ttl') ?? '6h', 'ttl', { min: 1000, max: MAX_TTL_MS }),
    project: optional(params, 'project'),
    nameTemplate,
    job,
    nonce,
    cleanup: cleanup === 'true',
  };
}

/** How long the job waits for the answer (budget_ms): the broker gives up on Pinecone before it does. */
function budgetOf(params: Params): number | undefined {
  const budget = optional(params, 'budget_ms');
  if (budget !== undefined && !/^\d{1,9}$/.test(budget))
    throw new InputError('budget_ms: a whole number of milliseconds.');
  return budget === undefined ? undefined : Number(budget);
}

async function readParams(req: IncomingMessage): Promise<Params> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new InputError(`The request body is over ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').startsWith('application/json')) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new InputError('The request body is not JSON.');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new InputError('The request body is not a JSON object.');
    const values = json as Record<string, unknown>;
    return (name) => {
      const value = values[name];
      if (value === undefined || value === null) return [];
      return (Array.isArray(value) ? value : [value]).map(String);
    };
  }
  const form = new URLSearchParams(body);
  return (name) => form.getAll(name);
}

function optional(params: Params, name: string): string | undefined {
  const values = params(name);
  if (values.length > 1) throw new InputError(`${name} is given more than once.`);
  const value = values[0]?.trim();
  return value === '' ? undefined : value;
}

function one(params: Params, name: string): string {
  const value = optional(params, name);
  if (value === undefined) throw new InputError(`${name} is required.`);
  return value;
}

/** Repeated, or comma-separated. */
function list(params: Params, name: string): string[] {
  return params(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

/** JSON, or text (metrics) with the content type in `headers`; never cached. */
function reply(res: ServerResponse, status: number, body: object | string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
    ...headers,
  });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}
