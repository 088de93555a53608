// The runner's OIDC token service, spoken as core.getIDToken speaks it (ACTIONS_ID_TOKEN_REQUEST_URL with
// `audience` in the query, the request token as a bearer, `{"value": jwt}` back), but through the step's own
// requester: inside its time budget, cancellable, retried like any read, and counted with the other round trips.
import { ActionError } from '../../base/errors.js';
import type { Secrets } from '../../base/secrets.js';
import type { Requester } from '../requester.js';
import { describeStatus, parseBody } from '../transport.js';

export interface IdTokenSource {
  idTokenUrl: string;
  idTokenRequestToken: string;
}

/** A fresh OIDC token of this job for `audience`, masked before anything else sees it. */
export async function requestIdToken(
  requester: Requester,
  source: IdTokenSource,
  audience: string,
  secrets: Secrets,
): Promise<string> {
  const bearer = secrets.add(source.idTokenRequestToken);
  const url = `${source.idTokenUrl}&audience=${encodeURIComponent(audience)}`;
  const response = await requester.send({
    what: 'get an OIDC token for the broker',
    service: 'GitHub',
    method: 'GET',
    url: source.idTokenUrl.includes('?') ? url : url.replace('&', '?'),
    headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
  });
  const value = parseBody(response)?.['value'];
  if (response.status === 200 && typeof value === 'string' && value !== '') return secrets.add(value);
  throw new ActionError(
    `GitHub did not give this job an OIDC token (${describeStatus(response.status)}): the job needs permissions: id-token: write.`,
  );
}
