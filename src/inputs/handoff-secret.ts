// The handoff secret (share, use, revoke): a random value of its own that seals a shared key's handoff and opens
// it, and nothing else, so that the jobs that use the key never need the client secret.
import { InputError } from '../base/errors.js';
import { choice, type GetInput } from './checks.js';

/** The secret that seals a shared key's handoff (share, use, revoke): opens handoffs and nothing else. */
export function readHandoffSecret(input: GetInput, env: NodeJS.ProcessEnv): string {
  return input('handoff-secret') || env['PINECONE_HANDOFF_SECRET'] || '';
}

/** What the use step needs instead of Pinecone credentials: the handoff secret, or what is missing. */
export function readHandoffCredentials(
  input: GetInput,
  env: NodeJS.ProcessEnv,
): { handoffSecret: string; missing: undefined } | { missing: string; onMissing: 'fail' | 'skip' } {
  const onMissing = choice(input, 'on-missing-credentials', ['fail', 'skip']);
  const handoffSecret = readHandoffSecret(input, env);
  if (handoffSecret) return { handoffSecret, missing: undefined };
  return { missing: 'handoff-secret (or env PINECONE_HANDOFF_SECRET) is empty', onMissing };
}

/** The handoff secret for the job that seals the handoff, or the one line that says how to make one. */
export function handoffSecretFor(input: GetInput, env: NodeJS.ProcessEnv, clientSecret: string): string {
  const secret = readHandoffSecret(input, env);
  const make =
    'Make one (openssl rand -base64 32), store it as secret PINECONE_HANDOFF_SECRET, and pass it as handoff-secret to the key, use and revoke steps.';
  if (!secret)
    throw new InputError(
      `Input "handoff-secret" is empty: share: true seals the handoff with a secret of its own, which the jobs that use the key get instead of the client secret. ${make}`,
    );
  if (secret === clientSecret)
    throw new InputError(
      `Input "handoff-secret" is the client secret: every job that uses the key would then hold a secret that mints keys. ${make}`,
    );
  if (secret.length < 16)
    throw new InputError(`Input "handoff-secret" is too short (${secret.length} characters). ${make}`);
  return secret;
}
