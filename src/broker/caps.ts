// How many live keys the broker lets a job hold (a rule's `max-keys-per-job`, default 1), with no memory shared
// between replicas: Pinecone's key list is the shared state. Before a create, one list says whether the job already
// holds its share (the refusal names the key it holds); after it, a second list settles a race between replicas
// (or a replayed token sent to several at once): the job's live keys in order of ID, and those past the cap go.
// Every replica orders the same list the same way, so exactly the cap survives. Pure but for the lists.
import type { AdminApi } from '../api/admin-api.js';
import type { ApiKey } from '../api/types.js';
import type { RunRef } from '../rules/names.js';
import { ofJob, type BrokerKeys } from './own-keys.js';

/** The broker's keys of this job that have not expired, in order of ID. */
export function keysOfJob(list: readonly ApiKey[], keys: BrokerKeys, run: RunRef, now: number): ApiKey[] {
  return list
    .filter((key) => {
      const parsed = keys.parse(key.name);
      return !!parsed && ofJob(parsed.run, run) && parsed.expiresAt.getTime() > now;
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The refusal when this job already holds `max` live keys, naming the one it holds; `undefined` otherwise. */
export async function jobAtCap(
  api: AdminApi,
  projectId: string,
  context: { keys: BrokerKeys; run: RunRef; now: number; max: number; rule: string },
): Promise<string | undefined> {
  if (!context.run.job) return undefined; // no check_run_id (an older GHES): the job cannot be told apart
  const held = keysOfJob(await api.listKeys(projectId), context.keys, context.run, context.now);
  if (held.length < context.max) return undefined;
  const named = held.map((key) => `${key.name ?? ''} (${key.id})`).join(', ');
  return `${context.rule} gives a job ${context.max} live key${context.max === 1 ? '' : 's'}; this job holds ${named}. Its post step revokes it; ask again after that.`;
}

/** After a create: whether `created` is past the job's cap (a concurrent mint for the same job won the race). */
export async function pastCap(
  api: AdminApi,
  projectId: string,
  created: string,
  context: { keys: BrokerKeys; run: RunRef; now: number; max: number },
): Promise<ApiKey[] | undefined> {
  if (!context.run.job) return undefined;
  const held = keysOfJob(await api.listKeys(projectId), context.keys, context.run, context.now);
  const at = held.findIndex((key) => key.id === created);
  return at >= context.max ? held.slice(0, context.max) : undefined;
}
