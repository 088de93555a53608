// With a GitHub App, the broker asks GitHub whether the job of a token still runs (GitHub's App endpoints emulated
// over HTTP, the App's JWT checked with its public key): a finished job's token mints nothing, one job's mints cost
// one look-up, and GitHub that cannot see the repository proves nothing. Without one, the broker says so at start.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubApp } from '../../src/broker/jobs/app-config.js';
import type { GitHubEmulator } from '../emulator/github.js';
import { AppBroker } from '../support/app-broker.js';
import { AUDIENCE, CHECK_RUN_ID, EXCHANGE, JOB_CLAIMS } from '../support/broker.js';
import type { World } from '../support/fixture.js';
import type { OidcIssuer } from '../support/oidc-issuer.js';

describe('the broker with a GitHub App', () => {
  let setup: AppBroker;
  let world: World;
  let issuer: OidcIssuer;
  let github: GitHubEmulator;

  beforeEach(async () => {
    setup = await new AppBroker().start();
    ({ world, issuer, github } = setup);
    issuer.claims = { ...JOB_CLAIMS };
  });
  afterEach(() => setup.stop());

  const start = (app: GitHubApp | null = setup.app()) => setup.launch(app ?? undefined);
  const mint = async (nonce: string) => {
    const response = await fetch(`${setup.running!.url}/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: EXCHANGE,
        subject_token: await issuer.token(AUDIENCE),
        scope: 'DataPlaneEditor',
        nonce,
        job: 'test',
      }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const revoke = async (nonce: string) =>
    fetch(`${setup.running!.url}/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ subject_token: await issuer.token(AUDIENCE), nonce }),
    });
  const jobLookups = () => setup.asked('/actions/jobs/');

  it("refuses a finished job's token before any request to Pinecone", async () => {
    github.jobs.set(CHECK_RUN_ID, 'completed');
    await start();
    const before = world.emulator.requests.length;
    const { status, body } = await mint('over01');
    expect(status).toBe(400);
    expect(body['error']).toBe('invalid_grant');
    expect(body['error_description']).toBe(
      `Job ${CHECK_RUN_ID} of run 16021984 is over, GitHub says: its tokens get no more keys.`,
    );
    expect(world.emulator.keysIn(world.project.id)).toEqual([]);
    expect(world.emulator.requests.slice(before).filter((request) => request.op === 'create-key')).toEqual([]);
  });

  it("a running job's mints cost one look-up, with an installation token the App's JWT got", async () => {
    github.jobs.set(CHECK_RUN_ID, 'in_progress');
    await start();
    expect((await mint('run001')).status).toBe(200);
    expect((await revoke('run001')).status).toBe(200);
    expect((await mint('run002')).status).toBe(200);
    expect(jobLookups()).toBe(1);
    const lookup = github.requests.find((request) => request.path.includes('/actions/jobs/'))!;
    expect(lookup.authorization).toMatch(/^token ghs_installation_77_/);
    expect(setup.lines.some((line) => line.includes('no-github-app'))).toBe(false);
  });

  it('GitHub that cannot see the repository proves nothing: the job mints, and the operator is told once', async () => {
    // No job and no run that the App can see: the 404 of the job is blindness, not proof.
    github.runs.clear();
    await start();
    expect((await mint('bln001')).status).toBe(200);
    const told = setup.told('cannot tell whether their jobs still run');
    expect(told).toHaveLength(1);
  });

  it('a job GitHub no longer knows, in a run the App sees, is over', async () => {
    await start(); // the emulator knows the run of RUN_CLAIMS (in progress) and no job
    github.run('16021984', 'in_progress');
    expect((await mint('gon001')).status).toBe(400);
  });

  it('an owner without the installation proves nothing: the job mints, and the operator is told once', async () => {
    github.app!.installations.clear();
    github.jobs.set(CHECK_RUN_ID, 'completed');
    await start();
    expect((await mint('ins001')).status).toBe(200);
    expect(setup.told('is not installed on octo-org')).toHaveLength(1);
  });

  it('without an App, says at start that expiry alone decides, and a finished job still mints', async () => {
    github.jobs.set(CHECK_RUN_ID, 'completed');
    await start(null);
    expect(setup.told('"event":"no-github-app"')).toHaveLength(1);
    expect((await mint('noa001')).status).toBe(200);
    expect(github.requests).toEqual([]);
  });
});
