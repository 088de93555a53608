// What the keyless end-to-end files share: a policy the broker before issue #28 also starts with (so that a test
// fails on that build for the weakness it covers, not because the old broker refuses a field). A job's claims
// (JOB_CLAIMS) and the broker's endpoints as a job calls them (post, postForm, mintWithToken): support/broker.ts.
// Their world: keyless-world.ts.
import { AUDIENCE, EXCHANGE, policyFor } from '../../support/broker.js';
import type { World } from '../../support/fixture.js';
import type { OidcIssuer } from '../../support/oidc-issuer.js';

/** policyFor's policy without `allow-kept-keys`, a field the old build refuses at start (no test here keeps keys). */
export function oldAndNewPolicy(issuer: OidcIssuer, world: World, extra = '', sweepInterval = '1h'): string {
  const policy = policyFor(issuer, world, extra, sweepInterval);
  const kept = '    allow-kept-keys: true\n';
  if (!policy.includes(kept)) throw new Error('policyFor no longer has allow-kept-keys: update oldAndNewPolicy');
  return policy.replace(kept, '');
}

export { AUDIENCE, EXCHANGE };
