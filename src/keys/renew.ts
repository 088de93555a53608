// Renewing a preview's key in place (renew: true). Pinecone keeps a key's secret when it is renamed, and the expiry
// this action gives a key lives in its name: renaming a live key of the same rendered name pushes its expiry out,
// and the preview that holds its value need not be redeployed. Only a name this action made for a kept key
// (cleanup: false) of this repository, not yet expired, is ever renamed — the newest, if several (post retires the
// others, as with replace). With lifetime: pull-request, only a key of the same pull request.
import type { AdminApi } from '../api/admin-api.js';
import type { ApiKey } from '../api/types.js';
import { buildKeyName, newNonce, parseKeyName, type KeyOwner } from '../rules/names.js';
import type { Log } from '../runtime/step.js';

export interface RenewRequest {
  base: string;
  owner: KeyOwner;
  roles: string[];
  expiresAt: Date;
  /** Pinecone's time: what counts as live. */
  now: number;
}

/** The renamed key and its new name; `undefined` when no live key of this rendered name is there to renew. */
export async function renewInPlace(
  api: AdminApi,
  log: Log,
  random: () => number,
  request: RenewRequest,
  listed: readonly ApiKey[],
): Promise<{ key: ApiKey; name: string } | undefined> {
  const repositoryId = request.owner.run?.repositoryId;
  const live = listed.flatMap((key) => {
    const parsed = parseKeyName(key.name);
    const ours =
      parsed?.base === request.base &&
      parsed.kind === request.owner.kind &&
      parsed.pullRequest === request.owner.pullRequest &&
      (!repositoryId || !parsed.run || parsed.run.repositoryId === repositoryId);
    return ours && parsed.expiresAt.getTime() > request.now ? [{ key, expiresAt: parsed.expiresAt.getTime() }] : [];
  });
  const newest = live.sort((a, b) => b.expiresAt - a.expiresAt)[0]?.key;
  if (!newest) return undefined;
  const name = buildKeyName(
    request.base,
    request.owner,
    request.expiresAt,
    newNonce((max) => Math.floor(random() * max)),
  );
  log.info(
    `Renewing API key ${newest.name} (${newest.id}) in place: renaming it ${name}, with roles ${request.roles.join(', ')} (expires ${request.expiresAt.toISOString()}).`,
  );
  return { key: await api.updateKey(newest.id, { name, roles: request.roles }), name };
}
