// Keys of finished runs, end to end with the committed bundles and GitHub's REST emulator: a later run's main and
// post, and the sweep, delete them within minutes instead of at their expiry; a missing permission only warns.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubEmulator } from '../emulator/github.js';
import { Job, JOB_TOKEN, NODES, ROOT, RUN_ENV } from '../runner/runner.js';
import { freshWorldPerTest } from '../support/fixture.js';
import { findLeaks } from '../support/scan.js';

const HOUR = 3_600_000;
const run = (runId: string) => ({ repositoryId: RUN_ENV.GITHUB_REPOSITORY_ID, runId, attempt: 1 });

describe.each(NODES)('keys of finished runs on $name', ({ path: node }) => {
  const world = freshWorldPerTest();
  let github: GitHubEmulator;
  beforeEach(async () => {
    github = await new GitHubEmulator(RUN_ENV.GITHUB_REPOSITORY).start();
    github.run('900', 'completed');
    github.run('901', 'in_progress');
  });
  afterEach(() => github.stop());

  it("a later run's post deletes the key of a runner that died; an expired key of a running job stays", async () => {
    const died = world().ours('gha-shop-api-900-1-test', 5 * HOUR, { kind: 'job', run: run('900') });
    const overtime = world().ours('gha-shop-api-901-1-test', -HOUR, { kind: 'job', run: run('901') });
    const job = new Job({
      node,
      with: { ...world().inputs, 'sweep-expired': 'true' },
      env: { GITHUB_API_URL: github.url },
    });
    const main = await job.main();
    expect(main.exitCode, main.log.join('\n')).toBe(0);
    const post = await job.post();
    expect(post.exitCode, post.log.join('\n')).toBe(0);
    expect(post.log).toContain(`Deleted finished-run API key ${died.name} (${died.id}).`);
    expect(post.log).toContain(`Kept expired API key ${overtime.name} (${overtime.id}): its run is still going.`);
    expect(
      world()
        .emulator.keysIn()
        .map((key) => key.id),
    ).toEqual([overtime.id]);
    for (const step of [main, post]) {
      expect(
        findLeaks(step, [...world().secrets(), JOB_TOKEN], { outputs: ['api-key'], env: ['PINECONE_API_KEY'] }),
      ).toEqual([]);
    }
  });

  it('the sweep deletes the key of a finished run at once; without actions: read it warns and goes by expiry', async () => {
    const died = world().ours('gha-x', 5 * HOUR, { kind: 'job', run: run('900') });
    const { 'sweep-expired': _, ...inputs } = world().inputs;
    const sweep = await new Job({
      node,
      actionDir: join(ROOT, 'sweep'),
      with: inputs,
      env: { GITHUB_API_URL: github.url },
    }).main();
    expect(sweep.exitCode, sweep.log.join('\n')).toBe(0);
    expect(sweep.log).toContain(`Deleted key ${died.name} (${died.id}): its run is over.`);

    const again = world().ours('gha-y', 5 * HOUR, { kind: 'job', run: run('900') });
    const forbidden = await new GitHubEmulator(RUN_ENV.GITHUB_REPOSITORY, { mode: 'forbidden' }).start();
    try {
      const refused = await new Job({
        node,
        actionDir: join(ROOT, 'sweep'),
        with: inputs,
        env: { GITHUB_API_URL: forbidden.url },
      }).main();
      expect(refused.exitCode).toBe(0);
      expect(refused.log.filter((line) => line.startsWith('##[warning]'))).toEqual([
        expect.stringMatching(
          /^##\[warning\]GitHub did not let this job read workflow runs: add `permissions: actions: read`/,
        ),
      ]);
      expect(
        world()
          .emulator.keysIn()
          .map((key) => key.id),
      ).toEqual([again.id]);
    } finally {
      await forbidden.stop();
    }
  });
});
