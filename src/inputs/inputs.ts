// Reads and checks every input before any request leaves; each problem is one line that says how to fix it.
// Credentials come first: a run without secrets (fork pull requests, Dependabot) with on-missing-credentials:
// skip is skipped before any other input is read, since configuration variables are missing there too.
import type { Connection } from '../api/pinecone/types.js';
import { API_VERSION_FORMAT, DEFAULT_API_VERSION } from '../api/pinecone/versions.js';
import { InputError } from '../base/errors.js';
import { checkTemplate, pullRequestTemplate } from '../rules/template.js';
import { bool, choice, envName, required, text, timeout, url, type GetInput } from './checks.js';
import { parseDuration } from './durations.js';
import { handoffSecretFor, readHandoffSecret } from './handoff-secret.js';
import { pullRequestKeeping, readLifetime, type Lifetime } from './lifetime.js';
import { parseRoles, type Role } from './roles.js';
import { DEFAULT_TTL_MS, MAX_POST_BUDGET_MS, PULL_REQUEST_TTL_MS } from '../base/policy.js';

export type { GetInput } from './checks.js';
export { readHandoffCredentials, readHandoffSecret } from './handoff-secret.js';

export const MAX_TTL_MS = 90 * 86_400_000;

export type Credentials =
  { clientId: string; clientSecret: string; missing: undefined } | { missing: string; onMissing: 'fail' | 'skip' };

/** The client secret, from the input or the environment: every step masks it before reading anything else. */
export function readClientSecret(input: GetInput, env: NodeJS.ProcessEnv): string {
  return input('client-secret') || env['PINECONE_CLIENT_SECRET'] || '';
}

/** The service account, or what is missing and what to do about it. */
export function readCredentials(input: GetInput, env: NodeJS.ProcessEnv): Credentials {
  const onMissing = choice(input, 'on-missing-credentials', ['fail', 'skip']);
  const clientId = text((name) => input(name) || env['PINECONE_CLIENT_ID'] || '', 'client-id');
  const clientSecret = readClientSecret(input, env);
  const missing = [
    clientId ? '' : 'client-id (or env PINECONE_CLIENT_ID)',
    clientSecret ? '' : 'client-secret (or env PINECONE_CLIENT_SECRET)',
  ].filter(Boolean);
  if (missing.length === 0) return { clientId, clientSecret, missing: undefined };
  return { missing: `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} empty`, onMissing };
}

function readConnection(input: GetInput, credentials: { clientId: string; clientSecret: string }): Connection {
  const apiUrl = url(input, 'api-url');
  const authUrl = url(input, 'auth-url');
  // @actions/http-client keeps one agent per client, for the scheme it met first: the other would fail obscurely.
  if (new URL(apiUrl).protocol !== new URL(authUrl).protocol) {
    throw new InputError(
      `Inputs "api-url" (${apiUrl}) and "auth-url" (${authUrl}) must use the same scheme: both https://, or both http:// for a local emulator.`,
    );
  }
  const apiVersion = text(input, 'api-version');
  if (!API_VERSION_FORMAT.test(apiVersion)) {
    throw new InputError(
      `Input "api-version" "${apiVersion}" is not a Pinecone API version: use a date version such as ${DEFAULT_API_VERSION} (or ${DEFAULT_API_VERSION}.alpha), or leave it out for ${DEFAULT_API_VERSION}.`,
    );
  }
  return { ...credentials, apiUrl, authUrl, apiVersion };
}

export interface MainInputs {
  connection: Connection;
  /** Empty with `newProject`. */
  project: string;
  /** A throwaway project is made for the key, named from `projectNameTemplate`. */
  newProject: boolean;
  projectNameTemplate: string;
  roles: Role[];
  nameTemplate: string;
  ttlMs: number;
  exportEnv: string;
  onCleanupError: 'fail' | 'warn';
  timeoutMs: number;
  cleanup: boolean;
  /** `pull-request`: the key outlives the job (cleanup false) and is renewed (renew true) until its pull request closes. */
  lifetime: Lifetime;
  /** Rename a live kept key of the same rendered name instead of creating one. */
  renew: boolean;
  sweepExpired: boolean;
  replace: boolean;
  share: boolean;
  /** With share: what seals the handoff. */
  handoffSecret: string;
  /** To ask GitHub whether the runs of expired keys are over before making room with them. */
  githubToken: string;
}

/** What a key is asked for with, in either mode (direct, or through the broker). */
export function readKeyAsk(input: GetInput, lifetime: Lifetime = 'job') {
  const nameTemplate = lifetime === 'pull-request' ? pullRequestTemplate(text(input, 'name')) : text(input, 'name');
  checkTemplate(nameTemplate);
  const ttl = text(input, 'ttl');
  const defaultTtl = lifetime === 'pull-request' ? PULL_REQUEST_TTL_MS : DEFAULT_TTL_MS;
  return {
    nameTemplate,
    roles: parseRoles(input('roles')), // one per line is allowed; only known role names pass
    ttlMs: ttl ? parseDuration(ttl, 'Input "ttl"', { min: 1000, max: MAX_TTL_MS }) : defaultTtl,
    exportEnv: envName(input, 'export-env'),
    timeoutMs: timeout(input),
    cleanup: bool(input, 'cleanup'),
  };
}

export function readMainInputs(
  input: GetInput,
  credentials: { clientId: string; clientSecret: string },
  env: NodeJS.ProcessEnv = {},
): MainInputs {
  const lifetime = readLifetime(input, env);
  const ask = readKeyAsk(input, lifetime);
  const { project, newProject, projectNameTemplate } = readProjectChoice(input, lifetime);
  const share = bool(input, 'share');
  const keeping =
    lifetime === 'pull-request'
      ? pullRequestKeeping(input, share, newProject)
      : jobKeeping(input, ask.cleanup, share, newProject);
  return {
    ...ask,
    ...keeping,
    lifetime,
    connection: readConnection(input, credentials),
    project,
    newProject,
    projectNameTemplate,
    onCleanupError: choice(input, 'on-cleanup-error', ['fail', 'warn']),
    sweepExpired: bool(input, 'sweep-expired'),
    share,
    handoffSecret: share ? handoffSecretFor(input, env, credentials) : '',
    githubToken: input('github-token').trim(),
  };
}

/** With lifetime: job, cleanup, renew and replace as given, and what cannot go together refused. */
function jobKeeping(input: GetInput, cleanup: boolean, share: boolean, newProject: boolean) {
  const renew = bool(input, 'renew');
  if (renew && (cleanup || share || newProject)) {
    throw new InputError(
      cleanup
        ? 'Input "renew: true" needs cleanup: false: only a key that outlives its job (a preview\'s) is renewed. Set cleanup: false, or drop renew.'
        : `Inputs "renew: true" and "${share ? 'share' : 'new-project'}: true" cannot go together: renew renames a key kept in a given project. Drop one of them.`,
    );
  }
  if (newProject && share) {
    throw new InputError(
      'Inputs "share: true" and "new-project: true" cannot go together: a throwaway project ends with its job, and a shared key must outlive it. Give share a project of its own (input project), or drop share.',
    );
  }
  return { cleanup, renew, replace: bool(input, 'replace') };
}

/** An existing project (`project`) or a throwaway one (`new-project: true`), never both, never neither. */
function readProjectChoice(input: GetInput, lifetime: Lifetime) {
  const project = text(input, 'project');
  const newProject = bool(input, 'new-project');
  if (newProject && project !== '') {
    throw new InputError(
      `Inputs "project" (${project}) and "new-project: true" are both given: new-project makes a throwaway project instead. Remove project, or set new-project: false to use that project.`,
    );
  }
  if (!newProject && project === '') {
    throw new InputError(
      'Input "project" is empty: give the ID or exact name of the project to create the key in, or set new-project: true for a throwaway project.',
    );
  }
  const template = newProject ? text(input, 'project-name') : '';
  const projectNameTemplate =
    newProject && lifetime === 'pull-request' ? pullRequestTemplate(template, 'project-name') : template;
  if (newProject) checkTemplate(projectNameTemplate, 'project-name');
  return { project, newProject, projectNameTemplate };
}

/** The sweep sub-action's inputs. */
export function readSweepInputs(input: GetInput, credentials: { clientId: string; clientSecret: string }) {
  const match = text(input, 'match');
  const expiredOnly = bool(input, 'expired-only');
  if (!expiredOnly && match === '') {
    throw new InputError(
      `Input "match" is empty while expired-only is false: that would delete every live key and throwaway project this action made. Give a pattern such as preview-pr-42-*, or match: '*' to mean every one.`,
    );
  }
  return {
    connection: readConnection(input, credentials),
    project: text(input, 'project'), // empty: only throwaway projects are swept
    match,
    expiredOnly,
    dryRun: bool(input, 'dry-run'),
    githubToken: input('github-token').trim(),
    timeoutMs: timeout(input),
  };
}

/** The use sub-action's inputs: the handoff, and where the key goes. */
export function readUseInputs(input: GetInput) {
  return { handoff: required(input, 'handoff'), exportEnv: envName(input, 'export-env') };
}

/** The revoke sub-action's inputs. */
export function readRevokeInputs(
  input: GetInput,
  credentials: { clientId: string; clientSecret: string },
  env: NodeJS.ProcessEnv = {},
) {
  const handoffSecret = readHandoffSecret(input, env);
  if (!handoffSecret)
    throw new InputError(
      'Input "handoff-secret" is empty: give the revoke step the handoff secret the key job sealed the handoff with (secret PINECONE_HANDOFF_SECRET).',
    );
  return {
    connection: readConnection(input, credentials),
    handoff: required(input, 'handoff'),
    handoffSecret,
    onCleanupError: choice(input, 'on-cleanup-error', ['fail', 'warn']),
    timeoutMs: timeout(input),
  };
}

/** What direct mode's post reads again, saved by main in its sealed journal (client-id: the one main used). */
export const POST_READS = ['api-url', 'auth-url', 'api-version', 'client-id', 'timeout', 'on-cleanup-error'] as const;

/** What the post step needs: main's inputs where main saved them (savedFirst), the client secret as given now. */
export function readPostInputs(input: GetInput, credentials: { clientId: string; clientSecret: string }) {
  return {
    connection: readConnection(input, credentials),
    githubToken: input('github-token').trim(),
    timeoutMs: Math.min(MAX_POST_BUDGET_MS, timeout(input)),
  };
}

/** Post's own reaction to a failed delete, read before anything can fail. */
export function readOnCleanupError(input: GetInput): 'fail' | 'warn' {
  return input('on-cleanup-error').trim().toLowerCase() === 'warn' ? 'warn' : 'fail';
}
