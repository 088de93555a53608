// JobStates over GitHub's emulator with the clock in the test's hands: how long each answer is trusted, and when
// a missing installation is looked for again. The broker asks through this for mints and for its sweep.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobStates } from '../../src/broker/jobs/job-states.js';
import { GitHubEmulator } from '../emulator/github.js';
import { RUN_CLAIMS } from '../support/broker.js';
import { APP_ID, APP_KEY } from '../support/app-key.js';

const { privateKey, publicKey } = APP_KEY;
const MINUTE = 60_000;
const ASK = { repository: 'octo-org/shop-api', runId: RUN_CLAIMS.run_id, job: '501' };

describe('JobStates', () => {
  let github: GitHubEmulator;
  let clock: number;
  let told: string[];
  let jobs: JobStates;
  beforeEach(async () => {
    github = await new GitHubEmulator('octo-org/shop-api').start();
    github.app = { id: APP_ID, publicKey, installations: new Map() };
    clock = Date.now();
    told = [];
    jobs = new JobStates(
      { appId: APP_ID, privateKey, apiUrl: github.url },
      () => clock,
      (line) => told.push(line),
    );
  });
  afterEach(() => github.stop());
  const lookups = () => github.requests.filter((request) => request.path.endsWith('/installation')).length;
  const asked = () => github.requests.filter((request) => request.path.includes('/actions/jobs/')).length;

  it('looks for a missing installation again after 5 minutes, not at every question', async () => {
    github.jobs.set('501', 'completed');
    expect(await jobs.state(ASK)).toBe('unknown');
    clock += MINUTE;
    expect(await jobs.state(ASK)).toBe('unknown');
    expect(lookups()).toBe(1);
    github.app!.installations.set('octo-org', 77); // installed since
    clock += 4 * MINUTE;
    expect(await jobs.state(ASK)).toBe('over');
    expect(lookups()).toBe(2);
    expect(told.filter((line) => line.includes('not installed on octo-org'))).toHaveLength(1);
  });

  it('trusts "cannot tell" for the window asked too: a GitHub that fails is not asked at every question', async () => {
    github.app!.installations.set('octo-org', 77);
    github.options.mode = 'error';
    expect(await jobs.state(ASK)).toBe('unknown');
    clock += 10_000;
    expect(await jobs.state(ASK)).toBe('unknown');
    expect(await jobs.state(ASK, 5 * MINUTE)).toBe('unknown'); // the sweep's window
    expect(asked()).toBe(1);
    github.options.mode = 'ok';
    github.jobs.set('501', 'completed');
    clock += 6_000; // past a mint's 15 s
    expect(await jobs.state(ASK)).toBe('over');
    expect(told.filter((line) => line.includes('HTTP 502'))).toHaveLength(1);
  });

  it('trusts "runs" for the window asked, "over" for 10 minutes', async () => {
    github.app!.installations.set('octo-org', 77);
    github.jobs.set('501', 'in_progress');
    expect(await jobs.state(ASK)).toBe('alive');
    clock += 10_000;
    expect(await jobs.state(ASK)).toBe('alive'); // a mint's 15 s
    expect(asked()).toBe(1);
    github.jobs.set('501', 'completed');
    clock += 10_000;
    expect(await jobs.state(ASK)).toBe('over');
    clock += 9 * MINUTE;
    github.jobs.set('501', 'in_progress'); // GitHub never says so; the cache is why it is not asked
    expect(await jobs.state(ASK)).toBe('over');
    expect(asked()).toBe(2);
    clock += 2 * MINUTE; // past the 10 minutes: asked again
    expect(await jobs.state(ASK)).toBe('alive');
    expect(asked()).toBe(3);
  });
});
