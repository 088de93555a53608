// The revoke sub-action: at the end of the run, delete the run's shared key, from the handoff and the credentials
// alone. The handoff must authenticate (this run, this client secret), so it can never name any other key.
import { ActionError } from '../base/errors.js';
import { readCredentials, readRevokeInputs } from '../inputs/inputs.js';
import { readRun, runOf } from '../inputs/run-context.js';
import { markdownCode } from '../base/text.js';
import { openHandoff } from '../crypto/handoff.js';
import { runLive } from '../runtime/live.js';
import { openApi } from '../runtime/session.js';
import { missingCredentials, reportFailure, startStep, type StepDeps } from '../runtime/step.js';

export const run = (): Promise<void> => runLive(runRevoke, { cancellable: true });

export async function runRevoke(deps: StepDeps): Promise<void> {
  const { core, secrets } = startStep(deps);
  core.setOutput('deleted', 'false');
  let report = core.setFailed;
  try {
    const credentials = readCredentials(core.getInput, deps.env);
    if (credentials.missing !== undefined)
      return missingCredentials(core, credentials, 'the shared key was not revoked');
    const inputs = readRevokeInputs(core.getInput, credentials);
    if (inputs.onCleanupError === 'warn') report = core.warning;
    const run = runOf(readRun(deps.env), 'A handoff works only inside the workflow run that made it');
    const { key, value } = openHandoff(credentials.clientSecret, inputs.handoff, run);
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
  } catch (error) {
    reportFailure(core, error, report);
  }
}
