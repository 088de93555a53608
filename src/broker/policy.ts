// The keyless broker's policy (docs/BROKER.md): which workflows may get which key, decided outside the workflow,
// where a pull request cannot change it. The file is YAML (JSON is YAML too); a bad one stops the broker at start
// with one line naming the field. A request is matched on the verified token's claims, never on what its body
// says: the first rule whose match holds decides, and the request may ask for no more than it allows.
import { parse } from 'yaml';
import { ActionError } from '../base/errors.js';
import { parseDuration } from '../inputs/durations.js';
import { BROKER_PROJECT_KEY_QUOTA } from '../base/policy.js';
import { MAX_TTL_MS } from '../inputs/inputs.js';
import { ROLES, type Role } from '../inputs/roles.js';
import { globMatches } from '../rules/glob.js';
import { foreignAudience, OUTSIDE_INPUT_EVENTS, unpinnedOwner } from './admission.js';

const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const KNOWN = ['audience', 'issuer', 'server-url', 'sweep-interval', 'rules'];
const DEFAULT_MAX_TTL_MS = 6 * 3_600_000; // the action's default ttl
const LIMITS = { min: 1000, max: MAX_TTL_MS };

export interface Rule {
  /** Glob on the token's `repository` (owner/name). */
  repository: string;
  repositoryId?: string;
  /** The owner's numeric id (`repository_owner_id`): survives a rename of the organization. */
  repositoryOwnerId?: string;
  /** Glob on `ref`. */
  ref?: string;
  events?: string[];
  environment?: string;
  /** Glob on `job_workflow_ref`. */
  workflowRef?: string;
  /** A project ID or exact name. */
  project: string;
  /** The most a key may have. */
  roles: Role[];
  maxTtlMs: number;
  /** How many live keys the broker gives one job (one `check_run_id`) at a time. */
  maxKeysPerJob: number;
  /** How many live keys the rule's jobs may hold together: one rule never fills the project's quota for the others. */
  maxLiveKeys: number;
  /** Keys kept after the job (cleanup: false): refused unless the rule says `allow-kept-keys: true`. */
  allowKept: boolean;
}

export interface Policy {
  audience: string;
  issuer: string;
  /** The GitHub instance the issuer serves (names carry its tag, as the action's do); absent: github.com. */
  serverUrl: string | undefined;
  sweepIntervalMs: number;
  rules: Rule[];
}

/** The claims of a verified GitHub Actions OIDC token that a decision reads. */
export interface Claims {
  repository: string;
  repository_id?: string;
  repository_owner_id?: string;
  ref?: string;
  event_name?: string;
  environment?: string;
  job_workflow_ref?: string;
}

/** What a job asks for; the token's claims say who asks. */
export interface Ask {
  roles: Role[];
  ttlMs: number;
  /** Given: it must be the rule's. */
  project?: string;
  /** false: the key is kept after the job, which the rule must allow. */
  cleanup?: boolean;
}

export class PolicyError extends ActionError {}

/** The policy in `text`, or a PolicyError naming the field that is wrong and how. */
export function readPolicy(text: string): Policy {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    throw new PolicyError(`The policy file is not YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const root = record(doc, 'the policy file');
  for (const key of Object.keys(root))
    if (!KNOWN.includes(key))
      throw new PolicyError(`${key}: unknown field. Fields of the policy: ${KNOWN.join(', ')}.`);
  const issuer = optionalText(root, 'issuer', 'issuer') ?? GITHUB_ISSUER;
  // GHES issues tokens at https://HOST/_services/token: the instance is the issuer's origin. GitHub's own issuer,
  // also with an enterprise's slug after it (https://token.actions.githubusercontent.com/<slug>), is github.com's.
  const github = issuer === GITHUB_ISSUER || issuer.startsWith(`${GITHUB_ISSUER}/`);
  const given = optionalText(root, 'server-url', 'server-url') ?? (github ? undefined : originOf(issuer));
  const serverUrl = given === 'https://github.com' ? undefined : given;
  const audience = text_(root, 'audience', 'audience');
  const foreign = foreignAudience(audience, serverUrl);
  if (foreign)
    throw new PolicyError(`audience: "${audience}" is ${foreign}; give the broker one of its own, such as its URL.`);
  return {
    audience,
    issuer,
    serverUrl,
    sweepIntervalMs: duration(root['sweep-interval'] ?? '1m', 'sweep-interval'),
    rules: withShares(list(root['rules'], 'rules').map((entry, i) => readRule(entry, `rules[${i}]`))),
  };
}

function readRule(entry: unknown, at: string): Rule {
  const rule = record(entry, at);
  const known = [
    'repository',
    'repository-id',
    'repository-owner-id',
    'ref',
    'event',
    'environment',
    'workflow-ref',
    'project',
    'roles',
    'max-ttl',
    'max-keys-per-job',
    'max-live-keys',
    'allow-kept-keys',
  ];
  for (const key of Object.keys(rule))
    if (!known.includes(key))
      throw new PolicyError(`${at}.${key}: unknown field. Fields of a rule: ${known.join(', ')}.`);
  const roles = list(rule['roles'], `${at}.roles`).map((role, j) => {
    const name = ROLES.find((known) => known === role);
    if (!name) throw new PolicyError(`${at}.roles[${j}]: unknown role "${String(role)}". Roles: ${ROLES.join(', ')}.`);
    return name;
  });
  if (roles.length === 0) throw new PolicyError(`${at}.roles: name at least one role.`);
  const event = rule['event'];
  const events =
    event === undefined ? undefined : typeof event === 'string' ? [event] : list(event, `${at}.event`).map(String);
  const repositoryId = numericId(rule, 'repository-id', at, 'repository');
  const repositoryOwnerId = numericId(rule, 'repository-owner-id', at, 'owner');
  const repository = text_(rule, 'repository', `${at}.repository`);
  const unpinned = unpinnedOwner(
    { repository, ...optional('repositoryId', repositoryId), ...optional('repositoryOwnerId', repositoryOwnerId) },
    at,
  );
  if (unpinned) throw new PolicyError(unpinned);
  return {
    repository,
    ...optional('repositoryId', repositoryId),
    ...optional('repositoryOwnerId', repositoryOwnerId),
    ...optional('ref', optionalText(rule, 'ref', `${at}.ref`)),
    ...(events ? { events } : {}),
    ...optional('environment', optionalText(rule, 'environment', `${at}.environment`)),
    ...optional('workflowRef', optionalText(rule, 'workflow-ref', `${at}.workflow-ref`)),
    project: text_(rule, 'project', `${at}.project`),
    roles,
    maxTtlMs: rule['max-ttl'] === undefined ? DEFAULT_MAX_TTL_MS : duration(rule['max-ttl'], `${at}.max-ttl`),
    maxKeysPerJob: count(rule['max-keys-per-job'] ?? 1, `${at}.max-keys-per-job`),
    maxLiveKeys: rule['max-live-keys'] === undefined ? 0 : count(rule['max-live-keys'], `${at}.max-live-keys`),
    allowKept: flag(rule['allow-kept-keys'], `${at}.allow-kept-keys`),
  };
}

/** The first rule whose match holds for these claims (revoke looks in its project). */
export function ruleFor(policy: Policy, claims: Claims): { rule: Rule; index: number } | undefined {
  const index = policy.rules.findIndex((rule) => matches(rule, claims));
  const rule = policy.rules[index];
  return rule ? { rule, index } : undefined;
}

/** The rule that lets these claims have what they ask, or the one line that says why not. */
export function decide(policy: Policy, claims: Claims, ask: Ask): { rule: Rule; index: number } | { refused: string } {
  const { rule, index } = ruleFor(policy, claims) ?? { rule: undefined, index: -1 };
  if (!rule) {
    const event = claims.event_name ?? '(none)';
    const listed = Object.hasOwn(OUTSIDE_INPUT_EVENTS, event)
      ? `; a rule admits ${event} only by listing it in event`
      : '';
    return {
      refused: `No rule of the policy lets repository ${claims.repository} have a key (ref ${claims.ref ?? '(none)'}, event ${event}${listed}).`,
    };
  }
  const name = `rules[${index}] (${rule.repository})`;
  const beyond = ask.roles.filter((role) => !rule.roles.includes(role));
  if (beyond.length > 0)
    return { refused: `${name} allows roles ${rule.roles.join(', ')}; asked for ${beyond.join(', ')} beyond them.` };
  if (ask.ttlMs > rule.maxTtlMs)
    return { refused: `${name} allows a ttl of at most ${rule.maxTtlMs / 1000}s; asked for ${ask.ttlMs / 1000}s.` };
  if (ask.cleanup === false && !rule.allowKept)
    return {
      refused: `${name} gives no key kept after its job (cleanup: false); the rule would need allow-kept-keys: true.`,
    };
  if (ask.project !== undefined && ask.project !== '' && ask.project !== rule.project)
    return { refused: `${name} gives keys in project ${rule.project}; asked for ${ask.project}.` };
  return { rule, index };
}

function matches(rule: Rule, claims: Claims): boolean {
  const glob = (pattern: string | undefined, value: string | undefined) =>
    pattern === undefined || (value !== undefined && globMatches(pattern, value));
  return (
    glob(rule.repository, claims.repository) &&
    (rule.repositoryId === undefined || rule.repositoryId === claims.repository_id) &&
    (rule.repositoryOwnerId === undefined || rule.repositoryOwnerId === claims.repository_owner_id) &&
    glob(rule.ref, claims.ref) &&
    eventAdmitted(rule.events, claims.event_name) &&
    (rule.environment === undefined || rule.environment === claims.environment) &&
    glob(rule.workflowRef, claims.job_workflow_ref)
  );
}

/** Listed by the rule; with no `event`, any event but those that run default-branch code on outside input. */
function eventAdmitted(events: string[] | undefined, event: string | undefined): boolean {
  if (events !== undefined) return event !== undefined && events.includes(event);
  return event === undefined || !Object.hasOwn(OUTSIDE_INPUT_EVENTS, event);
}

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

function record(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new PolicyError(`${at}: expected a mapping of fields.`);
  return value as Record<string, unknown>;
}

function list(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) throw new PolicyError(`${at}: expected a list.`);
  return value;
}

function text_(from: Record<string, unknown>, key: string, at: string): string {
  const value = optionalText(from, key, at);
  if (value === undefined) throw new PolicyError(`${at}: required.`);
  return value;
}

function optionalText(from: Record<string, unknown>, key: string, at: string): string | undefined {
  const value = from[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new PolicyError(`${at}: expected text.`);
  return value;
}

/** A numeric id (`repository-id`, `repository-owner-id`): digits, quoted or not. */
function numericId(rule: Record<string, unknown>, key: string, at: string, what: string): string | undefined {
  const value = rule[key];
  if (value === undefined) return undefined;
  const text = typeof value === 'number' || typeof value === 'string' ? String(value) : '';
  if (!/^\d+$/.test(text)) throw new PolicyError(`${at}.${key}: a numeric ${what} id, in quotes (e.g. "123456789").`);
  return text;
}

/** A rule without `max-live-keys` gets an equal share of its project's quota with the other rules of that project. */
function withShares(rules: Rule[]): Rule[] {
  const sharing = (project: string) => rules.filter((rule) => rule.project === project).length;
  for (const rule of rules)
    if (rule.maxLiveKeys === 0)
      rule.maxLiveKeys = Math.max(1, Math.floor(BROKER_PROJECT_KEY_QUOTA / sharing(rule.project)));
  return rules;
}

function flag(value: unknown, at: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new PolicyError(`${at}: true or false.`);
  return value;
}

/** A whole number from 1 up. */
function count(value: unknown, at: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  throw new PolicyError(`${at}: a whole number from 1 up (e.g. 2).`);
}

function originOf(issuer: string): string {
  try {
    return new URL(issuer).origin;
  } catch {
    throw new PolicyError(`issuer: "${issuer}" is not a URL.`);
  }
}

function duration(value: unknown, at: string): number {
  try {
    return parseDuration(String(value), at, LIMITS);
  } catch (error) {
    throw new PolicyError((error as Error).message);
  }
}
