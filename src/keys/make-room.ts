// A project full of keys (403 QUOTA_EXCEEDED) would stay full while expired keys of this action hold its quota:
// delete those now and try the create once more. If it is still full, say what holds the quota.
import { QuotaError, type AdminApi, type ApiKey } from '../api/admin-api.js';
import { DELETE_CONCURRENCY } from '../base/policy.js';
import { forEachBounded } from '../base/pool.js';
import { ActionError } from '../base/errors.js';
import { planSweep } from '../rules/sweep-plan.js';
import type { Log } from '../runtime/step.js';

export async function createMakingRoom<T>(
  create: () => Promise<T>,
  room: {
    api: AdminApi;
    log: Log;
    projectId: string;
    sweepExpired: boolean;
    listKeys: () => Promise<ApiKey[]>;
    now: () => number;
  },
): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (!(error instanceof QuotaError)) throw error;
    if (!room.sweepExpired) {
      throw new ActionError(
        `${error.message} With sweep-expired: true (the default) this action deletes its own expired keys to make room.`,
      );
    }
    const keys = await room.listKeys();
    const expired = planSweep(keys, { match: '', expiredOnly: true, now: room.now() }).verdicts.filter((v) => v.remove);
    if (expired.length === 0) throw explain(error, keys, room.projectId, room.now());
    room.log.info(
      `The project is full: deleting ${expired.length} expired key(s) this action made, then trying again.`,
    );
    await forEachBounded(expired, DELETE_CONCURRENCY, async ({ key }) => {
      await room.api.deleteKey(key.id);
      room.log.info(`Deleted expired API key ${key.name} (${key.id}).`);
    });
    try {
      return await create();
    } catch (again) {
      if (again instanceof QuotaError) throw explain(again, await room.listKeys(), room.projectId, room.now());
      throw again;
    }
  }
}

function explain(error: QuotaError, keys: ApiKey[], projectId: string, now: number): ActionError {
  const plan = planSweep(keys, { match: '', expiredOnly: true, now });
  const ours = plan.verdicts.map((v) => v.key.name).slice(0, 5);
  const more = plan.verdicts.length > ours.length ? `, and ${plan.verdicts.length - ours.length} more` : '';
  return new ActionError(
    `Pinecone refused to create the API key: project ${projectId} holds ${keys.length} API keys, as many as its quota allows (${error.answered}). ` +
      `${plan.verdicts.length} of them were made by this action and none has expired${ours.length ? ` (${ours.join(', ')}${more})` : ''}; ${plan.foreign} were made otherwise. ` +
      'Delete keys you no longer need in the Pinecone console, or give this action a shorter ttl.',
  );
}
