// Creating the key, which is not idempotent: a request whose answer was lost may or may not have made a key.
// We cannot hand such a key over (we never saw its secret), so whatever it made is deleted and the create is
// sent again under a fresh name (journal/create-once.ts): never a key left, never two.
import type { AdminApi, ApiKey } from '../api/pinecone/admin-api.js';
import { buildTaggedKeyName, newNonce, type KeyOwner, type NameTag } from '../rules/names.js';
import { createOnce } from '../journal/create-once.js';
import type { Journal } from '../journal/journal.js';
import type { Log } from '../runtime/step.js';

export interface KeyRequest {
  projectId: string;
  base: string;
  owner: KeyOwner;
  roles: string[];
  expiresAt: Date;
  /** Direct mode's key-name tag: what later lets renew and replace tell this key from one anyone could name. */
  tag: NameTag;
}

export interface CreatedKey {
  key: ApiKey;
  value: string;
  name: string;
}

export async function createExactlyOnce(
  api: AdminApi,
  journal: Journal,
  log: Log,
  random: () => number,
  request: KeyRequest,
): Promise<CreatedKey> {
  const { made, name } = await createOnce({
    thing: 'API key',
    short: 'key',
    events: journal.creates('key'),
    log,
    nextName: () =>
      buildTaggedKeyName(
        request.base,
        request.owner,
        request.expiresAt,
        newNonce((max) => Math.floor(random() * max)),
        request.tag,
      ),
    announce: (name) =>
      `Creating API key ${name} with roles ${request.roles.join(', ')} (expires ${request.expiresAt.toISOString()}).`,
    send: (name) => api.createKey(request.projectId, name, request.roles),
    idOf: (created) => created.key.id,
    recover: async (name) => {
      await removeByName(api, request.projectId, name, log);
      return undefined;
    },
  });
  return { ...made, name };
}

/** Deletes whatever a create whose answer was lost made under `name` (we never saw its secret). */
export async function removeByName(api: AdminApi, projectId: string, name: string, log: Log): Promise<void> {
  const strays = (await api.listKeys(projectId)).filter((key) => key.name === name);
  for (const stray of strays) {
    await api.deleteKey(stray.id);
    log.info(`Deleted key ${stray.id}, made by the lost request: its secret never reached us.`);
  }
}
