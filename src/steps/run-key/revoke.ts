// The revoke sub-action: at the end of the run, delete the run's shared key, from the handoff and the credentials
// alone. Every job that uses the key holds the handoff secret and could seal a handoff naming any key, so revoke
// trusts the key ID only with the key job's proof (made with the client secret, which those jobs never hold), and
// only for a name of this run's shared key tagged by direct mode: anything else deletes nothing and fails in one line.
import { ActionError } from '../../base/errors.js';
import { readRevokeInputs } from '../../inputs/inputs.js';
import { readRun, runOf } from '../../inputs/run-context.js';
import { markdownCode } from '../../base/text.js';
import { openHandoff, provesKey, type SharedKey } from '../../crypto/handoff.js';
import { nameTagFor } from '../../crypto/name-tag.js';
import { parseTaggedKeyName, type RunRef } from '../../rules/names.js';
import { defineStep } from '../../runtime/define-step.js';
import { openApi } from '../../runtime/session.js';

const revokeStep = defineStep({
  words: {
    skipped: 'the shared key was not revoked',
    cancelled:
      "The revoke step was cancelled before the run's shared key was known to be deleted: run it again, or a sweep deletes the key once it has expired.",
    cancel: {
      waitingFor: 'to learn whether the shared key was deleted',
      stopping: 'if the shared key is left, a sweep deletes it once it has expired',
    },
  },
  opening: (core) => {
    core.setOutput('deleted', 'false');
    return undefined;
  },
  read: readRevokeInputs,
  warns: (_input, inputs) => inputs?.onCleanupError === 'warn',
  run: async ({ deps, core, secrets, account, inputs }) => {
    const run = runOf(readRun(deps.env), 'A handoff works only inside the workflow run that made it');
    const { key, value } = openHandoff(inputs.handoffSecret, inputs.handoff, run);
    secrets.add(value);
    const refused = untrusted(key, run, account.clientSecret);
    if (refused)
      throw new ActionError(
        `Deleted nothing: the handoff names API key ${key.name} (${key.keyId}), but ${refused}. Only the handoff the key job made (needs.<job>.outputs.handoff) revokes the run's shared key.`,
      );
    const api = openApi(deps, core, inputs.connection, inputs.timeoutMs, secrets);
    await api.login({ deletes: 1 });
    core.info(`Deleting the run's shared API key ${key.name} (${key.keyId}).`);
    let result: Awaited<ReturnType<typeof api.deleteKey>>;
    try {
      result = await api.deleteKey(key.keyId);
    } catch (error) {
      if (!(error instanceof ActionError)) throw error;
      throw new ActionError(
        `Could not delete the run's shared API key ${key.name} (${key.keyId}) in project ${key.projectId}: ${error.message} Delete it by hand in the Pinecone console (project → API keys), or run the sweep sub-action.`,
      );
    }
    core.setOutput('deleted', String(result === 'deleted'));
    const said = result === 'deleted' ? 'Deleted' : 'Already gone:';
    core.info(`${said} the run's shared API key ${key.name} (${key.keyId}).`);
    await deps.writeSummary(
      [
        '### Pinecone API key revoked',
        '',
        `${result === 'deleted' ? 'Deleted' : 'Already gone'}: the run's shared key ${markdownCode(key.name)} (${markdownCode(key.keyId)}) in project ${markdownCode(key.projectId)}.`,
        '',
      ].join('\n'),
    );
  },
});

/** Why the handoff's key is not provably this run's shared key; `undefined` when it is. */
function untrusted(key: SharedKey, run: RunRef, clientSecret: string): string | undefined {
  if (!provesKey(clientSecret, key))
    return "it carries no proof made with this service account's client secret (a job that holds only the handoff secret forged it, or another service account made it)";
  const named = parseTaggedKeyName(key.name, nameTagFor(clientSecret, 'keyName'));
  const thisRun = named?.run && named.run.repositoryId === run.repositoryId && named.run.runId === run.runId;
  if (!named || named.kind !== 'shared' || !thisRun)
    return "its name is not that of this run's shared key made by this service account";
  return undefined;
}

export const { run } = revokeStep;
export const runRevoke = revokeStep.runWith;
