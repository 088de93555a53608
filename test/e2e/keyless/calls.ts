// What the keyless end-to-end files share: a policy the broker before issue #28 also starts with (so that a test
// fails on that build for the weakness it covers, not because the old broker refuses a field), a job's check run,
// and the broker's two endpoints as a job (or an attacker) calls them: a form POST (post, or postForm for the whole
// response) and a mint with a token the test holds (mintWithToken). Their world: keyless-world.ts.
import { AUDIENCE, EXCHANGE, policyFor, RUN_CLAIMS } from '../../support/broker.js';
import type { World } from '../../support/fixture.js';
import type { OidcIssuer } from '../../support/oidc-issuer.js';

/** The job's id, as GitHub's tokens carry it since 2025-11 (RUN_CLAIMS has none). */
export const CHECK_RUN_ID = '30433642191';
export const JOB_CLAIMS = { ...RUN_CLAIMS, check_run_id: CHECK_RUN_ID };

/** policyFor's policy without `allow-kept-keys`, a field the old build refuses at start (no test here keeps keys). */
export function oldAndNewPolicy(issuer: OidcIssuer, world: World, extra = '', sweepInterval = '1h'): string {
  const policy = policyFor(issuer, world, extra, sweepInterval);
  const kept = '    allow-kept-keys: true\n';
  if (!policy.includes(kept)) throw new Error('policyFor no longer has allow-kept-keys: update oldAndNewPolicy');
  return policy.replace(kept, '');
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

type Form = Record<string, string | string[]>;

/** POSTs a form (a repeated field from an array) to the broker: its response, for a test that reads a header. */
export function postForm(url: string, path: string, fields: Form): Promise<Response> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields))
    for (const each of Array.isArray(value) ? value : [value]) body.append(name, each);
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
}

/** POSTs a form to the broker; the status and the JSON answer. */
export async function post(url: string, path: string, fields: Form): Promise<Answer> {
  const response = await postForm(url, path, fields);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * POST /token with `token`, the same one as often as a test likes, as the action asks (a nonce, the job's name),
 * and `extra` fields.
 */
export function mintWithToken(url: string, token: string, nonce: string, extra: Form = {}): Promise<Answer> {
  return post(url, '/token', {
    grant_type: EXCHANGE,
    subject_token: token,
    scope: 'DataPlaneEditor',
    nonce,
    job: 'test',
    ...extra,
  });
}

export { AUDIENCE, EXCHANGE };
