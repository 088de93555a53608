// Renewing a preview's key in place (renew: true). Pinecone keeps a key's secret when it is renamed, and the expiry
// this action gives a key lives in its name: renaming a live key of the same rendered name pushes its expiry out,
// and the preview that holds its value need not be redeployed. A name anyone could type (a key planted by a job
// that holds only weaker roles) must not be enough: only a kept key (cleanup: false) whose name carries direct
// mode's tag under this service account's secret, made for this repository and not yet expired, is ever renamed —
// the newest, if several (post retires the others, as with replace). Its roles are never changed: asked for other
// roles, a new key is made. With lifetime: pull-request, only a key of the same pull request.
import type { AdminApi } from '../api/pinecone/admin-api.js';
import type { ApiKey } from '../api/pinecone/types.js';
import {
  buildTaggedKeyName,
  newNonce,
  parseAnyKeyName,
  parseTaggedKeyName,
  type KeyOwner,
  type NameTag,
  type RunRef,
} from '../rules/names.js';
import type { Log } from '../runtime/step.js';

export interface RenewRequest {
  base: string;
  owner: KeyOwner;
  roles: string[];
  expiresAt: Date;
  /** Pinecone's time: what counts as live. */
  now: number;
  /** Direct mode's key-name tag under this service account's secret. */
  tag: NameTag;
}

/** The renamed key and its new name; `undefined` when no key of ours is there to renew (a new key is made). */
export async function renewInPlace(
  api: AdminApi,
  log: Log,
  random: () => number,
  request: RenewRequest,
  listed: readonly ApiKey[],
): Promise<{ key: ApiKey; name: string } | undefined> {
  const tagged = listed.flatMap((key) => {
    const parsed = parseTaggedKeyName(key.name, request.tag);
    const ours =
      parsed?.base === request.base &&
      parsed.kind === request.owner.kind &&
      parsed.pullRequest === request.owner.pullRequest &&
      sameRepository(parsed.run, request.owner.run) &&
      parsed.expiresAt.getTime() > request.now;
    return ours ? [{ key, expiresAt: parsed.expiresAt.getTime() }] : [];
  });
  const newest = tagged.sort((a, b) => b.expiresAt - a.expiresAt)[0]?.key;
  const untagged = listed.filter((key) => {
    const parsed = parseAnyKeyName(key.name);
    return parsed?.base === request.base && !parseTaggedKeyName(key.name, request.tag);
  }).length;
  if (untagged > 0)
    log.info(
      `${untagged} key(s) named like ${request.base} carry no tag of this service account's direct mode (an earlier version's name, or one typed by hand): never renewed, left to their expiry.`,
    );
  if (!newest) {
    log.info(`No live key of this action named ${request.base} to renew: creating one.`);
    return undefined;
  }
  if (!sameRoles(newest.roles, request.roles)) {
    log.info(
      `Not renewing API key ${newest.name} (${newest.id}): it has roles ${newest.roles.join(', ')}, not ${request.roles.join(', ')} as asked, and renew never changes a key's roles. Creating a new key; the old one is left to replace or a sweep.`,
    );
    return undefined;
  }
  const name = buildTaggedKeyName(
    request.base,
    request.owner,
    request.expiresAt,
    newNonce((max) => Math.floor(random() * max)),
    request.tag,
  );
  log.info(
    `Renewing API key ${newest.name} (${newest.id}) in place: renaming it ${name} (expires ${request.expiresAt.toISOString()}); its roles stay ${newest.roles.join(', ')}.`,
  );
  return { key: await api.updateKey(newest.id, { name }), name };
}

/** Both made outside any run, or in the same repository of the same GitHub instance. */
function sameRepository(a: RunRef | undefined, b: RunRef | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.repositoryId === b.repositoryId && a.server === b.server;
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}
