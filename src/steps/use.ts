// The use sub-action: a job of the run gets the run's shared key from the handoff, with no request to Pinecone.
// On "Re-run failed jobs" GitHub hands the earlier attempt's handoff to this attempt, whose revoke job may have
// deleted the key already: a later attempt gets a key of its own, made for this job and deleted by its post step.
import { InputError } from '../base/errors.js';
import { readUseInputs } from '../inputs/inputs.js';
import { readRun, runOf } from '../inputs/run-context.js';
import { renderKeySummary } from './summary.js';
import { handOver, type HandedKey } from '../keys/outputs.js';
import { openHandoff } from '../crypto/handoff.js';
import { defineStep } from '../runtime/define-step.js';
import type { StepDeps } from '../runtime/step.js';

const useStep = defineStep({
  words: {
    skipped: 'no key was handed over',
    // Cancelled while making a key for a re-run: journaled like main's, so use's post step deletes it.
    cancelled: 'The step was cancelled before the key was handed over; the post step deletes anything it created.',
    cancel: {
      waitingFor: 'so the post step knows what to delete',
      stopping: 'the post step will look for the key by name',
    },
  },
  read: readUseInputs,
  run: async ({ deps, core, secrets, account, inputs }) => {
    const run = runOf(readRun(deps.env), 'A handoff works only inside the workflow run that made it');
    const { key, value } = openHandoff(account.clientSecret, inputs.handoff, run);
    secrets.add(value); // masked before anything else can print it

    if (run.attempt > key.attempt) {
      // Loaded only here: the common path makes no request and needs none of the API's code.
      const { keyForRerun } = await import('../keys/rerun.js');
      const made = await keyForRerun(deps, core, secrets, { ...inputs, clientSecret: account.clientSecret }, key, run);
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
  },
});

export const { run } = useStep;
export const runUse = useStep.runWith;

function summarise(deps: StepDeps, key: HandedKey, fate: string): Promise<void> {
  return deps.writeSummary(renderKeySummary({ ...key, roles: [...key.roles], projectName: undefined, fate }));
}
