// The use sub-action: a job of the run gets the run's shared key from the handoff, with no request to Pinecone.
// On "Re-run failed jobs" GitHub hands the earlier attempt's handoff to this attempt, whose revoke job may have
// deleted the key already: a later attempt gets a key of its own, made for this job and deleted by its post step.
import { InputError } from '../base/errors.js';
import { readCredentials, readUseInputs } from '../inputs/inputs.js';
import { readRun, runOf } from '../inputs/run-context.js';
import { renderKeySummary } from './summary.js';
import { handOver, type HandedKey } from '../keys/outputs.js';
import { openHandoff } from '../crypto/handoff.js';
import { runLive } from '../runtime/live.js';
import { missingCredentials, reportFailure, startStep, type StepDeps } from '../runtime/step.js';

export const run = (): Promise<void> => runLive(runUse, { cancellable: true });

export async function runUse(deps: StepDeps): Promise<void> {
  const { core, secrets } = startStep(deps);
  try {
    const credentials = readCredentials(core.getInput, deps.env);
    if (credentials.missing !== undefined) return missingCredentials(core, credentials, 'no key was handed over');
    const inputs = readUseInputs(core.getInput, credentials);
    const run = runOf(readRun(deps.env), 'A handoff works only inside the workflow run that made it');
    const { key, value } = openHandoff(credentials.clientSecret, inputs.handoff, run);
    secrets.add(value); // masked before anything else can print it

    if (run.attempt > key.attempt) {
      // Loaded only here: the common path makes no request and needs none of the API's code.
      const { keyForRerun } = await import('../keys/rerun.js');
      const made = await keyForRerun(
        deps,
        core,
        secrets,
        { ...inputs, clientSecret: credentials.clientSecret },
        key,
        run,
      );
      handOver(core, made, inputs.exportEnv, { how: 'Created', fate: 'The post step deletes it when the job ends.' });
      await summarise(
        deps,
        made,
        `Made for attempt ${run.attempt} of this run, whose handoff came from attempt ${key.attempt}: the post step deletes this key when the job ends.`,
      );
      return;
    }

    if (Date.parse(key.expiresAt) <= deps.now()) {
      throw new InputError(
        `The run's shared key ${key.name} expired at ${key.expiresAt}: give the job that makes it a ttl that covers the whole run.`,
      );
    }
    const shared = {
      value,
      id: key.keyId,
      name: key.name,
      projectId: key.projectId,
      roles: key.roles,
      expiresAt: key.expiresAt,
    };
    handOver(core, shared, inputs.exportEnv, {
      how: "Using the run's shared",
      fate: 'The revoke job deletes it when the run is done.',
    });
    await summarise(
      deps,
      shared,
      "The run's shared key, from the handoff: the `revoke` job deletes it when the run is done.",
    );
  } catch (error) {
    reportFailure(core, error);
  }
}

function summarise(deps: StepDeps, key: HandedKey, fate: string): Promise<void> {
  return deps.writeSummary(renderKeySummary({ ...key, roles: [...key.roles], projectName: undefined, fate }));
}
