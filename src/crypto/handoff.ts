// What a shared key's job hands to the other jobs of its run: one printable line, safe in a job output and in
// logs. The key's value is encrypted and authenticated with AES-256-GCM, its key derived with HKDF-SHA256 from the
// handoff secret (a secret of its own, never the client secret: the jobs that use the key run code we do not
// control, and must hold nothing that mints keys) and bound to the repository and the run; what the other jobs need in clear (key id, name, roles,
// expiry, the run and attempt) is authenticated as the cipher's associated data, so no field can be changed or
// swapped. The project id travels encrypted with the value: projects are often given from `secrets`, and the runner
// drops a job output in which its masker finds a secret, in clear or in an encoding it knows; the handoff must not
// depend on which encodings those are.
// A check value (an HMAC under the derived key) tells "another handoff secret" from "altered". The handoff's
// confidentiality rests on the handoff secret, which every job that uses the key holds, as it holds the key.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { InputError } from '../base/errors.js';
import { DERIVATIONS } from './derivations.js';

const VERSION = DERIVATIONS.handoff.version;
const FIX = 'Pass needs.<job>.outputs.handoff of this run, unchanged.';

/** What travels in clear. */
export interface SharedKey {
  repositoryId: string;
  runId: string;
  /** The attempt of the run that made the key. */
  attempt: number;
  keyId: string;
  projectId: string;
  name: string;
  roles: string[];
  expiresAt: string;
}

export interface RunBinding {
  repositoryId: string;
  runId: string;
}

export function sealHandoff(handoffSecret: string, key: SharedKey, value: string): string {
  const { projectId, ...inClear } = key;
  const clear = Buffer.from(JSON.stringify(inClear)).toString('base64url');
  const salt = randomBytes(16);
  const derived = deriveKey(handoffSecret, salt, key);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derived, iv);
  cipher.setAAD(Buffer.from(`${VERSION}.${clear}`));
  const secret = JSON.stringify({ value, projectId });
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, clear, salt, iv, checkValue(derived), sealed]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The key and its value, or an InputError that says in one line what is wrong and what to do. */
export function openHandoff(
  handoffSecret: string,
  handoff: string,
  run: RunBinding,
): { key: SharedKey; value: string } {
  const parts = handoff.trim().split('.');
  if (parts[0] !== VERSION && /^pek\d+$/.test(parts[0] ?? '')) {
    throw new InputError(
      `Input "handoff" is of version ${parts[0]}, which this version of the action does not read: use the same version of the action in every job of the run.`,
    );
  }
  if (parts.length !== 6 || parts[0] !== VERSION) {
    throw new InputError(`Input "handoff" is not a handoff of pinecone-ephemeral-key (malformed or cut short). ${FIX}`);
  }
  const [, clear, salt, iv, check, sealed] = parts as [string, string, string, string, string, string];
  const key = readClear(clear);
  if (key.repositoryId !== run.repositoryId || key.runId !== run.runId) {
    throw new InputError(
      `Input "handoff" was made in another ${key.repositoryId !== run.repositoryId ? 'repository' : 'workflow run'} (run ${key.runId}): a handoff works only in the run that made it. ${FIX}`,
    );
  }
  const derived = deriveKey(handoffSecret, Buffer.from(salt, 'base64url'), key);
  const expected = checkValue(derived);
  const given = Buffer.from(check, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new InputError(
      'Input "handoff" was sealed with another handoff secret (or altered): give this job the same handoff-secret as the job that made the key.',
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', derived, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`${VERSION}.${clear}`));
    const bytes = Buffer.from(sealed, 'base64url');
    if (bytes.length < 17) throw new Error('too short');
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const plain = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString(
      'utf8',
    );
    const { value, projectId } = JSON.parse(plain) as { value: string; projectId: string };
    return { key: { ...key, projectId }, value };
  } catch {
    throw new InputError(`Input "handoff" has been altered: it does not authenticate. ${FIX}`);
  }
}

function deriveKey(handoffSecret: string, salt: Buffer, run: RunBinding): Buffer {
  const info = `${DERIVATIONS.handoff.label}\n${run.repositoryId}\n${run.runId}`;
  return Buffer.from(hkdfSync('sha256', handoffSecret, salt, info, 32));
}

function checkValue(derived: Buffer): Buffer {
  return createHmac('sha256', derived).update(`${VERSION} check`).digest().subarray(0, 12);
}

function readClear(clear: string): Omit<SharedKey, 'projectId'> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(clear, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const key = value as Partial<SharedKey> | undefined;
  const text = (field: keyof SharedKey) => typeof key?.[field] === 'string';
  if (
    !key ||
    !(['repositoryId', 'runId', 'keyId', 'name', 'expiresAt'] as const).every(text) ||
    !Number.isInteger(key.attempt) ||
    !Array.isArray(key.roles) ||
    !key.roles.every((role) => typeof role === 'string')
  ) {
    throw new InputError(
      `Input "handoff" is not a handoff of pinecone-ephemeral-key (its clear part is unreadable). ${FIX}`,
    );
  }
  return key as Omit<SharedKey, 'projectId'>;
}
