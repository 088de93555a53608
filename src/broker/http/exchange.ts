// The token endpoint's request, read as RFC 8693 has it: `grant_type`, `subject_token`, `subject_token_type`, with
// `audience`, `resource`, `scope` and `requested_token_type` optional. What the action adds (`nonce`, `job`, `name`,
// `ttl`, `budget_ms`, `cleanup`, `project`) is optional too, so a standard client needs nothing of its own: the job
// comes from the token's `check_run_id` claim, the nonce from the token itself (revoking that token finds the key:
// revocation.ts), the roles and the ttl from the rule.
import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { InputError } from '../../base/errors.js';
import { BROKER_MIN_BUDGET_MS } from '../../base/policy.js';
import { hasControlCharacters } from '../../base/text.js';
import { parseDuration } from '../../inputs/durations.js';
import { MAX_TTL_MS } from '../../inputs/inputs.js';
import { ROLES, type Role } from '../../inputs/roles.js';
import { MAX_NAME_LENGTH } from '../../rules/names.js';
import { Refusal } from '../service/decisions.js';
import type { MintAsk } from '../service/mint.js';

export const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const SUBJECT_TOKEN_TYPES = [
  'urn:ietf:params:oauth:token-type:id_token',
  'urn:ietf:params:oauth:token-type:jwt',
];
/** What the broker issues: a Pinecone API key (not an OAuth access token: `token_type` is N_A, as RFC 8693 allows). */
export const API_KEY_TOKEN_TYPE = 'urn:pinecone:params:oauth:token-type:api-key';
/** The action's name template; a request without `job` and without a `check_run_id` claim gets one without {job}. */
export const DEFAULT_NAME = 'gha-{repo}-{run_id}-{run_attempt}-{job}';
const NAME_WITHOUT_JOB = 'gha-{repo}-{run_id}-{run_attempt}';

/** A request's parameters by name: form fields or JSON members, each possibly repeated. */
export type Params = (name: string) => string[];

/** The mint a request asks for; `audience` is the broker's own (the policy's), which `audience`/`resource` must name. */
export function mintAsk(params: Params, token: string, audience: string): MintAsk {
  const grant = one(params, 'grant_type');
  if (grant !== TOKEN_EXCHANGE)
    throw new Refusal('unsupported_grant_type', `This broker takes grant_type ${TOKEN_EXCHANGE} only.`);
  const type = optional(params, 'subject_token_type') ?? SUBJECT_TOKEN_TYPES[0]!;
  if (!SUBJECT_TOKEN_TYPES.includes(type))
    throw new InputError(`subject_token_type must be one of ${SUBJECT_TOKEN_TYPES.join(', ')}.`);
  const requested = optional(params, 'requested_token_type');
  if (requested !== undefined && requested !== API_KEY_TOKEN_TYPE)
    throw new InputError(`requested_token_type: this broker issues ${API_KEY_TOKEN_TYPE} only.`);
  for (const name of ['audience', 'resource'])
    for (const target of params(name).map((value) => value.trim()))
      if (!sameTarget(target, audience))
        throw new Refusal('invalid_target', `${name} ${target} is not this broker: it issues keys for ${audience}.`);
  const nonce = optional(params, 'nonce') ?? nonceOf(token);
  if (!/^[a-z0-9]{6}$/.test(nonce)) throw new InputError('nonce: 6 characters a-z0-9.');
  const job = optional(params, 'job') ?? checkRunId(token) ?? '';
  if (job.length > MAX_NAME_LENGTH || hasControlCharacters(job))
    throw new InputError('job: the job id, one short line.');
  const nameTemplate = optional(params, 'name') ?? (job === '' ? NAME_WITHOUT_JOB : DEFAULT_NAME);
  if (job === '' && nameTemplate.includes('{job}'))
    throw new InputError(
      "job: the name template uses {job}, and the token carries no check_run_id: give the job's id.",
    );
  const budget = budgetOf(params);
  const cleanup = optional(params, 'cleanup') ?? 'true';
  if (cleanup !== 'true' && cleanup !== 'false') throw new InputError('cleanup: true or false.');
  const scope = optional(params, 'scope');
  const ttl = optional(params, 'ttl');
  return {
    ...(budget !== undefined ? { budgetMs: budget } : {}),
    ...(scope !== undefined ? { roles: rolesOf(scope) } : {}),
    ...(ttl !== undefined ? { ttlMs: parseDuration(ttl, 'ttl', { min: 1000, max: MAX_TTL_MS }) } : {}),
    project: optional(params, 'project'),
    nameTemplate,
    job,
    nonce,
    cleanup: cleanup === 'true',
  };
}

/**
 * The nonce a request without one gets: drawn from its subject token, so that revoking that same token (RFC 7009)
 * finds the key by its name even when the client never read the answer.
 */
export function nonceOf(token: string): string {
  const n = createHash('sha256').update(token).digest().readUInt32BE(0) % 36 ** 6;
  return n.toString(36).padStart(6, '0');
}

/** The job's check run (GitHub's tokens carry it since 2025-11); the token is verified before any of it is used. */
function checkRunId(token: string): string | undefined {
  try {
    const claim = decodeJwt(token)['check_run_id'];
    return typeof claim === 'string' || typeof claim === 'number' ? String(claim) : undefined;
  } catch {
    return undefined; // not a JWT: the verification says so in its own words
  }
}

/** RFC 6749's scope is space-delimited; the action sends the same words. An unknown role is invalid_scope. */
function rolesOf(scope: string): Role[] {
  const roles: Role[] = [];
  for (const word of scope.split(/[\s,]+/).filter(Boolean)) {
    const role = ROLES.find((known) => known.toLowerCase() === word.toLowerCase());
    if (!role) throw new Refusal('invalid_scope', `scope: unknown role ${word}; roles are ${ROLES.join(', ')}.`);
    if (!roles.includes(role)) roles.push(role);
  }
  if (roles.length === 0) throw new Refusal('invalid_scope', `scope: name at least one of ${ROLES.join(', ')}.`);
  return roles;
}

function sameTarget(target: string, audience: string): boolean {
  return target.replace(/\/+$/, '') === audience.replace(/\/+$/, '');
}

/**
 * How long the job waits for the answer (budget_ms): the broker gives up on Pinecone before it does. A mint needs at
 * least BROKER_MIN_BUDGET_MS (less cannot send a create and still clean it up when its answer is late); a revoke
 * takes any budget, since a delete that runs out of time leaves nothing new behind, and a post step near its own
 * timeout must still be able to ask.
 */
export function budgetOf(params: Params, floorMs = BROKER_MIN_BUDGET_MS): number | undefined {
  const budget = optional(params, 'budget_ms');
  if (budget === undefined) return undefined;
  if (!/^\d{1,9}$/.test(budget)) throw new InputError('budget_ms: a whole number of milliseconds.');
  if (Number(budget) < floorMs) throw new InputError(`budget_ms: at least ${floorMs}; asked for ${budget}.`);
  return Number(budget);
}

export function optional(params: Params, name: string): string | undefined {
  const values = params(name);
  if (values.length > 1) throw new InputError(`${name} is given more than once.`);
  const value = values[0]?.trim();
  return value === '' ? undefined : value;
}

export function one(params: Params, name: string): string {
  const value = optional(params, name);
  if (value === undefined) throw new InputError(`${name} is required.`);
  return value;
}

/** Repeated, or comma-separated. */
export function list(params: Params, name: string): string[] {
  return params(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}
