// What the Vercel and Netlify emulators share: a real HTTP server on loopback, every request recorded, checked
// against the platform's published description before it is acted on (a request the platform would not accept is
// answered 400 and kept in `problems`, which every test expects empty), and faults injected per operation.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PlatformRequest {
  op: string;
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
}

/** Instead of the operation: answer `status` (with the platform's error shape), drop the connection, or never answer. */
export type PlatformFault<Op extends string> = { op: Op; times?: number } & (
  { status: number; code?: string; message?: string } | { action: 'drop' | 'commit-then-drop' | 'hang' }
);

export interface Answer {
  status: number;
  body?: unknown;
}

export interface Route<Op extends string> {
  op: Op;
  method: string;
  pattern: RegExp;
}

export abstract class PlatformEmulator<Op extends string> {
  readonly requests: PlatformRequest[] = [];
  /** Requests the platform's description would refuse, and answers it would not give: every test expects none. */
  readonly problems: string[] = [];
  url = '';
  private server: Server | undefined;
  private readonly faults: Array<PlatformFault<Op> & { left: number }> = [];

  protected abstract readonly routes: Array<Route<Op>>;
  /** Where the API lives under the server: `` for Vercel, `/api/v1` for Netlify. */
  protected abstract readonly basePath: string;
  /** The request's problems against the platform's description of `op`. */
  protected abstract check(op: Op, request: PlatformRequest, params: string[]): string[];
  protected abstract handle(op: Op, request: PlatformRequest, params: string[]): Answer;
  /** The platform's error body for a status. */
  protected abstract errorBody(status: number, code: string | undefined, message: string): unknown;

  inject(...faults: Array<PlatformFault<Op>>): void {
    for (const fault of faults) this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  ops(): Op[] {
    return this.requests.map((request) => request.op as Op);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.receive(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.basePath}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname.startsWith(this.basePath) ? url.pathname.slice(this.basePath.length) : url.pathname;
    const send = ({ status, body }: Answer) => {
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    let match: { route: Route<Op>; params: string[] } | undefined;
    for (const route of this.routes) {
      const found = route.method === req.method ? route.pattern.exec(path) : null;
      if (found) match = { route, params: found.slice(1).map(decodeURIComponent) };
      if (match) break;
    }
    if (!match) {
      this.problems.push(`${req.method} ${path}: no such operation`);
      return send({ status: 404, body: this.errorBody(404, 'not_found', 'Not Found') });
    }
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      this.problems.push(`${req.method} ${path}: body is not JSON`);
      return send({ status: 400, body: this.errorBody(400, 'bad_request', 'Invalid JSON') });
    }
    const request: PlatformRequest = {
      op: match.route.op,
      method: req.method ?? '',
      path,
      query: Object.fromEntries(url.searchParams),
      body,
      authorization: req.headers.authorization,
    };
    this.requests.push(request);
    const problems = this.check(match.route.op, request, match.params);
    if (problems.length > 0) {
      this.problems.push(...problems.map((problem) => `${match.route.op}: ${problem}`));
      return send({ status: 400, body: this.errorBody(400, 'bad_request', problems.join('; ')) });
    }
    const fault = this.take(match.route.op);
    if (fault && 'status' in fault)
      return send({
        status: fault.status,
        body: this.errorBody(fault.status, fault.code, fault.message ?? 'Injected'),
      });
    if (fault?.action === 'drop') return void req.socket.destroy();
    if (fault?.action === 'hang') return;
    const answer = this.handle(match.route.op, request, match.params);
    if (fault?.action === 'commit-then-drop') return void req.socket.destroy();
    send(answer);
  }

  private take(op: Op): PlatformFault<Op> | undefined {
    const index = this.faults.findIndex((fault) => fault.op === op && fault.left > 0);
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    if (--fault.left === 0) this.faults.splice(index, 1);
    return fault;
  }
}
