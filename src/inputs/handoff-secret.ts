// The handoff secret (share, use, revoke): a random value of its own that seals a shared key's handoff and opens
// it, and nothing else, so that the jobs that use the key never need the client secret. Every handoff is printed in
// public logs, so the key job refuses a secret that can be guessed, or that is made from the credentials.
import { InputError } from '../base/errors.js';
import { HANDOFF_SECRET_MIN_BITS, HANDOFF_SECRET_MIN_CLASSES, HANDOFF_SECRET_MIN_LENGTH } from '../base/policy.js';
import { choice, type GetInput } from './checks.js';
import { strengthOf } from './secret-strength.js';

/** A credential shorter than this inside a handoff secret may be chance (a client ID of a few letters). */
const MIN_SHARED = 8;

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
export function handoffSecretFor(
  input: GetInput,
  env: NodeJS.ProcessEnv,
  { clientId, clientSecret }: { clientId: string; clientSecret: string },
): string {
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
  const credential = akinTo(secret, [
    ['client secret', clientSecret],
    ['client ID', clientId],
  ]);
  if (credential)
    throw new InputError(
      `Input "handoff-secret" is made from the ${credential} (it contains it, is part of it, or reverses it): a handoff secret must be a random value of its own. ${make}`,
    );
  const { length, classes, bits } = strengthOf(secret);
  if (length < HANDOFF_SECRET_MIN_LENGTH || classes < HANDOFF_SECRET_MIN_CLASSES || bits < HANDOFF_SECRET_MIN_BITS)
    throw new InputError(
      `Input "handoff-secret" is too easy to guess (${length} characters, ${classes} kind(s) of character, about ${bits} bits once repeats, runs and words are counted; at least ${HANDOFF_SECRET_MIN_LENGTH} characters, ${HANDOFF_SECRET_MIN_CLASSES} kinds and ${HANDOFF_SECRET_MIN_BITS} bits are needed), and every handoff is printed in public logs. ${make}`,
    );
  return secret;
}

/** Which credential the secret is made from: containing it or contained in it, as given or reversed. */
function akinTo(secret: string, credentials: Array<[string, string]>): string | undefined {
  const lower = secret.toLowerCase();
  for (const [noun, value] of credentials) {
    for (const form of [value, [...value].reverse().join('')].map((text) => text.toLowerCase())) {
      if (form.length >= MIN_SHARED && lower.includes(form)) return noun;
      if (form.includes(lower)) return noun;
    }
  }
  return undefined;
}
