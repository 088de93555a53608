// The handoff between the jobs of a run: it opens only with the same handoff secret, in the same repository and
// run, unaltered; every refusal is one line that says what to do.
import { createHmac, hkdfSync, scryptSync } from 'node:crypto';
import { HANDOFF_SCRYPT } from '../../src/base/policy.js';
import { DERIVATIONS } from '../../src/crypto/derivations.js';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import { openHandoff, sealHandoff, type SharedKey } from '../../src/crypto/handoff.js';

const SECRET = 'handoff-secret-Lq2w-9rTz-4Ybn-77';
const VALUE = 'pcsk_4b1d2c_Qm9vLWJhci1iYXotcXV4LWZyb2I';
const KEY: SharedKey = {
  repositoryId: '829301755',
  runId: '16021984',
  attempt: 1,
  keyId: '7a8e8f0e-2a4c-4d55-9a39-6f3c0b7b4f11',
  projectId: '0f4e9f63-3b2c-4a8e-9d1e-2b7f7c9e5a10',
  name: 'gha-shop-api-16021984-1-key-eph-20261128T040000Z-sdpqtbv.9jen4.1-k3f9q2',
  roles: ['DataPlaneEditor'],
  expiresAt: '2026-11-28T04:00:00.000Z',
  proof: 'made-by-the-key-job',
};
const RUN = { repositoryId: KEY.repositoryId, runId: KEY.runId };
const handoff = sealHandoff(SECRET, KEY, VALUE);
const refusal = (text: string, secret = SECRET, run = RUN) => {
  try {
    openHandoff(secret, text, run);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('opened');
};
const parts = handoff.split('.');
const withPart = (index: number, value: string) => parts.map((part, i) => (i === index ? value : part)).join('.');
const flip = (text: string) => (text[5] === 'A' ? 'B' : 'A') + text.slice(1, 5) + text.slice(6);

describe('handoff', () => {
  it('is one printable line without the value, and opens to the key and its value', () => {
    expect(handoff).toMatch(/^pek3(\.[A-Za-z0-9_-]+){5}$/);
    expect(handoff).not.toContain(VALUE);
    expect(handoff).not.toContain(Buffer.from(VALUE).toString('base64'));
    expect(handoff).not.toContain(SECRET);
    // The project id travels encrypted: projects are often given from secrets, and the runner drops an output in
    // which its masker finds one.
    expect(Buffer.from(parts[1]!, 'base64url').toString('utf8')).not.toContain(KEY.projectId);
    expect(openHandoff(SECRET, handoff, RUN)).toEqual({ key: KEY, value: VALUE });
    expect(sealHandoff(SECRET, KEY, VALUE)).not.toBe(handoff); // fresh salt and IV every time
  });

  it('does not open with another handoff secret', () => {
    expect(refusal(handoff, 'another-secret')).toBe(
      'Input "handoff" was sealed with another handoff secret (or altered): give this job the same handoff-secret as the job that made the key.',
    );
  });

  it('does not open in another repository or another run', () => {
    expect(refusal(handoff, SECRET, { ...RUN, repositoryId: '1' })).toMatch(
      /^Input "handoff" was made in another repository/,
    );
    expect(refusal(handoff, SECRET, { ...RUN, runId: '16021985' })).toMatch(
      /^Input "handoff" was made in another workflow run \(run 16021984\): a handoff works only in the run that made it\./,
    );
  });

  it('refuses an altered value, an altered or swapped clear field, and a truncated handoff', () => {
    expect(refusal(withPart(5, flip(parts[5]!)))).toMatch(/^Input "handoff" has been altered/);
    for (const change of [
      { keyId: 'a-key-of-someone-else' },
      { roles: ['ProjectEditor'] },
      { attempt: 2 },
      { expiresAt: '2099-01-01T00:00:00.000Z' },
    ]) {
      const clear = Buffer.from(JSON.stringify({ ...KEY, ...change })).toString('base64url');
      expect(refusal(withPart(1, clear)), JSON.stringify(change)).toMatch(/^Input "handoff" has been altered/);
    }
    const other = sealHandoff(SECRET, { ...KEY, keyId: 'other' }, 'pcsk_other');
    expect(refusal(withPart(5, other.split('.')[5]!))).toMatch(/(altered|another handoff secret)/);
    expect(refusal(handoff.slice(0, handoff.length - 10))).toMatch(/^Input "handoff" has been altered/);
    expect(refusal(parts.slice(0, 4).join('.'))).toMatch(
      /^Input "handoff" is not a handoff of pinecone-ephemeral-key \(malformed or cut short\)/,
    );
    expect(refusal(withPart(1, 'bm90IGpzb24'))).toMatch(/its clear part is unreadable/);
    expect(refusal('')).toMatch(/malformed or cut short/);
  });

  it('names an unknown version, and an older one sealed with the client secret', () => {
    expect(refusal(withPart(0, 'pek2'))).toBe(
      'Input "handoff" is of version pek2, which this version of the action does not read: use the same version of the action in every job of the run.',
    );
    expect(refusal(withPart(0, 'pek1'))).toMatch(/^Input "handoff" is of version pek1, which this version/);
  });
});

describe('guessing a handoff secret offline', () => {
  const [, , salt, , check] = parts.map((part) => Buffer.from(part, 'base64url'));
  const info = `${DERIVATIONS.handoff.label}\n${RUN.repositoryId}\n${RUN.runId}`;
  const checkOf = (key: Buffer) =>
    createHmac('sha256', key).update(`${DERIVATIONS.handoff.version} check`).digest().subarray(0, 12);

  it('costs an scrypt per guess: HKDF alone no longer tells the right secret from a wrong one', () => {
    const hkdfOnly = Buffer.from(hkdfSync('sha256', SECRET, salt!, info, 32));
    expect(checkOf(hkdfOnly).equals(check!)).toBe(false);
    const stretched = scryptSync(SECRET, salt!, 32, HANDOFF_SCRYPT);
    expect(checkOf(Buffer.from(hkdfSync('sha256', stretched, salt!, info, 32))).equals(check!)).toBe(true);
    expect(HANDOFF_SCRYPT.N * HANDOFF_SCRYPT.r * 128).toBeGreaterThanOrEqual(16 * 1024 * 1024);
  });
});

describe('keys derived from a secret', () => {
  it('each has a label of its own: none is another, or the start of another', () => {
    const labels = Object.values(DERIVATIONS).map((derivation) => derivation.label);
    for (const a of labels) for (const b of labels) if (a !== b) expect(b.startsWith(a)).toBe(false);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
