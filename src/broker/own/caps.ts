// How many live keys the broker lets a job hold (a rule's `max-keys-per-job`, default 1) and a rule's jobs together
// (`max-live-keys`, default a share of the project's quota), with no memory shared between replicas: Pinecone's key
// list is the shared state. Before a create, one list says whether the job or the rule is at its cap (the refusal
// names the keys that hold it); after it, a second list settles a race between replicas (or a replayed token sent
// to several at once): a new key goes when the others already fill the cap. The later of two racing creates always
// lists after both, so at most the cap stays (in a tight race, fewer: the mint tries once more, create.ts), unless
// that list fails. A key's rule is a 3-character mark of the rule's match in its name (names.ts).
import { createHash } from 'node:crypto';
import type { AdminApi } from '../../api/pinecone/admin-api.js';
import type { ApiKey } from '../../api/pinecone/types.js';
import type { RunRef } from '../../rules/names.js';
import { BROKER_KEY_LIST_MAX_AGE_MS } from '../../base/policy.js';
import { ofJob, type BrokerKeys } from './own-keys.js';
import type { Rule } from '../policy/policy.js';

/**
 * The project's key list, shared by the mints that ask at once: a list started at or after `since` serves them all
 * (before a create: one up to BROKER_KEY_LIST_MAX_AGE_MS old; after it: only one started once the create returned).
 */
export class KeyLists {
  private readonly last = new Map<string, { started: number; list: Promise<ApiKey[]> }>();

  constructor(readonly now: () => number) {}

  /** A list started after `since` (strictly: one sent in the same millisecond as a create returned may miss it). */
  list(api: AdminApi, projectId: string, since: number): Promise<ApiKey[]> {
    const last = this.last.get(projectId);
    if (last && last.started > since) return last.list;
    const entry = { started: this.now(), list: api.listKeys(projectId) };
    this.last.set(projectId, entry);
    entry.list.catch(() => this.last.get(projectId) === entry && this.last.delete(projectId));
    return entry.list;
  }

  /** After a revoke here: the next mint lists again (another replica may see the old list for up to its age). */
  forget(projectId: string): void {
    this.last.delete(projectId);
  }
}

/**
 * Mints of one job at this replica, one after another: a replayed token sent to one replica many times at once ends
 * with one key, decided by the list (the one after a create is shared by the next mint's check before its own).
 * Replicas still race each other; the lists settle that.
 */
export class OneJobAtATime {
  private readonly last = new Map<string, Promise<unknown>>();

  run<T>(job: string | undefined, work: () => Promise<T>): Promise<T> {
    if (!job) return work();
    const done = (this.last.get(job) ?? Promise.resolve()).then(work, work);
    const settled = done.then(
      () => undefined,
      () => undefined,
    );
    this.last.set(job, settled);
    void settled.then(() => this.last.get(job) === settled && this.last.delete(job));
    return done;
  }
}

export interface CapContext {
  lists: KeyLists;
  keys: BrokerKeys;
  run: RunRef;
  rule: Rule;
  /** `rules[i] (repository)`, for the refusal. */
  label: string;
}

/** The mark of a rule in its keys' names: what it matches and where it mints, so a reordered policy keeps it. */
export function ruleMark(rule: Rule): string {
  const { repository, repositoryId, repositoryOwnerId, ref, events, environment, workflowRef, project } = rule;
  const what = JSON.stringify([
    repository,
    repositoryId,
    repositoryOwnerId,
    ref,
    events,
    environment,
    workflowRef,
    project,
  ]);
  return (createHash('sha256').update(what).digest().readUInt32BE(0) % 36 ** 3).toString(36).padStart(3, '0');
}

/** The refusal when the job, or the rule, already holds its live keys, naming them; `undefined` otherwise. */
export async function atCap(
  api: AdminApi,
  projectId: string,
  context: CapContext,
  fresh = false,
): Promise<string | undefined> {
  // `fresh`: a list started now, shared with no other mint (a retry after a lost race must see who won since).
  const since = context.lists.now() - (fresh ? 0 : BROKER_KEY_LIST_MAX_AGE_MS);
  const list = context.lists.list(api, projectId, since);
  const { job, rule } = holders(await list, context);
  const max = context.rule.maxKeysPerJob;
  if (job && job.length >= max)
    return `${context.label} gives a job ${max} live key${max === 1 ? '' : 's'}; this job holds ${names(job)}. Its post step revokes it; ask again after that.`;
  if (rule.length >= context.rule.maxLiveKeys)
    return `${context.label} holds its ${context.rule.maxLiveKeys} live keys (max-live-keys): ${names(rule.slice(0, 5))}${rule.length > 5 ? ` and ${rule.length - 5} more` : ''}. Ask again when one is revoked or swept.`;
  return undefined;
}

/** After a create: the refusal when `created` is past a cap in ID order (a concurrent mint won the race). */
export async function pastCap(
  api: AdminApi,
  projectId: string,
  created: string,
  context: CapContext,
): Promise<string | undefined> {
  const { job, rule } = holders(await context.lists.list(api, projectId, context.lists.now()), context);
  // Every other key already counts: its maker may have kept it on a list that did not show this one yet. Two racing
  // creates can then both go (the job asks again), but never both stay.
  const others = (keys: readonly ApiKey[]) => keys.filter((key) => key.id !== created);
  const max = context.rule.maxKeysPerJob;
  if (job && others(job).length >= max)
    return `${context.label} gives a job ${max} live key${max === 1 ? '' : 's'}; this job holds ${names(others(job).slice(0, max))}, made at the same time. Its post step revokes it; ask again after that.`;
  if (others(rule).length >= context.rule.maxLiveKeys)
    return `${context.label} holds its ${context.rule.maxLiveKeys} live keys (max-live-keys), the last made at the same time. Ask again when one is revoked or swept.`;
  return undefined;
}

/** The broker's keys of this job (`undefined`: the token names no job) and of this rule that exist, in order of ID. */
function holders(list: readonly ApiKey[], context: CapContext): { job: ApiKey[] | undefined; rule: ApiKey[] } {
  const mark = ruleMark(context.rule);
  const job: ApiKey[] = [];
  const rule: ApiKey[] = [];
  for (const key of [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const parsed = context.keys.parse(key.name);
    // Expired keys count too: a Pinecone key works until it is deleted, and the sweep keeps a running job's key past
    // its expiry. Otherwise a job could mint a key of 1 s after another, each still working.
    if (!parsed) continue;
    if (parsed.run?.rule === mark) rule.push(key);
    if (context.run.job && ofJob(parsed.run, context.run)) job.push(key);
  }
  return { job: context.run.job ? job : undefined, rule };
}

const names = (keys: readonly ApiKey[]) => keys.map((key) => `${key.name ?? ''} (${key.id})`).join(', ');
