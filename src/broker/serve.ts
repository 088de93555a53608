// The broker as a process: configuration from its environment (a mistake stops it with one line), the HTTP API,
// its own sweep every `sweep-interval`, and a drain on SIGTERM or SIGINT (no new requests; the ones in flight are
// answered, so no key is minted and then dropped) before it exits.
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { createHttpTransport } from '../api/transport.js';
import { ActionError } from '../base/errors.js';
import { BROKER_DRAIN_LIMIT_MS } from '../base/policy.js';
import { readBrokerConfig, type BrokerConfig } from './config.js';
import { Metrics } from './metrics.js';
import { createBrokerServer } from './server.js';
import { Broker, type Decision } from './service.js';
import { oidcVerifier } from './verify.js';

const USER_AGENT = 'pinecone-ephemeral-key-broker/1';

export interface RunningBroker {
  url: string;
  broker: Broker;
  metrics: Metrics;
  /** Stops taking requests, answers those in flight, stops the sweep. */
  drain: () => Promise<void>;
}

export async function startBroker(
  config: BrokerConfig,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<RunningBroker> {
  const { transport, preconnect, dispose } = createHttpTransport(USER_AGENT);
  const log = (decision: Decision) => write(JSON.stringify(decision));
  const metrics: Metrics = new Metrics(() => broker.logins);
  const broker = new Broker({
    policy: config.policy,
    connection: config.connection,
    verifier: oidcVerifier({ issuer: config.policy.issuer, audience: config.policy.audience }),
    transport: metrics.timed(transport, Date.now),
    preconnect,
    now: Date.now,
    sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
    random: Math.random,
    decide: log,
  });
  await broker.start().catch((error: unknown) => {
    dispose();
    throw error;
  });
  const state = { draining: false };
  const server = createBrokerServer(broker, metrics, state);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const stopSweep = new AbortController();
  const sweeping = sweepEvery(config.policy.sweepIntervalMs, broker, metrics, stopSweep.signal, write);
  write(JSON.stringify({ time: new Date().toISOString(), event: 'listening', url, rules: config.policy.rules.length }));

  const drain = async () => {
    if (state.draining) return;
    state.draining = true;
    stopSweep.abort();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await Promise.race([Promise.all([closed, sweeping]), delay(BROKER_DRAIN_LIMIT_MS)]);
    server.closeAllConnections();
    dispose();
    write(JSON.stringify({ time: new Date().toISOString(), event: 'drained' }));
  };
  return { url, broker, metrics, drain };
}

/** The broker's own sweep: the first right after start, then every `intervalMs`; a failure waits for the next. */
async function sweepEvery(
  intervalMs: number,
  broker: Broker,
  metrics: Metrics,
  signal: AbortSignal,
  write: (line: string) => void,
): Promise<void> {
  while (!signal.aborted) {
    try {
      const deleted = await broker.sweep(signal);
      metrics.swept += deleted;
      write(JSON.stringify({ time: new Date().toISOString(), action: 'sweep', outcome: 'done', deleted }));
    } catch (error) {
      metrics.sweepFailures += 1;
      const reason = error instanceof ActionError ? error.message : String(error);
      write(JSON.stringify({ time: new Date().toISOString(), action: 'sweep', outcome: 'error', reason }));
    }
    await delay(intervalMs, undefined, { signal }).catch(() => undefined);
  }
}

/** What `node dist/broker/index.js` runs. */
export async function run(): Promise<void> {
  let config: BrokerConfig;
  try {
    config = readBrokerConfig(process.env);
  } catch (error) {
    process.stderr.write(`pinecone-broker: ${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  let running: RunningBroker;
  try {
    running = await startBroker(config);
  } catch (error) {
    // A rule's project that no longer resolves, or resolves to several: one line, before it listens.
    if (!(error instanceof ActionError)) throw error;
    process.stderr.write(`pinecone-broker: ${process.env['PINECONE_BROKER_CONFIG']}: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  const stop = () => void running.drain().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
