// The revoke sub-action: at the end of the run, delete the run's shared key, from the handoff and the credentials
// alone. The handoff must authenticate (this run, this client secret), so it can never name any other key.
import { ActionError } from '../base/errors.js';
import { readRevokeInputs } from '../inputs/inputs.js';
import { readRun, runOf } from '../inputs/run-context.js';
import { markdownCode } from '../base/text.js';
import { openHandoff } from '../crypto/handoff.js';
import { defineStep } from '../runtime/define-step.js';
import { openApi } from '../runtime/session.js';

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
  run: async ({ deps, core, secrets, inputs }) => {
    const run = runOf(readRun(deps.env), 'A handoff works only inside the workflow run that made it');
    const { key, value } = openHandoff(inputs.handoffSecret, inputs.handoff, run);
    secrets.add(value);
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

export const { run } = revokeStep;
export const runRevoke = revokeStep.runWith;
