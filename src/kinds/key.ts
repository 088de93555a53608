// The API key: made in a project, deleted by ID; a project full of keys refuses creates (403 QUOTA_EXCEEDED).
import type { AdminApi } from '../api/pinecone/admin-api.js';
import { QuotaError } from '../api/pinecone/admin-errors.js';
import type { ApiKey } from '../api/pinecone/types.js';
import { ActionError } from '../base/errors.js';
import { parseAnyKeyName, parseTaggedKeyName, type NameTag } from '../rules/names.js';
import { planSweep } from '../rules/sweep-plan.js';
import type { Log } from '../runtime/step.js';
import type { Kind } from './kind.js';

export function keyKind(
  /** The Admin API session, opened on first use (post decides what to do before it opens one). */
  api: () => AdminApi,
  log: Log,
  projectId: () => string,
  /** Direct mode's key-name tag (`nameTagFor(clientSecret, 'keyName')`), derived on first use. */
  tag: () => NameTag,
  list?: () => Promise<ApiKey[]>,
): Kind<ApiKey> {
  const listKeys = list ?? (() => api().listKeys(projectId()));
  const explain = (error: QuotaError, keys: readonly ApiKey[], now: number): ActionError => {
    const plan = planSweep(keys, { match: '', expiredOnly: true, now });
    const ours = plan.verdicts.map((v) => v.item.name).slice(0, 5);
    const more = plan.verdicts.length > ours.length ? `, and ${plan.verdicts.length - ours.length} more` : '';
    return new ActionError(
      `Pinecone refused to create the API key: project ${projectId()} holds ${keys.length} API keys, as many as its quota allows (${error.answered}). ` +
        `${plan.verdicts.length} of them were made by this action and none has expired${ours.length ? ` (${ours.join(', ')}${more})` : ''}; ${plan.foreign} were made otherwise. ` +
        'Delete keys you no longer need in the Pinecone console, or give this action a shorter ttl.',
    );
  };
  return {
    name: 'key',
    noun: 'API key',
    parse: parseAnyKeyName,
    ours: (name) => parseTaggedKeyName(name, tag()),
    holds: [],
    list: listKeys,
    remove: (key) => api().deleteKey(key.id),
    deleteOwn: async (key) => {
      log.info(`Deleting API key ${key.name} (${key.id}).`);
      const result = await api().deleteKey(key.id);
      log.info(result === 'deleted' ? `Deleted API key ${key.name}.` : `API key ${key.name} was already gone.`);
    },
    kept: (key, fate) =>
      fate === 'shared'
        ? `Keeping API key ${key.name} (${key.id}): it was handed to the workflow run (share: true), so the revoke job deletes it, or a sweep once it has expired.`
        : parseAnyKeyName(key.name)?.kind === 'pr'
          ? `Keeping API key ${key.name} (${key.id}) for pull request #${parseAnyKeyName(key.name)!.pullRequest} (lifetime: pull-request): the run that closes it deletes the key.`
          : `Keeping API key ${key.name} (${key.id}): cleanup is false, so a sweep deletes it once it has expired.`,
    notDeleted: (key, message) =>
      `Could not delete API key ${key.name} (${key.id}) in project ${projectId() || '(unknown)'}: ${message} Delete it by hand in the Pinecone console (project → API keys), or run the sweep sub-action.`,
    room: {
      isFull: (error) => error instanceof QuotaError,
      withoutSweep: (error) =>
        `${error.message} With sweep-expired: true (the default) this action deletes its own expired keys to make room.`,
      making: (count) => `The project is full: deleting ${count} expired key(s) this action made, then trying again.`,
      noneExpired: (error, keys, now) => explain(error as QuotaError, keys, now),
      spared: (error, count) =>
        new ActionError(
          `Pinecone refused to create the API key: project ${projectId()} holds as many API keys as its quota allows (${(error as QuotaError).answered}), and the ${count} expired key(s) of this action in it belong to runs still going, whose post steps delete them. Delete keys you no longer need in the Pinecone console, or try again once those runs are done.`,
        ),
      stillFull: async (error, now) => explain(error as QuotaError, await listKeys(), now),
    },
    sweep: {
      needsProject: true,
      outputs: { deleted: 'deleted', ids: 'deleted-ids', remaining: 'remaining' },
      census: (keys, plan, going) =>
        `Project ${projectId()} has ${keys.length} key(s): ${plan.verdicts.length} made by this action, ${plan.foreign} not (never touched). ${going}.`,
      summary: (_keys, plan, deleted) => ({
        lead:
          `${deleted} deleted; ${plan.verdicts.length - deleted} key(s) made by this action left; ${plan.foreign} key(s) not made by this action, never touched.` +
          (plan.otherRepositories
            ? ` ${plan.otherRepositories} of this action's keys were made in other repositories: left to their expiry.`
            : ''),
        column: 'Key',
      }),
    },
  };
}
