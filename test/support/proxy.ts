// A forward proxy that tunnels with CONNECT, as corporate proxies do, and resolves host names of its own: the
// action can only reach `*.invalid` hosts through it, so a request that arrives proves the proxy was used.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface Tunnel {
  target: string;
  headers: IncomingHttpHeaders;
}

export interface Proxy {
  url: string;
  tunnels: Tunnel[];
  stop: () => Promise<void>;
}

/** `requireAuth`: the `Proxy-Authorization` header a tunnel needs; others get 407, as a corporate proxy answers. */
export async function startProxy(hosts: Record<string, string>, requireAuth?: string): Promise<Proxy> {
  const tunnels: Tunnel[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((_req, res) => res.writeHead(405).end()); // only tunnels are offered
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    tunnels.push({ target, headers: req.headers });
    if (requireAuth !== undefined && req.headers['proxy-authorization'] !== requireAuth) {
      return void client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n');
    }
    const [host = '', port = ''] = target.split(':');
    const address = hosts[host];
    if (!address) return void client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    const upstream = connect(Number(port), address, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    stop: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
