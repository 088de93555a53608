// What a shared key's job hands to the other jobs of its run: one printable line, safe in a job output and in logs. The
// key's value is encrypted and authenticated with AES-256-GCM, its key derived with scrypt, then HKDF-SHA256, from the
// handoff secret (a secret of its own, never the client secret: the jobs that use the key run code we do not control,
// and must hold nothing that mints keys) and bound to the repository and the run; what the other jobs need in clear
// (key id, name, roles, expiry, the run and attempt) is authenticated as the cipher's associated data, so no field can
// be changed or swapped. The project id travels encrypted with the value: projects are often given from `secrets`, and
// the runner drops a job output in which its masker finds a secret, in clear or in an encoding it knows; the handoff
// must not depend on which encodings those are. A check value (an HMAC under the derived key) tells "another handoff
// secret" from "altered". The handoff's confidentiality rests on the handoff secret, which every job that uses the key
// holds, as it holds the key. So that holding it is not enough to name another key for revoke to delete, the handoff
// also carries a proof over the key and the run made with the client secret (`proofFor`), which revoke checks and `use`
// jobs cannot make.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  scryptSync,
  timingSafeEqual,
} from 'node:crypto';
import { InputError } from '../base/errors.js';
import { HANDOFF_SCRYPT } from '../base/policy.js';
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
  /** Made by the key job with the client secret (`proofFor`): what lets revoke trust the key ID. */
  proof: string;
}

/** What the proof covers: the key, and the run and attempt it was made for. */
export type Proven = Pick<SharedKey, 'repositoryId' | 'runId' | 'attempt' | 'keyId' | 'name'>;

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
  const stretched = scryptSync(handoffSecret, salt, 32, HANDOFF_SCRYPT);
  return Buffer.from(hkdfSync('sha256', stretched, salt, info, 32));
}

/** The proof over `key` that only a holder of the client secret makes. */
export function proofFor(clientSecret: string, key: Proven): string {
  const { label, version } = DERIVATIONS.handoffProof;
  const derived = Buffer.from(hkdfSync('sha256', clientSecret, label, version, 32));
  const covered = [key.repositoryId, key.runId, String(key.attempt), key.keyId, key.name].join('\n');
  return createHmac('sha256', derived).update(covered).digest().subarray(0, 16).toString('base64url');
}

/** Whether the handoff's proof was made with this client secret, for this very key and run. */
export function provesKey(clientSecret: string, key: Proven & { proof: string }): boolean {
  const expected = Buffer.from(proofFor(clientSecret, key));
  const given = Buffer.from(key.proof);
  return given.length === expected.length && timingSafeEqual(given, expected);
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
    !(['repositoryId', 'runId', 'keyId', 'name', 'expiresAt', 'proof'] as const).every(text) ||
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
