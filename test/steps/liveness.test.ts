// Keys of finished runs, in-process: main finds them beside the create, post asks GitHub beside its login, and the
// sweep asks about every run it finds. GitHub is the REST emulator; failures never delete on a guess.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyOwner } from '../../src/rules/names.js';
import { runMain } from '../../src/steps/direct/main.js';
import { runPost } from '../../src/steps/direct/post.js';
import { runSweep } from '../../src/steps/sweep/sweep.js';
import { GitHubEmulator, type GitHubOptions } from '../emulator/github.js';
import { ROOT, RUN_ENV } from '../runner/runner.js';
import { freshWorldPerTest, type World } from '../support/fixture.js';
import { inProcess, type InProcess } from '../support/steps.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const REPO = RUN_ENV.GITHUB_REPOSITORY_ID;
const of = (runId: string, kind: KeyOwner['kind'] = 'job', repositoryId = REPO): KeyOwner => ({
  kind,
  run: { repositoryId, runId, attempt: 1 },
});

describe('keys of finished runs, in-process', () => {
  const world = freshWorldPerTest();
  let github: GitHubEmulator;
  const steps: InProcess[] = [];
  const startGitHub = async (options: GitHubOptions = {}) => {
    await github?.stop();
    github = await new GitHubEmulator(RUN_ENV.GITHUB_REPOSITORY, options).start();
    github.run('500', 'completed');
    github.run('502', 'in_progress');
    github.run('503', 'waiting');
    github.run('504', 'completed', 2);
    github.run('600', 'completed');
  };
  beforeEach(() => startGitHub());
  afterEach(async () => {
    steps.forEach((step) => step.dispose());
    await github.stop();
  });
  const run = async (
    step: (deps: InProcess['deps']) => Promise<void>,
    inputs: Record<string, string>,
    options: { state?: Record<string, string>; actionDir?: string } = {},
  ) => {
    const running = inProcess({
      ...options,
      inputs: { ...world().inputs, ...inputs },
      env: { GITHUB_API_URL: github.url },
    });
    steps.push(running);
    await step(running.deps);
    return running;
  };
  /** The keys of a repository that runs a lot of CI, as a main step or a sweep finds them. */
  const population = (w: World) => ({
    finished: w.ours('gha-done', HOUR, of('500')),
    deletedRun: w.ours('gha-deleted', HOUR, of('501')),
    aliveExpired: w.ours('gha-long-job', -HOUR, of('502')),
    aliveLongAgo: w.ours('gha-stuck', -4 * DAY, of('503')),
    sharedFinished: w.ours('gha-shared', HOUR, of('504', 'shared')),
    keptFinished: w.ours('preview', HOUR, of('500', 'kept')),
    otherRepo: w.ours('gha-elsewhere', HOUR, of('600', 'job', '111')),
    legacyExpired: w.ours('gha-old', -HOUR),
    live: w.ours('gha-running', HOUR, of('502')),
  });
  const left = () =>
    world()
      .emulator.keysIn()
      .map((key) => key.name);

  it("main finds them beside the create; post asks GitHub beside its login and deletes finished runs' keys only", async () => {
    const keys = population(world());
    const main = await run(runMain, { 'sweep-expired': 'true' });
    expect(main.core.log).toContain(
      'Found 3 expired key(s) and 4 key(s) of other runs of this repository made by this action; the post step deletes them, asking GitHub first: a key of another run goes only if GitHub says its run is over; an expired key stays while GitHub says its run is still going or does not answer.',
    );
    expect(github.requests).toEqual([]); // main asks nobody: no round trip added
    const post = await run(runPost, { 'sweep-expired': 'true' }, { state: main.core.saved });
    expect(post.core.failed).toBeUndefined();
    expect(left().sort()).toEqual(
      [keys.aliveExpired, keys.keptFinished, keys.otherRepo, keys.live].map((key) => key.name).sort(),
    );
    expect(post.core.log).toContain(
      `Kept expired API key ${keys.aliveExpired.name} (${keys.aliveExpired.id}): its run is still going.`,
    );
    // Each run once, with the job's token, at GITHUB_API_URL.
    expect(github.requests.map((r) => r.path).sort()).toEqual(
      // 501 is gone (404): believed once GitHub shows this step's own run, asked once.
      ['16021984', '500', '501', '502', '503', '504'].map((id) => `/repos/octo-org/shop-api/actions/runs/${id}`),
    );
    expect(new Set(github.requests.map((r) => r.authorization))).toEqual(new Set(['Bearer ghs_test']));
  });

  it('no permission: one warning naming the fix, and expiry decides as before', async () => {
    await startGitHub({ mode: 'forbidden' });
    const keys = population(world());
    const main = await run(runMain, { 'sweep-expired': 'true' });
    const post = await run(runPost, { 'sweep-expired': 'true' }, { state: main.core.saved });
    expect(post.core.failed).toBeUndefined();
    expect(post.core.log.filter((line) => line.startsWith('##[warning]'))).toEqual([
      expect.stringMatching(
        /^##\[warning\]GitHub did not let this job read workflow runs: add `permissions: actions: read`/,
      ),
    ]);
    const expired = [keys.aliveExpired, keys.aliveLongAgo, keys.legacyExpired].map((key) => key.name);
    for (const name of expired) expect(left()).not.toContain(name);
    expect(left()).toContain(keys.finished.name);
  });

  it.each([
    ['rate-limited', /^##\[warning\]GitHub's rate limit for this token is used up/],
    ['secondary-limit', /^##\[warning\]GitHub's rate limit for this token is used up/],
  ] as const)('%s: stops asking, says so, expiry decides', async (mode, warning) => {
    await startGitHub({ mode });
    const keys = population(world());
    const sweep = await run(runSweep, {}, { actionDir: join(ROOT, 'sweep') });
    expect(sweep.core.failed).toBeUndefined();
    expect(sweep.core.log.filter((line) => line.startsWith('##[warning]'))).toEqual([expect.stringMatching(warning)]);
    expect(left()).toContain(keys.finished.name);
    expect(left()).not.toContain(keys.aliveExpired.name);
  });

  it('GitHub unreachable: main says what post then does, and post names every key of another run it keeps', async () => {
    await github.stop(); // nothing listens at GITHUB_API_URL any more
    const keys = population(world());
    const main = await run(runMain, { 'sweep-expired': 'true' });
    expect(main.core.log).toContain(
      'Found 3 expired key(s) and 4 key(s) of other runs of this repository made by this action; the post step deletes them, asking GitHub first: a key of another run goes only if GitHub says its run is over; an expired key stays while GitHub says its run is still going or does not answer.',
    );
    const post = await run(runPost, { 'sweep-expired': 'true' }, { state: main.core.saved });
    expect(post.core.failed).toBeUndefined();
    const ofOtherRuns = [keys.finished, keys.deletedRun, keys.sharedFinished, keys.live];
    for (const key of ofOtherRuns) {
      expect(left()).toContain(key.name);
      expect(post.core.log).toContain(
        `Kept API key of another run ${key.name} (${key.id}): GitHub did not answer: its run counts as alive.`,
      );
    }
    expect(post.core.log).toContain(
      `Kept expired API key ${keys.aliveExpired.name} (${keys.aliveExpired.id}): GitHub did not answer: its run counts as alive.`,
    );
    expect(left()).not.toContain(keys.legacyExpired.name); // no run to ask about: its expiry decides
  });

  it('no github-token: main promises only what expiry decides, and post does exactly that', async () => {
    const keys = population(world());
    const main = await run(runMain, { 'sweep-expired': 'true', 'github-token': '' });
    expect(main.core.log).toContain('Found 3 expired key(s) made by this action; the post step deletes them.');
    const post = await run(runPost, { 'sweep-expired': 'true', 'github-token': '' }, { state: main.core.saved });
    expect(post.core.failed).toBeUndefined();
    expect(github.requests).toEqual([]);
    expect(left().sort()).toEqual(
      [keys.finished, keys.deletedRun, keys.sharedFinished, keys.keptFinished, keys.otherRepo, keys.live]
        .map((key) => key.name)
        .sort(),
    );
  });

  it('GitHub answering 5xx, or not at all: the runs count as alive, their expired keys are spared', async () => {
    await startGitHub({ mode: 'error' });
    const keys = population(world());
    const sweep = await run(runSweep, {}, { actionDir: join(ROOT, 'sweep') });
    expect(sweep.core.failed).toBeUndefined();
    expect(left()).toContain(keys.aliveExpired.name);
    expect(left()).toContain(keys.finished.name);
    expect(left()).not.toContain(keys.aliveLongAgo.name); // past the hard cap of 3 days
    expect(sweep.summaries[0]).toContain('GitHub did not answer: its run counts as alive');
  });

  it('the sweep asks about every run once, on GHES too, and counts keys of other repositories', async () => {
    await startGitHub({ basePath: '/api/v3' });
    const keys = population(world());
    const sweep = await run(runSweep, {}, { actionDir: join(ROOT, 'sweep') });
    expect(sweep.core.failed).toBeUndefined();
    expect(left().sort()).toEqual(
      [keys.aliveExpired, keys.keptFinished, keys.otherRepo, keys.live].map((key) => key.name).sort(),
    );
    expect(github.requests.map((r) => r.path).sort()).toEqual(
      ['16021984', '500', '501', '502', '503', '504'].map((id) => `/api/v3/repos/octo-org/shop-api/actions/runs/${id}`),
    );
    expect(sweep.summaries[0]).toContain(
      "1 of this action's keys were made in other repositories: left to their expiry.",
    );
    expect(sweep.summaries[0]).toContain('| its run is over |');
  });

  it("the sweep asks about throwaway projects' runs too (each run once): a finished job's project goes before its expiry", async () => {
    const project = (base: string, expiresInMs: number, owner: KeyOwner) => world().throwaway(base, expiresInMs, owner);
    const finished = project('gha-done', HOUR, of('500'));
    const aliveExpired = project('gha-long-job', -HOUR, of('502'));
    const keptFinished = project('preview', HOUR, of('500', 'kept'));
    const key = world().ours('gha-done', HOUR, of('500'));
    const sweep = await run(runSweep, {}, { actionDir: join(ROOT, 'sweep') });
    expect(sweep.core.failed).toBeUndefined();
    expect(sweep.core.log).toContain(`Deleted project ${finished.name} (${finished.id}): its run is over.`);
    expect([...world().emulator.projects.keys()].sort()).toEqual(
      [world().project.id, aliveExpired.id, keptFinished.id].sort(),
    );
    expect(left()).not.toContain(key.name);
    expect(github.requests.map((r) => r.path).sort()).toEqual(
      ['500', '502'].map((id) => `/repos/octo-org/shop-api/actions/runs/${id}`),
    );
  });

  it('main hands post at most 20 runs to ask about; the keys of the others wait for a later run or a sweep', async () => {
    for (let i = 0; i < 25; i++) {
      github.run(String(700 + i), 'completed');
      world().ours(`gha-leg-${i}`, HOUR, of(String(700 + i)));
    }
    const main = await run(runMain, { 'sweep-expired': 'true' });
    await run(runPost, { 'sweep-expired': 'true' }, { state: main.core.saved });
    expect(github.requests).toHaveLength(20);
    expect(world().emulator.keysIn()).toHaveLength(5);
  });
});
