// Who may hold a connection to the broker. Anyone can open one without a token, so connections are capped, overall
// and per client address, and at the cap the oldest connection that holds no request being answered (idle, or
// still sending its request) makes room: a thousand idle or slow clients cannot shut a caller out. A drain ends
// those at once and waits only for requests being answered.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { BROKER_MAX_CONNECTIONS, BROKER_MAX_CONNECTIONS_PER_ADDRESS } from '../../base/policy.js';

export interface Guard {
  /** The request was read: its connection is answering it, and is not ended to make room or by a drain. */
  taken: (req: IncomingMessage, res: ServerResponse) => void;
  /** Ends every connection not answering a request; how many are. */
  endIdle: () => number;
  /** Connections refused or ended to make room, for the metrics. */
  readonly shed: number;
}

export function guardConnections(server: Server): Guard {
  const open = new Set<Socket>(); // in the order they came
  const busy = new Set<Socket>();
  const byAddress = new Map<string, number>();
  let shed = 0;

  const endOldestIdle = (among: (socket: Socket) => boolean): boolean => {
    for (const socket of open) {
      if (busy.has(socket) || !among(socket)) continue;
      shed += 1;
      socket.destroy();
      forget(socket);
      return true;
    }
    return false;
  };
  const forget = (socket: Socket) => {
    if (!open.delete(socket)) return;
    busy.delete(socket);
    const address = socket.remoteAddress ?? '';
    const count = (byAddress.get(address) ?? 1) - 1;
    if (count > 0) byAddress.set(address, count);
    else byAddress.delete(address);
  };

  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const from = (other: Socket) => (other.remoteAddress ?? '') === address;
    const room =
      ((byAddress.get(address) ?? 0) < BROKER_MAX_CONNECTIONS_PER_ADDRESS || endOldestIdle(from)) &&
      (open.size < BROKER_MAX_CONNECTIONS || endOldestIdle(() => true));
    if (!room) {
      shed += 1;
      socket.destroy();
      return;
    }
    open.add(socket);
    byAddress.set(address, (byAddress.get(address) ?? 0) + 1);
    socket.once('close', () => forget(socket));
  });

  return {
    taken: (req, res) => {
      const socket = req.socket;
      if (!open.has(socket)) return;
      busy.add(socket);
      res.once('close', () => busy.delete(socket));
    },
    endIdle: () => {
      for (const socket of [...open]) {
        if (busy.has(socket)) continue;
        socket.destroy();
        forget(socket);
      }
      return busy.size;
    },
    get shed() {
      return shed;
    },
  };
}
