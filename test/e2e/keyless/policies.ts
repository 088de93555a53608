// What the deny-by-default tests share: a policy for the fake issuer in fields the build before issue #28 also
// reads (so that an old broker starts, and the weakness itself is what a test catches), a mint by a new job with a
// fresh token each time (mintAsNewJob), and a start that is expected to stop.
import type { JWTPayload } from 'jose';
import { AUDIENCE, mintWithToken, RUN_CLAIMS, startBrokerProcess, type BrokerProcess } from '../../support/broker.js';
import type { World } from '../../support/fixture.js';
import type { OidcIssuer } from '../../support/oidc-issuer.js';

/** `rules` (YAML list items) under the test world's audience and issuer; no field the old build refuses. */
export function policyOf(issuer: OidcIssuer, rules: string, audience = AUDIENCE): string {
  return `audience: ${audience}\nissuer: ${issuer.url}\nserver-url: https://github.com\nsweep-interval: 1h\nrules:\n${rules}`;
}

let jobs = 30433642100;

/**
 * POST /token with a fresh token of `claims` over RUN_CLAIMS. Each call is another job (its own check_run_id), so
 * that the one-key-per-job cap never decides here. `scope` is sent because the old build required it; a ttl of 10m is
 * within every rule here.
 */
export async function mintAsNewJob(
  broker: BrokerProcess,
  issuer: OidcIssuer,
  claims: JWTPayload,
  options: { expiresIn?: string; scope?: string } = {},
) {
  jobs += 1;
  const subject = await issuer.token(
    AUDIENCE,
    { ...RUN_CLAIMS, check_run_id: String(jobs), ...claims },
    options.expiresIn ? { expiresIn: options.expiresIn } : {},
  );
  return mintWithToken(broker.url, subject, `n${String(jobs).slice(-5)}`, {
    scope: options.scope ?? 'DataPlaneViewer',
    ttl: '10m',
  });
}

/** The error a start that should stop rejects with, or 'started' (the broker is stopped again at once). */
export function startFails(world: World, policy: string, node: string): Promise<string> {
  return startBrokerProcess({ world, policy, node }).then(
    async (broker) => (await broker.stop(), 'started'),
    (error: Error) => error.message,
  );
}

/** What startBrokerProcess rejects with when the policy file stops the start: exit code 2 and exactly `line`. */
export function stoppedAtStart(line: string): RegExp {
  const escaped = line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^the broker exited \\(2\\) before listening: pinecone-broker: \\S+/policy\\.yml: ${escaped}\\n$`);
}
