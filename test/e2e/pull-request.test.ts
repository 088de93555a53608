// lifetime: pull-request through the committed bundles, as a pull_request workflow runs them: opened → pushed →
// pushed → closed keeps one key, renewed in place, until the post step of the run that closes the pull request
// deletes it; a key of a pull request closed elsewhere goes in a later run's post step or the sweep, on GitHub's
// word alone (a blind GitHub deletes nothing); no step prints a secret.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyOwner } from '../../src/rules/names.js';
import { GitHubEmulator, type GitHubOptions } from '../emulator/github.js';
import { Job, JOB_TOKEN, NODES, ROOT, RUN_ENV, type StepResult } from '../runner/runner.js';
import { freshWorldPerTest } from '../support/fixture.js';
import { findLeaks } from '../support/scan.js';

const DAY = 86_400_000;
const LIFETIME = { lifetime: 'pull-request', 'sweep-expired': 'true' };
const prKey = (pullRequest: string): KeyOwner => ({
  kind: 'pr',
  run: { repositoryId: RUN_ENV.GITHUB_REPOSITORY_ID, runId: '400', attempt: 1 },
  pullRequest,
});

describe.each(NODES)('lifetime: pull-request on $name', ({ path: node }) => {
  const world = freshWorldPerTest();
  let github: GitHubEmulator;
  const startGitHub = async (options: GitHubOptions = {}) => {
    await github?.stop();
    github = await new GitHubEmulator(RUN_ENV.GITHUB_REPOSITORY, options).start();
    github.pull('41', 'merged');
    github.pull('43', 'open');
  };
  beforeEach(() => startGitHub());
  afterEach(() => github.stop());

  /** A run of the pull request's workflow: its event, a run id of its own (which GitHub shows, as a live run). */
  const pullRequestJob = (number: number, action: string, runId: string, inputs: Record<string, string> = {}) => {
    github.run(runId, 'in_progress');
    github.pull(String(number), action === 'closed' ? 'closed' : 'open');
    return new Job({
      node,
      with: { ...world().inputs, ...LIFETIME, ...inputs },
      env: { GITHUB_API_URL: github.url, GITHUB_RUN_ID: runId },
      event: { name: 'pull_request', payload: { action, number, pull_request: { number, state: 'open' } } },
    });
  };
  const clean = (steps: StepResult[]) => {
    for (const step of steps)
      expect(
        findLeaks(step, [...world().secrets(), JOB_TOKEN], { outputs: ['api-key'], env: ['PINECONE_API_KEY'] }),
      ).toEqual([]);
  };

  it('opened → push → push → closed: one key, renewed in place, deleted by the post step of the closing run', async () => {
    const opened = pullRequestJob(42, 'opened', '2001');
    const made = await opened.main();
    expect(made.exitCode, made.log.join('\n')).toBe(0);
    const value = made.outputs['api-key']!;
    expect(value).toMatch(/^pcsk_/);
    const steps = [made, await opened.post()];

    let name = made.outputs['key-name']!;
    for (const runId of ['2002', '2003']) {
      const pushed = pullRequestJob(42, 'synchronize', runId);
      const renewed = await pushed.main();
      expect(renewed.exitCode, renewed.log.join('\n')).toBe(0);
      expect(renewed.outputs).toMatchObject({ renewed: 'true', 'key-id': made.outputs['key-id'] });
      expect(renewed.outputs['api-key']).toBeUndefined();
      const kept = await pushed.post();
      expect(kept.exitCode).toBe(0);
      name = renewed.outputs['key-name']!;
      expect(kept.log).toContain(
        `Keeping API key ${name} (${made.outputs['key-id']}) for pull request #42 (lifetime: pull-request): the run that closes it deletes the key.`,
      );
      expect(world().emulator.keysIn()).toEqual([expect.objectContaining({ id: made.outputs['key-id'], value })]);
      steps.push(renewed, kept);
    }

    const closing = pullRequestJob(42, 'closed', '2004');
    const closed = await closing.main();
    expect(closed.exitCode, closed.log.join('\n')).toBe(0);
    expect(closed.outputs['closed']).toBe('true');
    expect(closed.outputs['api-key']).toBeUndefined();
    expect(closed.env['PINECONE_API_KEY']).toBeUndefined();
    expect(world().emulator.keysIn()).toHaveLength(1); // a later step removes the platform's variable first
    const post = await closing.post();
    expect(post.exitCode, post.log.join('\n')).toBe(0);
    expect(post.log).toContain(`Deleted closed pull request's API key ${name} (${made.outputs['key-id']}).`);
    expect(world().emulator.keysIn()).toEqual([]);
    clean([...steps, closed, post]);
  });

  it("a key of a closed pull request goes in a later run's post step, and in the sweep; an open one's stays", async () => {
    const merged = world().ours('gha-shop-api-pr41-test', 10 * DAY, prKey('41'));
    const open = world().ours('gha-shop-api-pr43-test', 10 * DAY, prKey('43'));
    const job = pullRequestJob(42, 'opened', '2001');
    const main = await job.main();
    expect(main.exitCode, main.log.join('\n')).toBe(0);
    const post = await job.post();
    expect(post.exitCode, post.log.join('\n')).toBe(0);
    expect(post.log).toContain(`Deleted closed pull request's API key ${merged.name} (${merged.id}).`);
    const left = () =>
      world()
        .emulator.keysIn()
        .map((key) => key.id)
        .sort();
    expect(left()).toEqual([open.id, main.outputs['key-id']!].sort());

    github.pull('43', 'closed');
    const { 'sweep-expired': _, ...inputs } = world().inputs;
    const sweep = await new Job({
      node,
      actionDir: join(ROOT, 'sweep'),
      with: inputs,
      env: { GITHUB_API_URL: github.url },
    }).main();
    expect(sweep.exitCode, sweep.log.join('\n')).toBe(0);
    expect(sweep.log).toContain(`Deleted key ${open.name} (${open.id}): its pull request is closed.`);
    expect(left()).toEqual([main.outputs['key-id']]); // pull request 42 is open
    clean([main, post, sweep]);
  });

  it('a blind GitHub (404 for everything, this run too) deletes no key of any pull request', async () => {
    await startGitHub({ mode: 'blind' });
    const merged = world().ours('gha-shop-api-pr41-test', 10 * DAY, prKey('41'));
    const job = pullRequestJob(42, 'synchronize', '2002');
    const main = await job.main();
    const post = await job.post();
    expect(post.exitCode, post.log.join('\n')).toBe(0);
    expect(post.log.filter((line) => line.startsWith('##[warning]'))).toEqual([
      expect.stringMatching(/^##\[warning\]GitHub answered 404 for a run of this repository but does not show/),
    ]);
    const { 'sweep-expired': _, ...inputs } = world().inputs;
    const sweep = await new Job({
      node,
      actionDir: join(ROOT, 'sweep'),
      with: inputs,
      env: { GITHUB_API_URL: github.url },
    }).main();
    expect(sweep.exitCode, sweep.log.join('\n')).toBe(0);
    expect(
      world()
        .emulator.keysIn()
        .map((key) => key.id),
    ).toContain(merged.id);
    expect(world().emulator.keysIn()).toHaveLength(2);
    clean([main, post, sweep]);
  });
});
