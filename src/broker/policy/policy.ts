// The keyless broker's policy (docs/BROKER.md): which workflows may get which key, decided outside the workflow,
// where a pull request cannot change it. The file is YAML (JSON is YAML too); a bad one stops the broker at start
// with one line naming the field. A request is matched on the verified token's claims, never on what its body
// says (match.ts).
import { parse } from 'yaml';
import { BROKER_PROJECT_KEY_QUOTA, BROKER_PROJECT_KEY_RESERVE } from '../../base/policy.js';
import { ROLES, type Role } from '../../inputs/roles.js';
import { foreignAudience, unpinnedOwner } from './admission.js';
import {
  count,
  duration,
  flag,
  list,
  numericId,
  optional,
  optionalText,
  originOf,
  PolicyError,
  record,
  text_,
} from './fields.js';

export { PolicyError } from './fields.js';

const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const KNOWN = ['audience', 'issuer', 'server-url', 'sweep-interval', 'rules'];
const DEFAULT_MAX_TTL_MS = 6 * 3_600_000; // the action's default ttl

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
  /** No `max-live-keys`: maxLiveKeys is an equal share with the other rules of its project (withShares). */
  sharesByDefault: boolean;
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
  /** false: the key is kept after the job, which the rule must allow. */
  cleanup?: boolean;
}

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
    sharesByDefault: rule['max-live-keys'] === undefined,
    allowKept: flag(rule['allow-kept-keys'], `${at}.allow-kept-keys`),
  };
}

/**
 * A rule without `max-live-keys` gets an equal share, with the other rules of its project, of the project's assumed
 * quota less the slots left to keys the broker does not make (20 − 4: one rule 16, two rules 8 each). Read from the
 * file, rules share a project when they name it alike; once the broker has resolved them (`projectOf`: the ID), when
 * they name the same project, by ID or by name.
 */
export function withShares(rules: Rule[], projectOf: (rule: Rule) => string = (rule) => rule.project): Rule[] {
  const sharing = (project: string) => rules.filter((rule) => projectOf(rule) === project).length;
  const shared = BROKER_PROJECT_KEY_QUOTA - BROKER_PROJECT_KEY_RESERVE;
  for (const rule of rules)
    if (rule.sharesByDefault) rule.maxLiveKeys = Math.max(1, Math.floor(shared / sharing(projectOf(rule))));
  return rules;
}
