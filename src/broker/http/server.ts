// The broker's HTTP API, an OAuth 2.0 authorization server for one grant, token exchange (RFC 8693): POST /token
// trades `subject_token` (the job's GitHub OIDC token) for an API key; POST /revoke deletes keys of that token's
// run, in the action's shape or RFC 7009's; GET /.well-known/oauth-authorization-server (RFC 8414) and GET
// /healthz. Form-encoded bodies as the RFCs have them, or JSON. Every answer is JSON with `Cache-Control:
// no-store`; errors are RFC 6749's `error` and one line (answers.ts). /metrics has a listener of its own (serve.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { InputError } from '../../base/errors.js';
import {
  BROKER_HEADERS_TIMEOUT_MS,
  BROKER_KEEP_ALIVE_TIMEOUT_MS,
  BROKER_MAX_BODY_BYTES,
  BROKER_REQUEST_RECEIVE_TIMEOUT_MS,
  BROKER_TIMEOUT_CHECK_MS,
} from '../../base/policy.js';
import { errorAnswer, metadata } from './answers.js';
import { guardConnections, type Guard } from './connections.js';
import { API_KEY_TOKEN_TYPE, budgetOf, list, mintAsk, nonceOf, one, optional, type Params } from './exchange.js';
import type { Metrics, Route } from './metrics.js';
import { Refusal } from '../service/decisions.js';
import type { Broker } from '../service/service.js';

export { API_KEY_TOKEN_TYPE, DEFAULT_NAME, SUBJECT_TOKEN_TYPES, TOKEN_EXCHANGE } from './exchange.js';
export const METADATA_PATH = '/.well-known/oauth-authorization-server';

/**
 * A request is never cut short once taken: a drain waits for it (a key minted and not handed over would be a key
 * nobody deletes before its expiry).
 */
const IN_FLIGHT = new AbortController().signal;

export interface BrokerServer {
  server: Server;
  guard: Guard;
}

export function createBrokerServer(
  broker: Broker,
  metrics: Metrics,
  state: { draining: boolean; audience: string },
): BrokerServer {
  const server = createServer(
    {
      headersTimeout: BROKER_HEADERS_TIMEOUT_MS,
      requestTimeout: BROKER_REQUEST_RECEIVE_TIMEOUT_MS,
      keepAliveTimeout: BROKER_KEEP_ALIVE_TIMEOUT_MS,
      connectionsCheckingInterval: BROKER_TIMEOUT_CHECK_MS,
    },
    (req, res) => void handle(req, res).catch((error: unknown) => send(res, errorAnswer(error))),
  );
  const guard = guardConnections(server);

  // While draining, every answer closes its connection: a kept-alive one would hold the drain open.
  function send(res: ServerResponse, answer: { status: number; body: object; headers?: Record<string, string> }) {
    const headers = { ...answer.headers, ...(state.draining ? { Connection: 'close' } : {}) };
    reply(res, answer.status, answer.body, headers);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://broker').pathname;
    if (req.method === 'GET' && path === '/healthz')
      return send(
        res,
        state.draining ? { status: 503, body: { status: 'draining' } } : { status: 200, body: { status: 'ok' } },
      );
    if (req.method === 'GET' && path === METADATA_PATH)
      return send(res, { status: 200, body: metadata(state.audience) });
    const route: Route | undefined = path === '/token' ? 'token' : path === '/revoke' ? 'revoke' : undefined;
    if (!route)
      return send(res, {
        status: 404,
        body: { error: 'not_found', error_description: 'POST /token or POST /revoke.' },
      });
    if (req.method !== 'POST')
      return send(res, {
        status: 405,
        body: { error: 'invalid_request', error_description: `${path} takes POST.` },
        headers: { Allow: 'POST' },
      });
    try {
      const params = await readParams(req);
      guard.taken(req, res); // from here a drain waits for the answer
      const result = route === 'token' ? await token(params, req, res) : await revoke(params);
      if (result === undefined) return;
      metrics.request(route, route === 'token' ? 'minted' : 'revoked');
      send(res, { status: 200, body: result });
    } catch (error) {
      // A client that went away before its body arrived (a timeout, a hang-up): no answer, and no stack trace.
      if (error instanceof ClientGone) return metrics.request(route, 'invalid');
      const answer = errorAnswer(error);
      metrics.request(route, answer.outcome);
      send(res, answer);
    }
  }

  async function token(params: Params, req: IncomingMessage, res: ServerResponse): Promise<object | undefined> {
    // The grant type is judged first (RFC 6749 §5.2), before any parameter of its own.
    const ask = mintAsk(params, optional(params, 'subject_token') ?? '', state.audience);
    const key = await broker.mint(one(params, 'subject_token'), ask, IN_FLIGHT);
    // The job hung up (killed, timed out) before the key reached it: nobody will ever see its value.
    if (res.destroyed || req.socket.destroyed) {
      metrics.request('token', 'error');
      void broker.discard(key, IN_FLIGHT).catch(() => undefined);
      return undefined;
    }
    return {
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
    };
  }

  /**
   * The action's shape (`subject_token` with `key_id`/`ticket` or `nonce`), or RFC 7009's (`token`): the subject
   * token a key was exchanged for, which both proves the caller and names the key (its nonce is drawn from it).
   */
  function revoke(params: Params) {
    const budget = budgetOf(params, 1); // a revoke: any budget (exchange.ts)
    const rfc7009 = optional(params, 'token');
    if (rfc7009 !== undefined) {
      if (rfc7009.split('.').length !== 3)
        throw new Refusal(
          'unsupported_token_type',
          'token: give the subject token the key was issued for (a JWT); a key cannot be found by its value.',
        );
      return broker.revoke(rfc7009, { keyIds: [], nonces: [nonceOf(rfc7009)] }, IN_FLIGHT, budget);
    }
    const keyIds = list(params, 'key_id');
    const nonces = list(params, 'nonce');
    if (keyIds.length + nonces.length === 0) throw new InputError('Name the keys to revoke: key_id or nonce.');
    const ticket = optional(params, 'ticket');
    return broker.revoke(one(params, 'subject_token'), { keyIds, nonces, ticket }, IN_FLIGHT, budget);
  }

  return { server, guard };
}

/** The request's body stopped before its end: the connection is gone (a timeout, a hang-up). */
class ClientGone extends Error {}

async function readParams(req: IncomingMessage): Promise<Params> {
  let size = 0;
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > BROKER_MAX_BODY_BYTES)
        throw new InputError(`The request body is over ${BROKER_MAX_BODY_BYTES} bytes.`);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new ClientGone();
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

/** JSON, never cached. */
function reply(res: ServerResponse, status: number, body: object, headers: Record<string, string>): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
    ...headers,
  });
  res.end(`${JSON.stringify(body)}\n`); // a line: curl's output ends where the answer does
}
