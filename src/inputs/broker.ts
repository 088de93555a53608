// Broker mode (keyless): the action asks an organization's broker for the key with the job's GitHub OIDC token,
// and holds no Pinecone credential at all. Its credentials are the broker's URL and the job's right to ask GitHub
// for an OIDC token (`permissions: id-token: write`); what it may get is the broker's policy, not these inputs.
import { InputError } from '../base/errors.js';
import { bool, choice, text, timeout, url, type GetInput } from './checks.js';
import { readKeyAsk } from './inputs.js';
import { MAX_POST_BUDGET_MS } from '../base/policy.js';

/** Where the broker is, what audience the job's OIDC token is for, and the runner's token service. */
export interface BrokerAccount {
  brokerUrl: string;
  audience: string;
  idTokenUrl: string;
  idTokenRequestToken: string;
}

/** The broker's URL, when the step is in broker mode (the only input read before the mode is chosen). */
export function brokerUrlOf(input: GetInput): string {
  return input('broker-url').trim();
}

/** Broker mode's credentials, or what is missing (no id-token permission: a fork's pull request, Dependabot). */
export function readBrokerCredentials(
  input: GetInput,
  env: NodeJS.ProcessEnv,
): (BrokerAccount & { missing: undefined }) | { missing: string; onMissing: 'fail' | 'skip' } {
  const onMissing = choice(input, 'on-missing-credentials', ['fail', 'skip']);
  const brokerUrl = url(input, 'broker-url');
  if (input('client-id').trim() || input('client-secret').trim())
    throw new InputError(
      'Inputs "broker-url" and "client-id"/"client-secret" are both given: with a broker, the job holds no Pinecone credential. Remove client-id and client-secret (and the secrets behind them), or remove broker-url.',
    );
  const audience = text(input, 'broker-audience') || brokerUrl;
  const idTokenUrl = env['ACTIONS_ID_TOKEN_REQUEST_URL'] ?? '';
  const idTokenRequestToken = env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] ?? '';
  if (!idTokenUrl || !idTokenRequestToken)
    return {
      missing: 'the job may not ask GitHub for an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set)',
      onMissing,
    };
  return { brokerUrl, audience, idTokenUrl, idTokenRequestToken, missing: undefined };
}

/** What the key is asked for with; `project` empty: the rule's. */
export type BrokerMainInputs = ReturnType<typeof readKeyAsk> & { project: string; onCleanupError: 'fail' | 'warn' };

/** What broker mode does not do, each refused with one line (the broker's policy decides the rest). */
const NOT_IN_BROKER_MODE = {
  share: 'share a key with the run (each job asks the broker for its own)',
  'new-project': 'make throwaway projects (a rule names the project)',
  renew: 'renew a key in place (ask for a new one with the ttl you need)',
  replace: 'replace older keys (the broker sweeps expired keys itself)',
} as const;

export function readBrokerMainInputs(input: GetInput): BrokerMainInputs {
  for (const [name, what] of Object.entries(NOT_IN_BROKER_MODE))
    if (bool(input, name))
      throw new InputError(
        `Input "${name}: true" is not available with broker-url: the broker does not ${what}. Remove ${name}, or remove broker-url.`,
      );
  if (choice(input, 'lifetime', ['job', 'pull-request']) === 'pull-request')
    throw new InputError(
      'Input "lifetime: pull-request" is not available with broker-url: the broker\'s keys end with their job or their ttl. Set lifetime: job (or remove it), or give this job a service account instead of broker-url.',
    );
  const onCleanupError = choice(input, 'on-cleanup-error', ['fail', 'warn']); // checked here: post reads it again
  return { ...readKeyAsk(input), project: text(input, 'project'), onCleanupError };
}

/**
 * What broker mode's post reads again, saved by main in its record: where the OIDC token goes and for whom, the
 * budget, cleanup. Main refused client-id and client-secret, so post reads none either.
 */
export const BROKER_POST_READS = ['broker-url', 'broker-audience', 'timeout', 'cleanup', 'on-cleanup-error'] as const;
export const NO_CLIENT_CREDENTIALS = { 'client-id': '', 'client-secret': '' };

/** Post's budget in broker mode (the same as main's, at most 3m), and whether the key outlives the job. */
export function readBrokerPostInputs(input: GetInput): { timeoutMs: number; cleanup: boolean } {
  return { timeoutMs: Math.min(MAX_POST_BUDGET_MS, timeout(input)), cleanup: bool(input, 'cleanup') };
}
