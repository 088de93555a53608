// HTTP through @actions/http-client (which honours https_proxy/no_proxy), with a hard timeout per request and
// errors sorted by what they mean for a request that is not idempotent: was it sent or not?
import { HttpClient } from '@actions/http-client';

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

export function createHttpTransport(userAgent: string): { transport: Transport; dispose: () => void } {
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
  return { transport, dispose: () => client.dispose() };
}
