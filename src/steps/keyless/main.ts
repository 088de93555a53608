// Main in broker mode (keyless): a fresh OIDC token from GitHub, traded at the organization's broker for a key
// within its policy. The job holds no Pinecone credential; each mint's nonce is in the journal before the request
// leaves, so post can revoke by it if the answer never came, and a lost answer is revoked before asking again.
import { BrokerApi } from '../../api/broker-api.js';
import { requestIdToken } from '../../api/github/github-oidc.js';
import { CancelledError } from '../../base/errors.js';
import {
  BROKER_POST_READS,
  readBrokerCredentials,
  readBrokerMainInputs,
  type BrokerAccount,
} from '../../inputs/broker.js';
import { savedInputs } from '../../inputs/checks.js';
import { formatDuration } from '../../inputs/durations.js';
import { BrokerJournal } from '../../journal/broker-journal.js';
import { createOnce } from '../../journal/create-once.js';
import { handOver } from '../../keys/outputs.js';
import { newNonce } from '../../rules/names.js';
import { defineStep } from '../../runtime/define-step.js';
import { openRequester } from '../../runtime/session.js';
import { OIDC_PERMISSION } from './words.js';
import { renderKeySummary } from '../common/summary.js';

const brokerMainStep = defineStep<ReturnType<typeof readBrokerMainInputs>, BrokerAccount>({
  words: {
    skipped: 'no key was created',
    cancelled:
      'The step was cancelled before the key was handed over; the post step asks the broker to delete anything it made.',
    credentials: OIDC_PERMISSION,
  },
  credentials: readBrokerCredentials,
  // main.ts saved an empty record of this step's own before anything was read (journal/mode.ts).
  begin: (core, _account, env) => {
    if (env['PINECONE_CLIENT_SECRET'])
      core.warning(
        "This job's environment holds PINECONE_CLIENT_SECRET, which broker mode does not use: with a broker no job needs the service account's secret. Remove it from the job's env (and the workflow's).",
      );
  },
  read: (input) => readBrokerMainInputs(input),
  run: async ({ deps, core, secrets, account, inputs }) => {
    const requester = openRequester(deps, core, inputs.timeoutMs);
    const broker = new BrokerApi(account.brokerUrl, requester, secrets);
    const journal = new BrokerJournal(core, savedInputs(core.getInput, BROKER_POST_READS));
    const ttl = formatDuration(inputs.ttlMs);
    core.info(
      `Asking GitHub for this job's OIDC token (audience ${account.audience}) to trade at the broker ${account.brokerUrl}.`,
    );
    deps.preconnect.open(account.brokerUrl, 1); // its handshake while GitHub answers
    const subject = await requestIdToken(requester, account, account.audience, secrets);
    const ask = {
      roles: inputs.roles,
      ttl,
      project: inputs.project,
      name: inputs.nameTemplate,
      job: deps.env['GITHUB_JOB'] ?? '',
      cleanup: inputs.cleanup,
    };
    const { made: key } = await createOnce({
      thing: 'API key',
      short: 'key',
      events: journal.mints(),
      log: core,
      nextName: () => newNonce((max) => Math.floor(deps.random() * max)),
      announce: (nonce) =>
        `Asking the broker for an API key with roles ${inputs.roles.join(', ')} for ${ttl} (nonce ${nonce}).`,
      send: (nonce) => broker.mint(subject, { ...ask, nonce }),
      idOf: (made) => made.id,
      recover: async (nonce) => {
        await broker.revoke(subject, { keyIds: [], nonces: [nonce] });
        return undefined;
      },
    });
    journal.named(key.name, key.ticket);
    if (deps.signal.aborted)
      throw new CancelledError(
        `The step was cancelled; the post step asks the broker to delete key ${key.name} (${key.id}).`,
      );
    const fate = inputs.cleanup
      ? {
          log: 'The post step asks the broker to delete it when the job ends.',
          summary: 'The post step asks the broker to delete this key when the job ends.',
        }
      : {
          log: `It is kept after the job (cleanup: false) until the broker's sweep deletes it after ${key.expiresAt}.`,
          summary:
            "This key is kept after the job (`cleanup: false`): the broker's sweep deletes it once it has expired.",
        };
    const { ticket: _ticket, ...handed } = key;
    handOver(core, handed, inputs.exportEnv, { how: 'Got', fate: fate.log });
    if (key.projectName) core.setOutput('project-name', key.projectName);
    core.setOutput('renewed', 'false');
    const { value: _, ...shown } = handed;
    await deps.writeSummary(renderKeySummary({ ...shown, fate: fate.summary }));
  },
});

export const runBrokerMain = brokerMainStep.runWith;
