// A TCP relay that puts a network between the action and the emulator: every chunk waits half a round trip each
// way, and a connection's first bytes wait a whole round trip more, for the TCP handshake loopback does not have.
// Through it, a fresh HTTPS request costs 3 round trips (TCP, TLS 1.3, request) and a warm one 1, as in production.
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

function relay(from: Socket, to: Socket, delayMs: number, firstExtraMs: number): void {
  let due = 0;
  let extra = firstExtraMs;
  const later = (run: () => void) => {
    due = Math.max(performance.now() + delayMs + extra, due);
    extra = 0;
    setTimeout(run, due - performance.now());
  };
  from.on('data', (chunk: Buffer) => later(() => to.write(chunk)));
  from.on('end', () => later(() => to.end()));
  from.on('error', () => later(() => to.destroy()));
}

export async function startRelay(
  targetPort: number,
  rttMs: number,
): Promise<{ port: number; stop: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    track(client);
    track(upstream);
    relay(client, upstream, rttMs / 2, rttMs);
    relay(upstream, client, rttMs / 2, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
