// The keyless broker as operators run it: the committed bundle (dist/broker/index.js) as its own process, with its
// policy file and environment, in front of the Pinecone emulator and a fake GitHub OIDC issuer. Its stdout is kept
// line by line (the decision log); `stop` sends SIGTERM and waits for the drain.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DEFAULT_API_VERSION } from '../../src/api/pinecone/versions.js';
import type { GitHubApp } from '../../src/broker/jobs/app-config.js';
import { readPolicy } from '../../src/broker/policy/policy.js';
import { startBroker } from '../../src/broker/serve.js';
import { BrokerKeys } from '../../src/broker/own/own-keys.js';
import type { KeyKind, RunRef } from '../../src/rules/names.js';
import type { StoredKey } from '../emulator/server.js';
import { NODE_24, ROOT } from '../runner/runner.js';
import { CLIENT_ID, CLIENT_SECRET, wholeSecondsFromNow, type World } from './fixture.js';
import { type OidcIssuer, REQUEST_TOKEN } from './oidc-issuer.js';

export const AUDIENCE = 'https://pinecone-broker.test';
/** RFC 8693's grant type: what every mint posts. */
export const EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

type Form = Record<string, string | string[]>;

/** POSTs a form (a repeated field from an array) to the broker: its response, for a test that reads a header. */
export function postForm(url: string, path: string, fields: Form): Promise<Response> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields))
    for (const each of Array.isArray(value) ? value : [value]) body.append(name, each);
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
}

/** POSTs a form to the broker; the status and the JSON answer. */
export async function post(url: string, path: string, fields: Form): Promise<Answer> {
  const response = await postForm(url, path, fields);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The form of a POST /token as the action sends it (a nonce, the job's name) with `token`, and `extra` fields. */
export function mintForm(token: string, nonce: string, extra: Form = {}): Form {
  return { grant_type: EXCHANGE, subject_token: token, scope: 'DataPlaneEditor', nonce, job: 'test', ...extra };
}

/** POST /token with `token`, the same one as often as a test likes (mintForm's fields). */
export function mintWithToken(url: string, token: string, nonce: string, extra: Form = {}): Promise<Answer> {
  return post(url, '/token', mintForm(token, nonce, extra));
}

/** The claims GitHub puts in a token of the test run (test/runner/runner.ts's RUN_ENV), as strings like GitHub's. */
export const RUN_CLAIMS = {
  repository: 'octo-org/shop-api',
  repository_id: '829301755',
  repository_owner: 'octo-org',
  repository_owner_id: '4242',
  run_id: '16021984',
  run_number: '7',
  run_attempt: '1',
  workflow: 'CI',
  ref: 'refs/heads/main',
  sha: '0123456789abcdef0123456789abcdef01234567',
  event_name: 'push',
  actor: 'octocat',
  job_workflow_ref: 'octo-org/shop-api/.github/workflows/ci.yml@refs/heads/main',
  sub: 'repo:octo-org/shop-api:ref:refs/heads/main',
};

export function policyFor(issuer: OidcIssuer, world: World, extra = '', sweepInterval = '1h'): string {
  return `audience: ${AUDIENCE}
issuer: ${issuer.url}
server-url: https://github.com
sweep-interval: ${sweepInterval}
rules:
  - repository: octo-org/shop-api
    repository-owner-id: '4242'
    ref: refs/heads/*
    event: [push, pull_request]
    project: ${world.project.name}
    roles: [DataPlaneEditor, ControlPlaneViewer]
    max-ttl: 12h
    allow-kept-keys: true
${extra}`;
}

/** The job's id, as GitHub's tokens carry it since 2025-11 (RUN_CLAIMS has none). */
export const CHECK_RUN_ID = '30433642191';
/** RUN_CLAIMS with the job's id: a token of one job of the run. */
export const JOB_CLAIMS = { ...RUN_CLAIMS, check_run_id: CHECK_RUN_ID };

/** A live key the broker made in the world's project for another run of the same repository (or `run`'s). */
export function anotherRunsKey(world: World, nonce: string, run: RunRef = { ...RUN_REF, runId: '999' }) {
  return brokerKey(world, { base: 'gha-other', run, expiresInMs: 3600_000, nonce });
}

export interface BrokerKeyOf {
  base: string;
  run: RunRef;
  /** 'job' unless said. */
  kind?: KeyKind;
  /** From now, rounded down to the second; negative: expired. */
  expiresInMs: number;
  nonce: string;
}

/** A key's name as the broker makes them: tagged with its service account's (CLIENT_SECRET's) tag. */
export function brokerKeyName({ base, run, kind = 'job', expiresInMs, nonce }: BrokerKeyOf): string {
  return new BrokerKeys(CLIENT_SECRET).name(base, { kind, run }, wholeSecondsFromNow(expiresInMs), nonce);
}

/** A key the broker made (brokerKeyName), in the world's project unless `projectId` says. */
export function brokerKey(world: World, key: BrokerKeyOf & { projectId?: string }): StoredKey {
  return world.emulator.addKey(key.projectId ?? world.project.id, brokerKeyName(key));
}

/** The run RUN_CLAIMS names, as a key's name carries it. */
export const RUN_REF: RunRef = { repositoryId: '829301755', runId: '16021984', attempt: 1 };

/** The broker in-process (its real HTTP server) in front of the world's emulator; its decision lines to `write`. */
export function startBrokerInProcess(
  world: World,
  policy: string,
  write: (line: string) => void = () => undefined,
  app?: GitHubApp,
) {
  const connection = {
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    apiUrl: world.emulator.url,
    authUrl: world.emulator.authUrl,
    apiVersion: DEFAULT_API_VERSION,
  };
  return startBroker(
    {
      policy: readPolicy(policy),
      connection,
      host: '127.0.0.1',
      port: 0,
      metrics: { host: '127.0.0.1', port: 0 },
      app,
    },
    write,
  );
}

export interface BrokerProcess {
  url: string;
  /** GET /metrics, on its own listener (METRICS_PORT=0 here). */
  metricsUrl: string;
  child: ChildProcess;
  lines: string[];
  /** Everything the process printed, stdout and stderr. */
  output: () => string;
  /** SIGTERM, then the exit code once it has drained. */
  stop: () => Promise<number | null>;
}

export async function startBrokerProcess(options: {
  world: World;
  policy: string;
  node?: string;
  env?: Record<string, string>;
  port?: number;
  /** Open files the process may hold (soft and hard, so Node cannot raise it), as in a container. */
  maxFiles?: number;
}): Promise<BrokerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'broker-'));
  const config = join(dir, 'policy.yml');
  writeFileSync(config, options.policy);
  const command = [options.node ?? NODE_24, join(ROOT, 'dist/broker/index.js')];
  if (options.maxFiles) command.unshift('prlimit', `--nofile=${options.maxFiles}:${options.maxFiles}`);
  const child = spawn(command[0]!, command.slice(1), {
    env: {
      PATH: process.env['PATH'] ?? '',
      PINECONE_BROKER_CONFIG: config,
      PINECONE_CLIENT_ID: CLIENT_ID,
      PINECONE_CLIENT_SECRET: CLIENT_SECRET,
      PINECONE_API_URL: options.world.emulator.url,
      PINECONE_AUTH_URL: options.world.emulator.authUrl,
      HOST: '127.0.0.1',
      PORT: String(options.port ?? 0),
      METRICS_PORT: '0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = await new Promise<Record<string, unknown>>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const parsed = safeJson(line);
      if (parsed?.['event'] === 'listening') resolve(parsed);
    });
    void exited.then((code) => reject(new Error(`the broker exited (${code}) before listening: ${stderr}`)));
  });
  return {
    url: String(listening['url']),
    metricsUrl: String(listening['metrics']),
    child,
    lines,
    output: () => `${lines.join('\n')}\n${stderr}`,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** The job's side of the runner's OIDC protocol, for the action's inputs and environment. */
export function brokerJob(issuer: OidcIssuer, broker: { url: string }) {
  return {
    with: { 'broker-url': broker.url, 'broker-audience': AUDIENCE, project: '', 'client-id': '', 'client-secret': '' },
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${issuer.url}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
    },
  };
}

/** What a broker printed, line by line: a BrokerProcess's, or an in-process broker's (AppBroker). */
export interface PrintedLines {
  lines: string[];
  /** Everything printed, for a failure's message. */
  output(): string;
}

/** Resolves once the broker has finished `count` sweeps (the first runs at start); throws after `timeoutMs`. */
export async function sweeps(broker: PrintedLines, count = 1, timeoutMs = 10_000): Promise<void> {
  const done = () =>
    decisions(broker).filter((line) => line['action'] === 'sweep' && line['outcome'] === 'done').length;
  for (let waited = 0; done() < count; waited += 20) {
    if (waited > timeoutMs) throw new Error(`the broker did not sweep ${count} times:\n${broker.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The decision lines (JSON with an `action`) among what the broker printed. */
export function decisions(broker: Pick<PrintedLines, 'lines'>): Array<Record<string, unknown>> {
  return broker.lines.map(safeJson).filter((line): line is Record<string, unknown> => !!line && 'action' in line);
}

function safeJson(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
