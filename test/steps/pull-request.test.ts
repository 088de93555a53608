// lifetime: pull-request, in-process: the key lives as long as its pull request. Opened: made, kept after the job;
// later pushes: renewed in place; closed: main makes none and post deletes the pull request's keys. Keys of pull
// requests closed elsewhere go in later runs' post steps and in the sweep, on GitHub's word only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAnyKeyName, type KeyOwner } from '../../src/rules/names.js';
import { runMain } from '../../src/steps/direct/main.js';
import { runPost } from '../../src/steps/direct/post.js';
import { runSweep } from '../../src/steps/sweep/sweep.js';
import { GitHubEmulator, type GitHubOptions } from '../emulator/github.js';
import { ROOT, RUN_ENV } from '../runner/runner.js';
import { freshWorldPerTest } from '../support/fixture.js';
import { journalOf } from '../support/journal.js';
import { inProcess, type InProcess } from '../support/steps.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const REPO = RUN_ENV.GITHUB_REPOSITORY_ID;
const LIFETIME = { lifetime: 'pull-request', 'sweep-expired': 'true' };
const dir = mkdtempSync(join(tmpdir(), 'pr-events-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The runner's variables of a `pull_request` run: the event file and a run of its own. */
function pullRequestRun(number: number, action: string, runId: string): Record<string, string> {
  const path = join(dir, `${number}-${action}-${runId}.json`);
  writeFileSync(path, JSON.stringify({ action, number, pull_request: { number, state: 'open' } }));
  return { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path, GITHUB_RUN_ID: runId };
}
const prKey = (pullRequest: string, runId = '400'): KeyOwner => ({
  kind: 'pr',
  run: { repositoryId: REPO, runId, attempt: 1 },
  pullRequest,
});

describe('lifetime: pull-request, in-process', () => {
  const world = freshWorldPerTest();
  let github: GitHubEmulator;
  const steps: InProcess[] = [];
  const startGitHub = async (options: GitHubOptions = {}) => {
    await github?.stop();
    github = await new GitHubEmulator(RUN_ENV.GITHUB_REPOSITORY, options).start();
    github.pull('41', 'closed');
    github.pull('43', 'open');
    github.pull('44', 'merged');
  };
  beforeEach(() => startGitHub());
  afterEach(async () => {
    steps.forEach((step) => step.dispose());
    await github.stop();
  });
  const run = async (
    step: (deps: InProcess['deps']) => Promise<void>,
    inputs: Record<string, string>,
    options: { state?: Record<string, string>; env?: Record<string, string>; actionDir?: string } = {},
  ) => {
    const running = inProcess({
      ...options,
      inputs: { ...world().inputs, ...inputs },
      env: { GITHUB_API_URL: github.url, ...options.env },
    });
    steps.push(running);
    await step(running.deps);
    return running.core;
  };
  const left = () =>
    world()
      .emulator.keysIn()
      .map((key) => key.name)
      .sort();
  const ops = () => world().emulator.requests.map((request) => request.op);

  it('opened → push → push → closed: one key, renewed in place, deleted by the post step of the run that closes', async () => {
    const opened = pullRequestRun(42, 'opened', '1001');
    const made = await run(runMain, LIFETIME, { env: opened });
    expect(made.failed).toBeUndefined();
    const name = made.outputs['key-name']!;
    expect(parseAnyKeyName(name)).toMatchObject({ base: 'gha-shop-api-pr42-test', kind: 'pr', pullRequest: '42' });
    expect(made.outputs).toMatchObject({ renewed: 'false' });
    expect(made.outputs['api-key']).toMatch(/^pcsk_/);
    // The ttl is a backstop, 30 days by default.
    expect(Date.parse(made.outputs['expires-at']!)).toBeGreaterThan(Date.now() + 30 * DAY - 60_000);
    const kept = await run(runPost, LIFETIME, { state: made.saved, env: opened });
    expect(kept.log).toContain(
      `Keeping API key ${name} (${made.outputs['key-id']}) for pull request #42 (lifetime: pull-request): the run that closes it deletes the key.`,
    );

    let lastName = name;
    for (const runId of ['1002', '1003']) {
      const pushed = pullRequestRun(42, 'synchronize', runId);
      const renewed = await run(runMain, LIFETIME, { env: pushed });
      expect(renewed.failed).toBeUndefined();
      expect(renewed.outputs).toMatchObject({ renewed: 'true', 'key-id': made.outputs['key-id'] });
      expect(renewed.outputs['api-key']).toBeUndefined();
      lastName = renewed.outputs['key-name']!;
      expect(parseAnyKeyName(lastName)?.run?.runId).toBe(runId);
      await run(runPost, LIFETIME, { state: renewed.saved, env: pushed });
      const [key] = world().emulator.keysIn();
      expect(world().emulator.keysIn()).toHaveLength(1);
      expect(key).toMatchObject({ id: made.outputs['key-id'], value: made.outputs['api-key'] });
    }

    world().emulator.requests.length = 0;
    const closing = pullRequestRun(42, 'closed', '1004');
    const closed = await run(runMain, LIFETIME, { env: closing });
    expect(closed.failed).toBeUndefined();
    expect(closed.outputs).toMatchObject({ closed: 'true' });
    expect(closed.outputs['api-key']).toBeUndefined();
    expect(closed.outputs['key-id']).toBeUndefined();
    expect(ops()).toEqual(['token', 'list-keys']); // no create, no delete: the post step deletes
    expect(world().emulator.keysIn()).toHaveLength(1);
    const post = await run(runPost, LIFETIME, { state: closed.saved, env: closing });
    expect(post.failed).toBeUndefined();
    expect(post.log).toContain(`Deleted closed pull request's API key ${lastName} (${made.outputs['key-id']}).`);
    expect(left()).toEqual([]);
    expect(github.requests).toEqual([]); // the close event is its own word: GitHub is not asked
  });

  it('replace: true makes a new key at every push (a deployment of its own each time); post deletes the older one', async () => {
    const inputs = { ...LIFETIME, replace: 'true' };
    const first = await run(runMain, inputs, { env: pullRequestRun(42, 'opened', '1001') });
    await run(runPost, inputs, { state: first.saved, env: pullRequestRun(42, 'opened', '1001') });
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a later expiry: the first key is the older one
    const pushed = pullRequestRun(42, 'synchronize', '1002');
    const second = await run(runMain, inputs, { env: pushed });
    expect(second.outputs).toMatchObject({ renewed: 'false' });
    expect(second.outputs['api-key']).toMatch(/^pcsk_/);
    expect(second.outputs['api-key']).not.toBe(first.outputs['api-key']);
    await run(runPost, inputs, { state: second.saved, env: pushed });
    expect(left()).toEqual([second.outputs['key-name']]);
  });

  it("replace: true never takes another pull request's key for an older copy, whatever the name template", async () => {
    const inputs = { ...LIFETIME, replace: 'true', name: 'preview-{repo}' };
    const other = world().ours('preview-shop-api', DAY, prKey('43'));
    const pushed = pullRequestRun(42, 'synchronize', '1002');
    const main = await run(runMain, inputs, { env: pushed });
    expect(main.failed).toBeUndefined();
    await run(runPost, inputs, { state: main.saved, env: pushed });
    expect(left()).toEqual([main.outputs['key-name'], other.name].sort());
  });

  it('the close deletes only that pull request’s keys of this repository, and nothing when it had none', async () => {
    const own = world().tagged('gha-shop-api-pr42-test', DAY, prKey('42'));
    const otherJob = world().tagged('gha-shop-api-pr42-lint', DAY, prKey('42', '401'));
    const otherPull = world().tagged('gha-shop-api-pr43-test', DAY, prKey('43'));
    const otherRepo = world().tagged('gha-shop-api-pr42-test', DAY, {
      ...prKey('42'),
      run: { repositoryId: '111', runId: '400', attempt: 1 },
    });
    const kept = world().tagged('gha-shop-api-pr42-test', DAY, { kind: 'kept', run: prKey('42').run });
    // A name that looks like the pull request's own but carries no tag of ours (typed by hand, or another maker's).
    const untagged = world().ours('gha-shop-api-pr42-test', DAY, prKey('42'));
    const closing = pullRequestRun(42, 'closed', '1004');
    const closed = await run(runMain, LIFETIME, { env: closing });
    expect(
      journalOf(closed.saved)
        ?.retire.map((item) => item.id)
        .sort(),
    ).toEqual([own.id, otherJob.id].sort());
    await run(runPost, LIFETIME, { state: closed.saved, env: closing });
    expect(left()).toEqual([otherPull.name, otherRepo.name, kept.name, untagged.name].sort());

    const again = await run(runMain, LIFETIME, { env: closing });
    expect(again.log).toContain('Pull request #42 is closed: no API key of it is left to delete; no key was created.');
    const post = await run(runPost, LIFETIME, { state: again.saved, env: closing });
    expect(post.log).toEqual(['Nothing to clean up: the main step created no key.']);
  });

  it("a later run's post deletes the keys of closed and merged pull requests, on GitHub's word; open ones stay", async () => {
    const closed = world().ours('gha-shop-api-pr41-test', DAY, prKey('41'));
    const open = world().ours('gha-shop-api-pr43-test', DAY, prKey('43'));
    const merged = world().ours('gha-shop-api-pr44-test', DAY, prKey('44'));
    const openExpired = world().ours('gha-shop-api-pr43-old', -DAY, prKey('43'));
    const pushed = pullRequestRun(42, 'opened', '1001');
    const main = await run(runMain, LIFETIME, { env: pushed });
    expect(main.log).toContain(
      'Found 1 expired key(s) and 3 key(s) of pull requests made by this action; the post step deletes them, asking GitHub first: a key of another pull request goes only if GitHub says it is closed.',
    );
    const post = await run(runPost, LIFETIME, { state: main.saved, env: pushed });
    expect(post.failed).toBeUndefined();
    expect(left()).toEqual([open.name, main.outputs['key-name']!].sort());
    for (const gone of [closed, merged, openExpired]) expect(left()).not.toContain(gone.name);
    expect(github.requests.map((request) => request.path).sort()).toEqual(
      ['41', '43', '44'].map((n) => `/repos/octo-org/shop-api/pulls/${n}`),
    );
  });

  it('the sweep deletes the keys of closed pull requests and expired ones; open ones stay', async () => {
    const closed = world().ours('gha-shop-api-pr41-test', DAY, prKey('41'));
    const open = world().ours('gha-shop-api-pr43-test', DAY, prKey('43'));
    const merged = world().ours('gha-shop-api-pr44-test', DAY, prKey('44'));
    const unknown = world().ours('gha-shop-api-pr45-test', DAY, prKey('45')); // 404, GitHub sees this run: gone
    const openExpired = world().ours('gha-shop-api-pr43-old', -DAY, prKey('43'));
    const sweep = await run(runSweep, {}, { actionDir: join(ROOT, 'sweep') });
    expect(sweep.failed).toBeUndefined();
    expect(left()).toEqual([open.name]);
    for (const gone of [closed, merged, unknown, openExpired]) expect(left()).not.toContain(gone.name);
    expect(sweep.log).toContain(`Deleted key ${closed.name} (${closed.id}): its pull request is closed.`);
  });

  it.each([
    ['blind', /^##\[warning\]GitHub answered 404 for a run of this repository but does not show/],
    ['rate-limited', /^##\[warning\]GitHub's rate limit for this token is used up/],
    ['forbidden', /^##\[warning\]GitHub did not let this job read workflow runs: .*pull-requests: read/],
  ] as const)('GitHub %s: no key of a live pull request is deleted, one warning says why', async (mode, warning) => {
    await startGitHub({ mode });
    const closed = world().ours('gha-shop-api-pr41-test', DAY, prKey('41'));
    const open = world().ours('gha-shop-api-pr43-test', DAY, prKey('43'));
    const pushed = pullRequestRun(42, 'synchronize', '1002');
    const main = await run(runMain, LIFETIME, { env: pushed });
    const post = await run(runPost, LIFETIME, { state: main.saved, env: pushed });
    expect(post.failed).toBeUndefined();
    expect(post.log.filter((line) => line.startsWith('##[warning]'))).toEqual([expect.stringMatching(warning)]);
    const sweep = await run(runSweep, {}, { actionDir: join(ROOT, 'sweep') });
    expect(sweep.failed).toBeUndefined();
    expect(left()).toEqual([closed.name, open.name, main.outputs['key-name']!].sort());
  });

  it('a throwaway project lives as long as its pull request: replaced at the next push, deleted at the close', async () => {
    const inputs = { ...LIFETIME, project: '', 'new-project': 'true' };
    const projects = () =>
      [...world().emulator.projects.values()].filter((project) => project.id !== world().project.id);
    const first = await run(runMain, inputs, { env: pullRequestRun(42, 'opened', '1001') });
    expect(first.failed).toBeUndefined();
    expect(first.outputs['project-name']).toMatch(/^gha-shop-api-pr42-test-eph-/);
    await run(runPost, inputs, { state: first.saved, env: pullRequestRun(42, 'opened', '1001') });
    expect(projects().map((p) => p.id)).toEqual([first.outputs['project-id']]);

    // The next push, a second later: a later expiry makes the first project the older one of that name.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const pushed = pullRequestRun(42, 'synchronize', '1002');
    const second = await run(runMain, inputs, { env: pushed });
    expect(second.failed).toBeUndefined();
    await run(runPost, inputs, { state: second.saved, env: pushed });
    expect(projects().map((p) => p.id)).toEqual([second.outputs['project-id']]);

    const closing = pullRequestRun(42, 'closed', '1003');
    const closed = await run(runMain, inputs, { env: closing });
    expect(closed.outputs['closed']).toBe('true');
    expect(projects()).toHaveLength(1);
    const post = await run(runPost, inputs, { state: closed.saved, env: closing });
    expect(post.failed).toBeUndefined();
    expect(projects()).toEqual([]);
  });

  it.each([
    [
      'a push event',
      {},
      { GITHUB_EVENT_NAME: 'push' },
      'Input "lifetime: pull-request" needs a pull_request event, and this run\'s is "push": run the job on: pull_request (types: opened, synchronize, reopened, closed), or set lifetime: job here (a sweep ends the keys of closed pull requests).',
    ],
    [
      'share',
      { share: 'true' },
      {},
      'Inputs "lifetime: pull-request" and "share: true" cannot go together: a shared key ends with its workflow run. Drop share (each job of the pull request keeps its own key), or set lifetime: job.',
    ],
    [
      'a name that changes at every push',
      { name: 'preview-{run_id}' },
      {},
      'Input "name" uses {run_id}, which changes at every push: with lifetime: pull-request, later runs find the key by its name. Use a template such as preview-{repo}-pr{pr}, or leave name out.',
    ],
    [
      'broker mode',
      { 'broker-url': 'https://broker.example', 'client-id': '', 'client-secret': '' },
      { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token' },
      'Input "lifetime: pull-request" is not available with broker-url',
    ],
  ])('refuses %s with one line that says how to fix it, before any request', async (_, inputs, env, line) => {
    const main = await run(
      runMain,
      { ...LIFETIME, ...inputs },
      { env: { ...pullRequestRun(42, 'opened', '1'), ...env } },
    );
    expect(main.failed).toContain(line);
    expect(world().emulator.requests).toEqual([]);
  });
});
