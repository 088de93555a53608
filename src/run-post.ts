// The post step: delete what main created. It runs after main succeeded, failed, crashed or was cancelled, so it
// trusts nothing but state, and reads it as a straight run of guard clauses.
import type { AdminApi } from './admin-api.js';
import { ActionError } from './errors.js';
import { readClientSecret, readPostInputs } from './inputs.js';
import { DELETE_CONCURRENCY, forEachBounded } from './pool.js';
import { Secrets } from './secrets.js';
import { loadState, type MainState } from './state.js';
import { openApi, reportFailure, type StepDeps } from './step.js';

/** When (after the first look) to look again for a key whose create was still unanswered when main stopped. */
export const LATE_COMMIT_CHECKS_MS = [0, 1_500, 3_000, 4_500];

export async function runPost(deps: StepDeps): Promise<void> {
  const { core } = deps;
  const state = loadState(core);
  const orphanNames = state.names.filter((name) => name !== state.keyName || !state.keyId);
  const deleteOwn = state.keyId !== '' && state.cleanup;
  const othersToDelete = orphanNames.length > 0 || state.retire.length > 0;
  if (!state.keyId && !othersToDelete) {
    core.info('Nothing to clean up: the main step created no key.');
    return;
  }
  if (state.keyId && !state.cleanup) {
    core.info(
      `Keeping API key ${state.keyName} (${state.keyId}): cleanup is false, so a sweep deletes it once it has expired.`,
    );
  }
  if (!deleteOwn && !othersToDelete) return;
  const secrets = new Secrets(core.setSecret);
  secrets.add(readClientSecret(core.getInput, deps.env));
  let inputs: ReturnType<typeof readPostInputs> | undefined;
  try {
    inputs = readPostInputs(core.getInput, deps.env);
    if (!inputs.connection) {
      throw new ActionError(
        `the credentials are missing in the post step (${inputs.missingCredentials} empty); pass them as inputs, which the post step reads again.`,
      );
    }
    const deadline = deps.now() + inputs.timeoutMs;
    const parallel = Math.max(1, (deleteOwn ? 1 : 0) + Math.min(state.retire.length, DELETE_CONCURRENCY));
    const api = openApi(deps, inputs.connection, inputs.timeoutMs, secrets, parallel);
    await api.login();
    // The job's own key and the keys main found to retire go in parallel: one round trip after the login.
    const [own] = await Promise.allSettled([
      deleteOwn ? deleteOwnKey(api, state, deps) : undefined,
      retire(api, state.retire, deps, secrets),
    ]);
    if (own.status === 'rejected') throw own.reason;
    if (orphanNames.length > 0) await deleteOrphans(api, state, orphanNames, deps, deadline);
  } catch (error) {
    const report = inputs?.onCleanupError === 'warn' ? core.warning : core.setFailed;
    const what = state.keyId ? `API key ${state.keyName} (${state.keyId})` : `API keys named ${orphanNames.join(', ')}`;
    reportFailure(core, error, secrets, (message) =>
      report(
        `Could not delete ${what} in project ${state.projectId || '(unknown)'}: ${message} Delete it by hand in the Pinecone console (project → API keys), or run the sweep sub-action.`,
      ),
    );
  }
}

async function deleteOwnKey(api: AdminApi, state: MainState, deps: StepDeps): Promise<void> {
  deps.core.info(`Deleting API key ${state.keyName} (${state.keyId}).`);
  const result = await api.deleteKey(state.keyId);
  deps.core.info(
    result === 'deleted' ? `Deleted API key ${state.keyName}.` : `API key ${state.keyName} was already gone.`,
  );
}

/** Expired keys of this action and, with `replace`, older ones of the same name. A failure here only warns. */
async function retire(api: AdminApi, keys: MainState['retire'], deps: StepDeps, secrets: Secrets): Promise<void> {
  const failures = await forEachBounded(keys, DELETE_CONCURRENCY, async (key) => {
    const result = await api.deleteKey(key.id);
    deps.core.info(`${result === 'deleted' ? 'Deleted' : 'Already gone:'} ${key.why} API key ${key.name} (${key.id}).`);
  });
  for (const { item, error } of failures) {
    deps.core.warning(
      secrets.redact(
        `Could not delete ${item.why} API key ${item.name} (${item.id}): ${(error as Error).message} A later run or a sweep will retry.`,
      ),
    );
  }
}

/**
 * Keys main asked for but never got an answer about: it died mid-create, was cancelled, or lost the answer.
 * Names carry a random nonce, so a key with one of these names can only be ours.
 */
async function deleteOrphans(
  api: AdminApi,
  state: MainState,
  names: string[],
  deps: StepDeps,
  deadline: number,
): Promise<void> {
  const { core } = deps;
  core.info(`Looking for keys main may have created without learning their ID: ${names.join(', ')}.`);
  // A create still in flight when main stopped may be carried out late: look again a few times, as long as
  // a third of the budget is left for the delete.
  const start = deps.now();
  const reserve = (deadline - start) / 3;
  const checks = state.inFlight ? LATE_COMMIT_CHECKS_MS.filter((at) => start + at < deadline - reserve) : [0];
  let found = 0;
  for (const at of checks) {
    await deps.sleep(Math.max(0, start + at - deps.now()), deps.signal);
    const keys = (await api.listKeys(state.projectId)).filter(
      (key) => names.includes(key.name ?? '') && key.id !== state.keyId,
    );
    for (const key of keys) {
      await api.deleteKey(key.id);
      core.info(`Deleted API key ${key.name} (${key.id}).`);
    }
    found += keys.length;
    if (state.inFlight && keys.some((key) => key.name === state.inFlight)) return;
  }
  if (found === 0) core.info('None found: the create requests made no key.');
}
