// Post in broker mode: a fresh OIDC token, and the broker deletes the key main got (or whatever a mint whose
// answer never came made, by its nonce). The broker deletes only keys of this token's repository and run, so
// whatever reaches this step can at most keep it from deleting its own key, which the broker's sweep deletes at
// its expiry.
import { BrokerApi } from '../../api/broker-api.js';
import { requestIdToken } from '../../api/github/github-oidc.js';
import { ActionError } from '../../base/errors.js';
import { LATE_COMMIT_CHECKS_MS } from '../../base/policy.js';
import {
  NO_CLIENT_CREDENTIALS,
  readBrokerCredentials,
  readBrokerPostInputs,
  type BrokerAccount,
} from '../../inputs/broker.js';
import { savedFirst } from '../../inputs/checks.js';
import { readOnCleanupError } from '../../inputs/inputs.js';
import { readBrokerRecord, type BrokerRecord } from '../../journal/broker-journal.js';
import { defineStep } from '../../runtime/define-step.js';
import { openRequester } from '../../runtime/session.js';
import { OIDC_PERMISSION } from './words.js';

const brokerPostStep = defineStep<ReturnType<typeof readBrokerPostInputs>, BrokerAccount>({
  words: {
    skipped: 'nothing was deleted',
    cancelled: "The post step was stopped before it was done: the broker's sweep deletes the key once it has expired.",
    credentials: OIDC_PERMISSION,
  },
  opening: (core) => {
    const record = readBrokerRecord(core);
    if (record && (record.made || record.unanswered.length > 0)) return undefined;
    core.info('Nothing to clean up: the main step got no key.');
    return 'stop';
  },
  // Main's inputs from its record, checked again as inputs are (broker-url: https, or http on loopback); the
  // runner's only where main saved none. Main refused client credentials, so none are read here either.
  inputs: (core) => {
    const saved = readBrokerRecord(core)?.inputs;
    return savedFirst(saved && { ...saved, ...NO_CLIENT_CREDENTIALS }, core.getInput);
  },
  credentials: readBrokerCredentials,
  missing: (missing) => {
    throw new ActionError(
      `the post step cannot ask the broker to delete the key: ${missing}. Give the job permissions: id-token: write; the broker's sweep deletes the key once it has expired.`,
    );
  },
  read: (input) => readBrokerPostInputs(input),
  warns: (input) => readOnCleanupError(input) === 'warn',
  failure: (message) =>
    `Could not delete the API key through the broker: ${message} The broker's sweep deletes it once it has expired; to delete it now, use the Pinecone console.`,
  run: async ({ deps, core, secrets, account, inputs }) => {
    const record = readBrokerRecord(core) as BrokerRecord;
    const what = record.made ? `API key ${record.made.name} (${record.made.id})` : 'the key the main step asked for';
    if (!inputs.cleanup) {
      core.info(`Kept ${what} after the job (cleanup: false): the broker's sweep deletes it once it has expired.`);
      return;
    }
    const requester = openRequester(deps, core, inputs.timeoutMs);
    const broker = new BrokerApi(account.brokerUrl, requester, secrets);
    deps.preconnect.open(account.brokerUrl, 1); // its handshake while GitHub answers
    const subject = await requestIdToken(requester, account, account.audience, secrets);
    const ask = { keyIds: record.made ? [record.made.id] : [], nonces: record.unanswered, ticket: record.made?.ticket };
    // A mint main gave up on may still be carried out: with no ID known, ask again a few times for a late one.
    const checks = record.made ? [0] : LATE_COMMIT_CHECKS_MS;
    const warned = new Set<string>();
    for (const [i, at] of checks.entries()) {
      if (i > 0) await deps.sleep(at - checks[i - 1]!, deps.signal);
      const { deleted, gone, refused } = await broker.revoke(subject, ask);
      for (const id of refused.filter((id) => !warned.has(id) && warned.add(id)))
        core.warning(
          `The broker refused to delete key ${id}: this run did not make it (the state handed to the post step names another run's key).`,
        );
      if (deleted.length > 0)
        return core.info(`Deleted ${record.made ? what : `API key ${deleted.join(', ')}`} through the broker.`);
      if (gone.length > 0) return core.info(`${what} was already gone.`);
    }
    core.info(`The broker found no key of this run to delete: the main step's request made none.`);
  },
});

export const runBrokerPost = brokerPostStep.runWith;
