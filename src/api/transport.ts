// HTTP through @actions/http-client (which honours https_proxy/no_proxy), with a hard timeout per request and
// errors sorted by what they mean for a request that is not idempotent: was it sent or not?
import { getProxyUrl, HttpClient } from '@actions/http-client';
import { STATUS_CODES } from 'node:http';
import { createPreconnect, type Preconnect } from './preconnect.js';

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE' | 'PATCH';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

/**
 * `not-sent`: the server cannot have acted (connection refused, no such host, the proxy refused the tunnel).
 * `unknown`: the request may have reached the server (reset, dropped, timed out).
 * `final`: trying again cannot help (the proxy wants other credentials).
 */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly outcome: 'not-sent' | 'unknown',
    readonly final = false,
  ) {
    super(message);
  }
}

/** `HTTP 502 Bad Gateway`: what a server answered, in the words a person searches for. */
export function describeStatus(status: number): string {
  const reason = STATUS_CODES[status];
  return reason ? `HTTP ${status} ${reason}` : `HTTP ${status}`;
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export type Json = Record<string, unknown>;

export function isSuccess(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

/** The answer's body as a JSON object; `undefined` for anything else (HTML from a proxy, an array, no body). */
export function parseBody(response: Pick<HttpResponse, 'body'>): Json | undefined {
  try {
    const value: unknown = JSON.parse(response.body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

export interface HttpTransport {
  transport: Transport;
  preconnect: Preconnect;
  dispose: () => void;
}

export function createHttpTransport(userAgent: string): HttpTransport {
  // Redirects are never followed: credentials go to the configured hosts and nowhere else.
  // Retries are ours (see base/policy.ts); keep-alive lets the requests of one step share a connection.
  // Made at the first request: a step that sends none (use, most post steps of shared keys) pays nothing for it.
  // One client per scheme: a client keeps one keep-alive agent, made for the scheme of its first URL, and hands it to
  // every later URL (an https agent for http: ERR_INVALID_PROTOCOL), as when a broker on http loopback, or behind a
  // TLS proxy, is asked beside the runner's token service on the other scheme.
  const made = new Map<string, HttpClient>();
  const client = (url: string) => {
    const scheme = new URL(url).protocol;
    const existing = made.get(scheme);
    if (existing) return existing;
    const fresh = new HttpClient(userAgent, [], { allowRedirects: false, allowRetries: false, keepAlive: true });
    made.set(scheme, fresh);
    return fresh;
  };
  const transport: Transport = async ({ method, url, headers, body, timeoutMs }) => {
    const proxy = getProxyUrl(url);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new TransportError(`no answer within ${timeoutMs / 1000}s`, 'unknown')),
        timeoutMs,
      );
    });
    try {
      const exchange = (async () => {
        const response = await client(url).request(method, url, body ?? null, headers);
        const text = await response.readBody();
        return { status: response.message.statusCode ?? 0, headers: response.message.headers, body: text };
      })();
      exchange.catch(() => undefined); // may settle after the timeout won; nobody is listening then
      const response = await Promise.race([exchange, timeout]);
      // Through a proxy, a plain-http request's 407 is the proxy's word, not Pinecone's: nothing reached Pinecone.
      if (proxy && response.status === 407) throw proxyError(proxy, describeStatus(407), true);
      return response;
    } catch (error) {
      if (error instanceof TransportError) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? '';
      const message = (error as Error).message;
      // `tunnel` reports every failed CONNECT (refused, 407, proxy down) as ECONNRESET with this message.
      if (proxy && /tunneling socket could not be established/.test(message)) {
        const status = /statusCode=(\d+)/.exec(message)?.[1];
        const cause = status ? describeStatus(Number(status)) : (/cause=(.*)$/.exec(message)?.[1] ?? code);
        throw proxyError(proxy, cause, status === '407');
      }
      if (proxy && NOT_SENT_CODES.has(code)) throw proxyError(proxy, code, false);
      throw new TransportError(code || message, NOT_SENT_CODES.has(code) ? 'not-sent' : 'unknown');
    } finally {
      clearTimeout(timer);
    }
  };
  const preconnect = createPreconnect((url) => client(url).getAgent(url));
  const dispose = () => {
    preconnect.dispose();
    for (const each of made.values()) each.dispose();
  };
  return { transport, preconnect, dispose };
}

function proxyError(proxy: string, cause: string, final: boolean): TransportError {
  const host = URL.canParse(proxy) ? new URL(proxy).host : 'configured';
  const hint = final ? '; check the proxy credentials in https_proxy' : '';
  return new TransportError(`the proxy ${host} failed: ${cause}${hint}`, 'not-sent', final);
}
