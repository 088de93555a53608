// The broker's configuration, read once at start from its environment and its policy file: a mistake stops it
// there with one line that names the variable or the field (policy.ts), before it listens.
import { readFileSync } from 'node:fs';
import type { Connection } from '../api/pinecone/types.js';
import { API_VERSION_FORMAT, DEFAULT_API_VERSION } from '../api/pinecone/versions.js';
import { ActionError } from '../base/errors.js';
import { secureOrLoopback } from '../inputs/checks.js';
import { AppConfigError, readGitHubApp, type GitHubApp } from './jobs/app-config.js';
import { readPolicy, type Policy } from './policy/policy.js';

export interface BrokerConfig {
  policy: Policy;
  connection: Connection;
  host: string;
  port: number;
  /** GET /metrics on a listener of its own, on loopback unless METRICS_HOST says otherwise; none when unset. */
  metrics?: { host: string; port: number } | undefined;
  /** The GitHub App that tells whether a job still runs; none: expiry alone decides. */
  app?: GitHubApp | undefined;
}

export class ConfigError extends ActionError {}

export function readBrokerConfig(
  env: NodeJS.ProcessEnv,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): BrokerConfig {
  const path = need(env, 'PINECONE_BROKER_CONFIG', 'the path of the policy file (YAML; see docs/BROKER.md)');
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    throw new ConfigError(
      `PINECONE_BROKER_CONFIG: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).`,
    );
  }
  let policy: Policy;
  try {
    policy = readPolicy(text);
  } catch (error) {
    throw new ConfigError(`${path}: ${(error as Error).message}`);
  }
  const apiUrl = url(env, 'PINECONE_API_URL', 'https://api.pinecone.io');
  const authUrl = url(env, 'PINECONE_AUTH_URL', 'https://login.pinecone.io/oauth/token');
  if (new URL(apiUrl).protocol !== new URL(authUrl).protocol)
    throw new ConfigError(
      'PINECONE_API_URL and PINECONE_AUTH_URL must use the same scheme (both https://, or both http:// for a local emulator).',
    );
  const apiVersion = env['PINECONE_API_VERSION'] || DEFAULT_API_VERSION;
  if (!API_VERSION_FORMAT.test(apiVersion))
    throw new ConfigError(
      `PINECONE_API_VERSION "${apiVersion}" is not a Pinecone API version: use one such as ${DEFAULT_API_VERSION}, or leave it unset.`,
    );
  const connection: Connection = {
    clientId: need(env, 'PINECONE_CLIENT_ID', "the service account's client ID"),
    clientSecret: need(env, 'PINECONE_CLIENT_SECRET', "the service account's client secret"),
    apiUrl,
    authUrl,
    apiVersion,
  };
  const port = portOf(env, 'PORT', '8080')!;
  const metricsPort = portOf(env, 'METRICS_PORT', '');
  const metrics =
    metricsPort === undefined ? undefined : { host: env['METRICS_HOST'] || '127.0.0.1', port: metricsPort };
  let app: GitHubApp | undefined;
  try {
    app = readGitHubApp(env, readFile);
  } catch (error) {
    throw error instanceof AppConfigError ? new ConfigError(error.message) : error;
  }
  if (app) url({ GITHUB_API_URL: app.apiUrl }, 'GITHUB_API_URL', app.apiUrl);
  return { policy, connection, host: env['HOST'] || '0.0.0.0', port, metrics, app };
}

function portOf(env: NodeJS.ProcessEnv, name: string, fallback: string): number | undefined {
  const text = env[name]?.trim() || fallback;
  if (text === '') return undefined;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535)
    throw new ConfigError(`${name} "${env[name]}" is not a port number (0 to 65535).`);
  return port;
}

function need(env: NodeJS.ProcessEnv, name: string, what: string): string {
  const value = env[name]?.trim() ?? '';
  if (value === '') throw new ConfigError(`${name} is empty: give ${what}.`);
  return value;
}

/** https, or http on a loopback address only (the emulator in tests and the demo). */
function url(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]?.trim() || fallback;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(`${name} "${value}" is not a URL.`);
  }
  if (secureOrLoopback(parsed)) return value;
  throw new ConfigError(`${name} "${value}" must use https:// (http:// only on a loopback address).`);
}
