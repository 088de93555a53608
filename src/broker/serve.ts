// The broker as a process: configuration from its environment (a mistake stops it with one line), the HTTP API,
// its own sweep every `sweep-interval`, and a drain on SIGTERM or SIGINT (no new requests; the ones in flight are
// answered, so no key is minted and then dropped) before it exits.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { createHttpTransport } from '../api/transport.js';
import { ActionError } from '../base/errors.js';
import { BROKER_DRAIN_LIMIT_MS } from '../base/policy.js';
import { ConfigError, readBrokerConfig, type BrokerConfig } from './config.js';
import { Metrics } from './http/metrics.js';
import { createBrokerServer } from './http/server.js';
import type { Decision } from './service/decisions.js';
import { JobStates } from './jobs/job-states.js';
import { Broker } from './service/service.js';
import { oidcVerifier } from './policy/verify.js';
import { showUnseen } from '../base/text.js';

const USER_AGENT = 'pinecone-ephemeral-key-broker/1';

export interface RunningBroker {
  url: string;
  /** Where GET /metrics answers, when METRICS_PORT is set. */
  metricsUrl: string | undefined;
  broker: Broker;
  metrics: Metrics;
  /** Stops taking requests, ends idle connections, answers those in flight, stops the sweep. */
  drain: () => Promise<void>;
}

export async function startBroker(
  config: BrokerConfig,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<RunningBroker> {
  const { transport, preconnect, dispose } = createHttpTransport(USER_AGENT);
  const log = (decision: Decision) => write(decisionLine(decision));
  const metrics: Metrics = new Metrics(() => broker.logins);
  const told = (reason: string) => log({ time: new Date().toISOString(), action: 'sweep', outcome: 'error', reason });
  const jobs = config.app && new JobStates(config.app, Date.now, told);
  if (!jobs) write(JSON.stringify({ time: new Date().toISOString(), event: 'no-github-app', reason: NO_APP }));
  const broker = new Broker({
    jobs,
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
  const state = { draining: false, audience: config.policy.audience };
  const { server, guard } = createBrokerServer(broker, metrics, state);
  metrics.shed = () => guard.shed;
  const metricsServer = config.metrics && createServer((req, res) => serveMetrics(req, res, metrics));
  try {
    await listen(server, config.port, config.host);
    if (metricsServer && config.metrics) await listen(metricsServer, config.metrics.port, config.metrics.host);
  } catch (error) {
    server.close();
    dispose();
    throw error;
  }
  const url = urlOf(server, config.host);
  const metricsUrl =
    metricsServer && config.metrics ? `${urlOf(metricsServer, config.metrics.host)}/metrics` : undefined;

  const stopSweep = new AbortController();
  const sweeping = sweepEvery(config.policy.sweepIntervalMs, broker, metrics, stopSweep.signal, write);
  const listening = { time: new Date().toISOString(), event: 'listening', url, metrics: metricsUrl ?? 'off' };
  write(JSON.stringify({ ...listening, rules: config.policy.rules.length }));

  const drain = async () => {
    if (state.draining) return;
    state.draining = true;
    stopSweep.abort();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    guard.endIdle(); // idle, and slow to send their request: nothing of theirs is in flight
    await Promise.race([Promise.all([closed, sweeping]), delay(BROKER_DRAIN_LIMIT_MS)]);
    server.closeAllConnections();
    metricsServer?.close();
    metricsServer?.closeAllConnections();
    dispose();
    write(JSON.stringify({ time: new Date().toISOString(), event: 'drained' }));
  };
  return { url, metricsUrl, broker, metrics, drain };
}

/** Starts listening, or fails with one line that says what is in the way. */
async function listen(server: Server, port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${host}:${port}`;
      if (error.code === 'EADDRINUSE')
        reject(new ConfigError(`${where} is in use: stop what listens there, or set another port.`));
      else if (error.code === 'EACCES')
        reject(new ConfigError(`${where}: not allowed to listen there (a port under 1024?); set another port.`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        reject(new ConfigError(`${where}: no such address on this machine; check the host.`));
      else reject(new ConfigError(`${where}: cannot listen (${error.code ?? error.message}).`));
    });
    server.listen(port, host, resolve);
  });
}

function urlOf(server: Server, configured: string): string {
  const { port } = server.address() as AddressInfo;
  const host = configured === '0.0.0.0' || configured === '::' ? '127.0.0.1' : configured;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function serveMetrics(req: IncomingMessage, res: ServerResponse, metrics: Metrics): void {
  const found = req.method === 'GET' && new URL(req.url ?? '/', 'http://metrics').pathname === '/metrics';
  res.writeHead(found ? 200 : 404, { 'Content-Type': 'text/plain; version=0.0.4', 'Cache-Control': 'no-store' });
  res.end(found ? metrics.render() : 'GET /metrics\n');
}

/**
 * One JSON line. Claims are the caller's text: U+2028/U+2029 (line ends to some log viewers) and bidi controls
 * (which reorder what a reader sees) are escaped as the action's log lines escape them, as JSON allows.
 */
export function decisionLine(decision: object): string {
  return showUnseen(JSON.stringify(decision));
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

const NO_APP =
  "No GitHub App (GITHUB_APP_ID): the broker cannot tell a finished job from a running one, so a key's expiry alone decides.";

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
    if (error instanceof ConfigError) process.stderr.write(`pinecone-broker: ${error.message}\n`);
    // A rule's project that no longer resolves, or resolves to several: one line, before it listens.
    else if (error instanceof ActionError)
      process.stderr.write(`pinecone-broker: ${process.env['PINECONE_BROKER_CONFIG']}: ${error.message}\n`);
    else throw error;
    process.exitCode = 2;
    return;
  }
  const stop = () => void running.drain().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
