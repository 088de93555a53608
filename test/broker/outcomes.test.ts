// The broker in-process (its real HTTP server, the Pinecone emulator, a fake OIDC issuer over real HTTP): what a
// caller is told when Pinecone fails, permanently or for now, when a create's outcome cannot be known, and what
// the decision lines print of a token's claims.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningBroker } from '../../src/broker/serve.js';
import { AUDIENCE, EXCHANGE, policyFor, RUN_CLAIMS, startBrokerInProcess } from '../support/broker.js';
import { startWorld, type World } from '../support/fixture.js';
import { OidcIssuer } from '../support/oidc-issuer.js';

describe('what the broker answers when Pinecone fails', () => {
  let world: World;
  let issuer: OidcIssuer;
  let running: RunningBroker;
  const printed: string[] = [];

  beforeEach(async () => {
    printed.length = 0;
    world = await startWorld();
    issuer = await new OidcIssuer().start();
    issuer.claims = { ...RUN_CLAIMS };
    running = await startBrokerInProcess(world, policyFor(issuer, world), (line) => printed.push(line));
  });
  afterEach(async () => {
    await running.drain();
    await issuer.stop();
    await world.emulator.stop();
  });

  const mint = async (extra: Record<string, string> = {}) => {
    const response = await fetch(`${running.url}/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: EXCHANGE, subject_token: await issuer.token(AUDIENCE), ...extra }),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, string>,
    };
  };
  const mints = () =>
    printed.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line['action'] === 'mint');
  const keys = () => world.emulator.keysIn(world.project.id);

  it('a permanent refusal (the account is not the project owner) is 502 server_error naming no project, not temporarily_unavailable', async () => {
    world.emulator.faults.add({ op: 'create-key', status: 403, code: 'FORBIDDEN' });
    const { status, headers, body } = await mint();
    expect(status).toBe(502);
    expect(body['error']).toBe('server_error');
    // The operator's business: the caller's line names no project, the decision line does.
    expect(body['error_description']).toBe("The broker may not use its rule's project; its operator has been told.");
    expect(headers.get('retry-after')).toBeNull();
    expect(printed.join('\n')).toMatch(/The service account may not .* add it to the project as Project owner/);
  });

  it('Pinecone unavailable after the retries is 503 temporarily_unavailable with Retry-After', async () => {
    world.emulator.faults.add({ op: 'list-keys', status: 503, times: 20 });
    const response = await fetch(`${running.url}/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ subject_token: await issuer.token(AUDIENCE), nonce: 'abc123', budget_ms: '3000' }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(((await response.json()) as Record<string, string>)['error']).toBe('temporarily_unavailable');
  });

  it('a create committed but answered late, with the shortest budget, is looked for by name and deleted', async () => {
    world.emulator.faults.add({ op: 'create-key', action: 'commit-then-hang' });
    const { status, body } = await mint({ budget_ms: '2000' });
    expect(status).toBe(503);
    expect(body['error_description']).toMatch(/nothing was left\. Ask again\.$/);
    expect(world.emulator.issued).toHaveLength(1);
    expect(keys()).toEqual([]);
    expect(mints()).toEqual([expect.objectContaining({ outcome: 'unavailable' })]);
  });

  it('when the late create cannot be looked for either, says the outcome is unknown (503) and logs the decision', async () => {
    // The sweep at start lists keys first; then the cap's list before the create is answered, and the look-ups
    // after the lost create hang.
    await expect.poll(() => printed.some((line) => line.includes('"action":"sweep"')), { timeout: 10_000 }).toBe(true);
    world.emulator.faults.add({ op: 'create-key', action: 'commit-then-hang' });
    // The list before the create (the job's and the rule's caps) answers; the look for the lost create does not.
    world.emulator.faults.add({ op: 'list-keys', action: 'hang', times: 10, after: 1 });
    const { status, headers, body } = await mint({ budget_ms: '2000' });
    expect(status).toBe(503);
    expect(headers.get('retry-after')).toBe('1');
    expect(body['error_description']).toMatch(
      /the outcome is unknown; the broker's sweep deletes it \(at its expiry, or once its job is over\)\.$/,
    );
    expect(mints()).toEqual([
      expect.objectContaining({ outcome: 'unavailable', reason: expect.stringMatching(/the outcome is unknown/) }),
    ]);
  });

  it('escapes line separators and bidi controls of the claims it prints in decision lines', async () => {
    issuer.claims = { ...RUN_CLAIMS, ref: 'refs/heads/a\u2028b\u202ec\u2066' };
    expect((await mint({ scope: 'ProjectEditor' })).status).toBe(400);
    const line = printed.find((each) => each.includes('"action":"mint"'))!;
    expect(line).toContain('refs/heads/a\\u2028b\\u202ec\\u2066');
    expect(line).not.toMatch(/[\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect((JSON.parse(line) as Record<string, string>)['ref']).toBe('refs/heads/a\u2028b\u202ec\u2066');
  });
});
