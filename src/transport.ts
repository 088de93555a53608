// HTTP through @actions/http-client (which honours https_proxy/no_proxy), with a hard timeout per request and
// errors sorted by what they mean for a request that is not idempotent: was it sent or not?
import { getProxyUrl, HttpClient } from '@actions/http-client';
import type { Agent } from 'node:http';
import { isIP, type NetConnectOpts, type Socket } from 'node:net';

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

/**
 * `not-sent`: the server cannot have acted (connection refused, no such host).
 * `unknown`: the request may have reached the server (reset, dropped, timed out).
 */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly outcome: 'not-sent' | 'unknown',
  ) {
    super(message);
  }
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export interface HttpTransport {
  transport: Transport;
  /** Opens the connections the next requests to `url`'s host will use, so that their handshakes overlap other work. */
  preconnect: (url: string, connections: number) => void;
  dispose: () => void;
}

export function createHttpTransport(userAgent: string): HttpTransport {
  // Redirects are never followed: credentials go to the configured hosts and nowhere else.
  // Retries are ours (see retry.ts); keep-alive lets the requests of one step share a connection.
  const client = new HttpClient(userAgent, [], { allowRedirects: false, allowRetries: false, keepAlive: true });
  const transport: Transport = async ({ method, url, headers, body, timeoutMs }) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new TransportError(`no answer within ${timeoutMs / 1000}s`, 'unknown')),
        timeoutMs,
      );
    });
    try {
      const exchange = (async () => {
        const response = await client.request(method, url, body ?? null, headers);
        const text = await response.readBody();
        return { status: response.message.statusCode ?? 0, headers: response.message.headers, body: text };
      })();
      exchange.catch(() => undefined); // may settle after the timeout won; nobody is listening then
      return await Promise.race([exchange, timeout]);
    } catch (error) {
      if (error instanceof TransportError) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? '';
      const outcome = NOT_SENT_CODES.has(code) ? 'not-sent' : 'unknown';
      throw new TransportError(code ? `${code}` : (error as Error).message, outcome);
    } finally {
      clearTimeout(timer);
    }
  };
  const warm = new Map<string, Socket[]>(); // "host:port" → connections opened before the requests that use them
  const preconnect = (url: string, connections: number) => {
    if (getProxyUrl(url)) return; // a tunnel agent makes connections of its own
    const target = new URL(url);
    const host = target.hostname;
    const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80);
    const agent = adopt(client.getAgent(url));
    // What http.Agent itself would pass; `createConnection` is its documented hook for custom connections.
    const defaults = (agent as Agent & { options?: object }).options;
    const options = { ...defaults, host, port, servername: isIP(host) ? '' : host, keepAlive: true };
    const sockets = warm.get(`${host}:${port}`) ?? [];
    while (sockets.length < connections) {
      const socket = agent.createConnection(options) as Socket;
      socket.on('error', () => undefined); // a failed early connection is replaced by a fresh one at request time
      socket.unref(); // an unused one must not keep the step alive
      sockets.push(socket);
    }
    warm.set(`${host}:${port}`, sockets);
  };
  const adopted = new WeakSet<Agent>();
  const adopt = (agent: Agent): Agent => {
    if (adopted.has(agent)) return agent;
    adopted.add(agent);
    const open = agent.createConnection.bind(agent);
    agent.createConnection = (options: NetConnectOpts & { host?: string; port?: number }, callback) => {
      const sockets = warm.get(`${options.host}:${options.port}`) ?? [];
      let socket = sockets.shift();
      while (socket?.destroyed) socket = sockets.shift();
      return socket ? socket.ref() : open(options, callback);
    };
    return agent;
  };
  const dispose = () => {
    for (const socket of [...warm.values()].flat()) socket.destroy();
    client.dispose();
  };
  return { transport, preconnect, dispose };
}
