// The tag that proves a name was made with this service account's secret: a throwaway project's, a direct-mode key's,
// or a broker key's, each under its own derivation (DERIVATIONS), so that one never passes for another. A sweep deletes
// whole projects, with every index in them: a name that anyone could type (by hand, or by copying the pattern) must not
// be enough. HMAC-SHA256 under a key derived with HKDF from the client secret, cut to 8 characters (41 bits): a
// look-alike made without the secret is refused, and a guess costs a project create each. Not bound to the repository:
// any repository using the same service account may sweep its expired projects.
import { createHmac, hkdfSync } from 'node:crypto';
import type { NameTag } from '../rules/names.js';
import { DERIVATIONS } from './derivations.js';

const TAG_SPACE = 36n ** 8n;

/** What a tag proves: which maker's names it signs. */
export type TagPurpose = 'projectName' | 'keyName' | 'brokerKeyName';

export function nameTagFor(clientSecret: string, purpose: TagPurpose = 'projectName'): NameTag {
  const { label, version } = DERIVATIONS[purpose];
  const key = Buffer.from(hkdfSync('sha256', clientSecret, label, version, 32));
  return (unsigned) =>
    (createHmac('sha256', key).update(unsigned).digest().readBigUInt64BE(0) % TAG_SPACE).toString(36).padStart(8, '0');
}
