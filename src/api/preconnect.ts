// Early connections: the TCP and TLS handshakes of the requests a step is about to send, started while it waits
// for something else (the login), so that they leave the critical path. `http.Agent#createConnection` is the
// documented hook for custom connections: the agent takes a warm socket when one is there, a fresh one otherwise.
import type { Agent } from 'node:http';
import { getProxyUrl } from '@actions/http-client';
import { isIP, type NetConnectOpts, type Socket } from 'node:net';
import { DELETE_CONCURRENCY } from '../base/policy.js';

/** What a step is about to send at once, right after its login: the API decides how many connections that takes. */
export interface Upcoming {
  creates?: number;
  lists?: number;
  deletes?: number;
}

export interface Preconnect {
  /** Opens the connections the next requests to `url`'s host will use. */
  open: (url: string, connections: number) => void;
  dispose: () => void;
}

/**
 * How many connections to open to the API while logging in. The login and the API live on different hosts in
 * production (login.pinecone.io, api.pinecone.io): every request after the login needs a connection of its own.
 * On one host, the login's connection is handed to the first request: only requests beyond one need more (and the
 * login takes one of them, hence all of them).
 */
export function connectionsFor(upcoming: Upcoming, oneHost: boolean): number {
  const parallel =
    (upcoming.creates ?? 0) + (upcoming.lists ?? 0) + Math.min(upcoming.deletes ?? 0, DELETE_CONCURRENCY);
  if (oneHost && parallel <= 1) return 0;
  return Math.max(1, parallel);
}

export function createPreconnect(agentFor: (url: string) => Agent): Preconnect {
  const warm = new Map<string, Socket[]>(); // "host:port" → connections opened before the requests that use them
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
  return {
    open(url, connections) {
      if (connections <= 0 || getProxyUrl(url)) return; // a tunnel agent makes connections of its own
      const target = new URL(url);
      const host = target.hostname;
      const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80);
      const agent = adopt(agentFor(url));
      // What http.Agent itself would pass.
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
    },
    dispose() {
      for (const socket of [...warm.values()].flat()) socket.destroy();
    },
  };
}
