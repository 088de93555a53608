// Reads and checks every input before any request leaves; each problem is one line that says how to fix it.
import { parseDuration } from './durations.js';
import { asUserError } from './errors.js';
import { checkTemplate } from './key-name.js';
import { parseRoles, type Role } from './roles.js';

export type GetInput = (name: string) => string;

export interface Connection {
  clientId: string;
  clientSecret: string;
  apiUrl: string;
  authUrl: string;
  apiVersion: string;
}

export interface MainInputs {
  /** `undefined` when a credential is missing (fork PRs and Dependabot get no secrets). */
  connection: Connection | undefined;
  missingCredentials: string;
  project: string;
  roles: Role[];
  nameTemplate: string;
  ttlMs: number;
  exportEnv: string;
  onMissingCredentials: 'fail' | 'skip';
  onCleanupError: 'fail' | 'warn';
  timeoutMs: number;
  cleanup: boolean;
  sweepExpired: boolean;
  replace: boolean;
}

export const MAX_TTL_MS = 90 * 86_400_000;
const MAX_TIMEOUT_MS = 30 * 60_000;
/** The post step's own budget never exceeds this: after a cancel, all post steps share about 4¾ minutes. */
export const MAX_POST_BUDGET_MS = 3 * 60_000;
const LOOPBACK = new Set(['localhost', '[::1]']);

export function readMainInputs(input: GetInput, env: NodeJS.ProcessEnv): MainInputs {
  return asUserError(() => {
    const nameTemplate = input('name');
    checkTemplate(nameTemplate);
    return {
      ...readConnectionInputs(input, env),
      project: required(input, 'project'),
      roles: parseRoles(input('roles')),
      nameTemplate,
      ttlMs: parseDuration(input('ttl'), 'Input "ttl"', { min: 1000, max: MAX_TTL_MS }),
      exportEnv: readEnvName(input('export-env')),
      onMissingCredentials: choice(input, 'on-missing-credentials', ['fail', 'skip']),
      onCleanupError: choice(input, 'on-cleanup-error', ['fail', 'warn']),
      timeoutMs: parseDuration(input('timeout'), 'Input "timeout"', { min: 1000, max: MAX_TIMEOUT_MS }),
      cleanup: bool(input, 'cleanup'),
      sweepExpired: bool(input, 'sweep-expired'),
      replace: bool(input, 'replace'),
    };
  });
}

/** The sweep sub-action's inputs. */
export function readSweepInputs(input: GetInput, env: NodeJS.ProcessEnv) {
  return asUserError(() => ({
    ...readConnectionInputs(input, env),
    project: required(input, 'project'),
    match: input('match').trim(),
    expiredOnly: bool(input, 'expired-only'),
    dryRun: bool(input, 'dry-run'),
    onMissingCredentials: choice(input, 'on-missing-credentials', ['fail', 'skip']),
    timeoutMs: parseDuration(input('timeout'), 'Input "timeout"', { min: 1000, max: MAX_TIMEOUT_MS }),
  }));
}

/** What the post step needs: the inputs are evaluated again for it. */
export function readPostInputs(input: GetInput, env: NodeJS.ProcessEnv) {
  return asUserError(() => ({
    ...readConnectionInputs(input, env),
    onCleanupError: choice(input, 'on-cleanup-error', ['fail', 'warn']),
    timeoutMs: Math.min(
      MAX_POST_BUDGET_MS,
      parseDuration(input('timeout'), 'Input "timeout"', { min: 1000, max: MAX_TIMEOUT_MS }),
    ),
  }));
}

/** The client secret, from the input or the environment: every step masks it before reading anything else. */
export function readClientSecret(input: GetInput, env: NodeJS.ProcessEnv): string {
  return input('client-secret') || env['PINECONE_CLIENT_SECRET'] || '';
}

export function readConnectionInputs(input: GetInput, env: NodeJS.ProcessEnv) {
  const clientId = input('client-id') || env['PINECONE_CLIENT_ID'] || '';
  const secret = readClientSecret(input, env);
  const missing = [
    clientId ? '' : 'client-id (or env PINECONE_CLIENT_ID)',
    secret ? '' : 'client-secret (or env PINECONE_CLIENT_SECRET)',
  ].filter(Boolean);
  const apiUrl = readUrl(input, 'api-url');
  const authUrl = readUrl(input, 'auth-url');
  // @actions/http-client keeps one agent per client, for the scheme it met first: the other would fail obscurely.
  if (new URL(apiUrl).protocol !== new URL(authUrl).protocol) {
    throw new Error(
      `Inputs "api-url" (${apiUrl}) and "auth-url" (${authUrl}) must use the same scheme: both https://, or both http:// for a local emulator.`,
    );
  }
  const apiVersion = input('api-version').trim();
  if (!/^\d{4}-\d{2}$/.test(apiVersion)) {
    throw new Error(
      `Input "api-version" "${apiVersion}" is not a Pinecone API version: use a date version such as 2025-10.`,
    );
  }
  return {
    connection: missing.length === 0 ? { clientId, clientSecret: secret, apiUrl, authUrl, apiVersion } : undefined,
    missingCredentials: missing.join(' and '),
  };
}

/** https only, except loopback hosts (tests, local emulators); never credentials or redirects elsewhere. */
export function readUrl(input: GetInput, name: string): string {
  const text = required(input, name);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`Input "${name}" "${text}" is not a URL: give an absolute https:// URL.`);
  }
  const loopback = LOOPBACK.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(
      `Input "${name}" must use https:// (http:// only for localhost, 127.0.0.1 or [::1]); got "${url.protocol}//${url.host}".`,
    );
  }
  if (url.username || url.password) throw new Error(`Input "${name}" must not carry a user name or password.`);
  if (url.search || url.hash) throw new Error(`Input "${name}" must not have a query or fragment.`);
  return url.href.replace(/\/+$/, '');
}

function readEnvName(name: string): string {
  const value = name.trim();
  if (value === '') return '';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) {
    throw new Error(
      `Input "export-env" "${value}" is not an environment variable name: use letters, digits and _ (or leave it empty to export nothing).`,
    );
  }
  if (value.toUpperCase() === 'NODE_OPTIONS' || /^(GITHUB|RUNNER)_/i.test(value)) {
    throw new Error(
      `Input "export-env" "${value}" is reserved by the runner: choose another name, e.g. PINECONE_API_KEY.`,
    );
  }
  return value;
}

function required(input: GetInput, name: string): string {
  const value = input(name).trim();
  if (value === '') throw new Error(`Input "${name}" is required and empty.`);
  return value;
}

function choice<T extends string>(input: GetInput, name: string, options: readonly T[]): T {
  const value = input(name).trim().toLowerCase();
  if (!(options as readonly string[]).includes(value)) {
    throw new Error(`Input "${name}" must be ${options.join(' or ')}; got "${value}".`);
  }
  return value as T;
}

/** YAML 1.2 booleans, as core.getBooleanInput reads them, with a message that names the input. */
function bool(input: GetInput, name: string): boolean {
  const value = input(name).trim();
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new Error(`Input "${name}" must be true or false; got "${value}".`);
}
