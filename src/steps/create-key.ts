// Creating the key, which is not idempotent: a request whose answer was lost may or may not have made a key.
// We cannot hand such a key over (we never saw its secret), so whatever it made is deleted and the create is
// sent again under a fresh name: never a key left, never two. Every name is in the journal before it is sent.
import type { AdminApi, ApiKey } from '../api/admin-api.js';
import { CREATE_TRIES } from '../api/policy.js';
import { ActionError, OutcomeUnknownError } from '../base/errors.js';
import { buildKeyName, newNonce, type KeyOwner } from '../rules/key-name.js';
import type { Journal } from './journal.js';
import type { Log } from './step.js';

export interface KeyRequest {
  projectId: string;
  base: string;
  owner: KeyOwner;
  roles: string[];
  expiresAt: Date;
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
  let lost = '';
  for (let attempt = 1; attempt <= CREATE_TRIES; attempt++) {
    const name = buildKeyName(
      request.base,
      request.owner,
      request.expiresAt,
      newNonce((max) => Math.floor(random() * max)),
    );
    journal.sendingCreate(name);
    log.info(
      `Creating API key ${name} with roles ${request.roles.join(', ')} (expires ${request.expiresAt.toISOString()}).`,
    );
    try {
      const created = await api.createKey(request.projectId, name, request.roles);
      journal.created(created.key.id, name);
      return { ...created, name };
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError)) {
        journal.noKeyMade(name);
        throw error;
      }
      lost = error.message;
      log.warning(`The answer to the create request was lost (${error.message}); checking whether the key was made.`);
      await removeByName(api, request.projectId, name, log);
      journal.answerLost();
    }
  }
  throw new ActionError(
    `Could not create the API key: Pinecone's answer was lost ${CREATE_TRIES} times (last: ${lost}). Try again later.`,
  );
}

async function removeByName(api: AdminApi, projectId: string, name: string, log: Log): Promise<void> {
  const strays = (await api.listKeys(projectId)).filter((key) => key.name === name);
  for (const stray of strays) {
    await api.deleteKey(stray.id);
    log.info(`Deleted key ${stray.id}, made by the lost request: its secret never reached us.`);
  }
}
