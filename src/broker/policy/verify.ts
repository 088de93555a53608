// Verifying a job's GitHub Actions OIDC token before the broker sends any request to Pinecone. With jose, not by
// hand: RS256 only (never `none` or HS*), keys from the issuer's JWKS found through OIDC discovery (cached; fetched
// again for an unknown `kid`, at most every few seconds), `iss`, `aud`, `exp` and `nbf` with a small leeway. An
// `http` issuer is accepted only on a loopback address (tests, the demo).
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { ActionError } from '../../base/errors.js';
import { JWKS_COOLDOWN_MS, OIDC_LEEWAY_S } from '../../base/policy.js';
import { secureOrLoopback } from '../../inputs/checks.js';

export class TokenRefused extends ActionError {}

export interface Verifier {
  /** The token's claims, or TokenRefused with one line that says why (never the token itself). */
  verify(token: string): Promise<JWTPayload>;
}

export function oidcVerifier(options: { issuer: string; audience: string; cooldownMs?: number }): Verifier {
  const issuer = checkedIssuer(options.issuer);
  let keys: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  const jwks = () =>
    (keys ??= discover(issuer, options.cooldownMs ?? JWKS_COOLDOWN_MS).catch((error: unknown) => {
      keys = undefined; // tried again at the next token
      throw error;
    }));
  return {
    verify: async (token) => {
      try {
        const { payload } = await jwtVerify(token, await jwks(), {
          issuer,
          audience: options.audience,
          algorithms: ['RS256'],
          clockTolerance: OIDC_LEEWAY_S,
        });
        return payload;
      } catch (error) {
        throw refusal(error);
      }
    },
  };
}

/** OIDC discovery: the issuer's JWKS, which must be served where the issuer says. */
async function discover(issuer: string, cooldownMs: number): Promise<ReturnType<typeof createRemoteJWKSet>> {
  const response = await fetch(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, {
    redirect: 'error',
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new ActionError(`OIDC discovery at ${issuer} answered HTTP ${response.status}.`);
  const config = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (config.issuer !== issuer) throw new ActionError(`OIDC discovery at ${issuer} names another issuer.`);
  if (typeof config.jwks_uri !== 'string') throw new ActionError(`OIDC discovery at ${issuer} names no jwks_uri.`);
  return createRemoteJWKSet(new URL(checkedIssuer(config.jwks_uri)), { cooldownDuration: cooldownMs });
}

/** https, or http on a loopback address only. */
function checkedIssuer(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ActionError(`"${value}" is not a URL.`);
  }
  if (!secureOrLoopback(url)) throw new ActionError(`${value} must use https:// (http:// only on a loopback address).`);
  return value;
}

function refusal(error: unknown): TokenRefused {
  if (error instanceof errors.JWTExpired) return new TokenRefused('The token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    const claim = error.claim;
    if (claim === 'aud') return new TokenRefused('The token is for another audience.');
    if (claim === 'iss') return new TokenRefused('The token is from another issuer.');
    if (claim === 'nbf') return new TokenRefused('The token is not valid yet.');
    return new TokenRefused(`The token's ${claim} claim does not hold.`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new TokenRefused('The token is not signed with RS256.');
  if (error instanceof errors.JWKSNoMatchingKey) return new TokenRefused("The token's key is not the issuer's.");
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new TokenRefused('The token does not verify against the issuer’s key (altered, or signed by another).');
  if (error instanceof errors.JOSEError) return new TokenRefused('The token is not a valid JWT.');
  if (error instanceof ActionError) return new TokenRefused(`The token could not be checked: ${error.message}`);
  return new TokenRefused('The token could not be checked: the issuer did not answer.');
}
