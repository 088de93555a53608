// The use sub-action: a job of the run gets the run's shared key from the handoff, opened with the handoff secret
// alone. It holds no Pinecone credential and makes no request, and has no post step: the jobs that use the key run
// code we do not control, and must never hold anything that mints keys. On "Re-run failed jobs" GitHub hands the
// earlier attempt's handoff to this attempt, whose revoke job may have deleted the key: no key is handed over, and
// output rerun says so, for a step of the main action (with the credentials: an explicit opt-in) to make one.
import { EXPIRY_GRACE_MS } from '../../base/policy.js';
import { InputError } from '../../base/errors.js';
import { openHandoff } from '../../crypto/handoff.js';
import { readHandoffCredentials, readUseInputs } from '../../inputs/inputs.js';
import { readRun, runOf } from '../../inputs/run-context.js';
import { handOver } from '../../keys/outputs.js';
import { defineStep } from '../../runtime/define-step.js';
import { renderKeySummary } from '../common/summary.js';

const useStep = defineStep({
  words: {
    skipped: 'no key was handed over',
    // It sends no request, so a cancel has nothing to wait for: the runner's signal ends it at once.
    cancelled: 'The step was cancelled before the key was handed over; it made nothing.',
    credentials: {
      noun: 'handoff secret',
      fix: 'Pass the handoff secret the key job sealed the handoff with as input handoff-secret (secret PINECONE_HANDOFF_SECRET)',
    },
  },
  credentials: readHandoffCredentials,
  read: readUseInputs,
  run: async ({ deps, core, secrets, account, inputs }) => {
    const run = runOf(readRun(deps.env), 'A handoff works only inside the workflow run that made it');
    const { key, value } = openHandoff(account.handoffSecret, inputs.handoff, run);
    secrets.add(value); // masked before anything else can print it

    if (run.attempt > key.attempt) {
      core.setOutput('rerun', 'true');
      core.setOutput('skipped', 'false');
      core.notice(
        `This is attempt ${run.attempt} of the run; the shared key was made in attempt ${key.attempt}, whose revoke job may have deleted it, so no key is handed over. To give re-runs a key of their own, add a step of the main action with the service account's credentials and if: steps.<this step's id>.outputs.rerun == 'true' (only in a job that runs trusted code).`,
      );
      return;
    }
    // No request, so no server clock: a runner's clock that runs fast gets the same grace as everywhere else.
    if (Date.parse(key.expiresAt) + EXPIRY_GRACE_MS <= deps.now()) {
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
    core.setOutput('rerun', 'false');
    const fate = "The run's shared key, from the handoff: the `revoke` job deletes it when the run is done.";
    await deps.writeSummary(renderKeySummary({ ...shared, roles: [...key.roles], projectName: undefined, fate }));
  },
});

export const { run } = useStep;
export const runUse = useStep.runWith;
