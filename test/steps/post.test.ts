// The post step in-process: it deletes what a verified journal names, and nothing on the word of forged state.
import { afterEach, describe, expect, it } from 'vitest';
import { buildKeyName } from '../../src/rules/names.js';
import { runMain } from '../../src/steps/direct/main.js';
import { runPost } from '../../src/steps/direct/post.js';
import { freshWorldPerTest } from '../support/fixture.js';
import { inProcess, type InProcess } from '../support/steps.js';

const FORGED_WARNING =
  "##[warning]Ignored the state handed to the post step: it does not carry this action's seal for this job (another step may have written it to GITHUB_ENV, or this step was given another client secret than the main step: the runner gives an action wrapped in nested composite actions the outer one's inputs). Nothing is deleted on its word; if the main step made a key, delete it in the Pinecone console or run the sweep sub-action.";

describe('post step, in-process', () => {
  const world = freshWorldPerTest();
  const steps: InProcess[] = [];
  afterEach(() => steps.forEach((step) => step.dispose()));
  const run = async (
    step: (deps: InProcess['deps']) => Promise<void>,
    inputs: Record<string, string> = {},
    options: { state?: Record<string, string>; env?: Record<string, string> } = {},
  ) => {
    const running = inProcess({ ...options, inputs: { ...world().inputs, ...inputs } });
    steps.push(running);
    await step(running.deps);
    return running.core;
  };

  it('deletes the key main handed over, and nothing else, in one round trip after the login', async () => {
    const production = world().emulator.addKey(world().project.id, 'production');
    const main = await run(runMain);
    const post = await run(runPost, {}, { state: main.saved });
    expect(post.failed).toBeUndefined();
    expect(post.log).toEqual([
      `Deleting API key ${main.outputs['key-name']} (${main.outputs['key-id']}).`,
      `Deleted API key ${main.outputs['key-name']}.`,
    ]);
    expect(
      world()
        .emulator.keysIn()
        .map((k) => k.id),
    ).toEqual([production.id]);
  });

  it('ignores forged state with one warning: nothing is deleted on its word', async () => {
    const production = world().emulator.addKey(world().project.id, 'production');
    const theirs = buildKeyName('gha-x', { kind: 'job', run: undefined }, new Date(Date.now() - 3_600_000), 'aaaaaa');
    const lookalike = world().emulator.addKey(world().project.id, theirs);
    const forgeries: Array<Record<string, string>> = [
      { journal: 'v1.eyJwcm9qZWN0SWQiOiJ4In0.AAAA' },
      { journal: 'garbage' },
      { retire: JSON.stringify([{ id: production.id, name: 'production', why: 'expired' }]), 'key-id': production.id },
    ];
    for (const state of forgeries) {
      const post = await run(runPost, {}, { state });
      const expected = state.journal ? [FORGED_WARNING] : ['Nothing to clean up: the main step created no key.'];
      expect(post.log).toEqual(expected);
      expect(post.failed).toBeUndefined();
    }
    expect(
      world()
        .emulator.keysIn()
        .map((k) => k.id)
        .sort(),
    ).toEqual([production.id, lookalike.id].sort());
    expect(world().emulator.requests).toEqual([]);
  });

  it('refuses a journal sealed for another job, or with another client secret', async () => {
    const main = await run(runMain);
    const otherJob = await run(runPost, {}, { state: main.saved, env: { GITHUB_JOB: 'deploy' } });
    expect(otherJob.log).toEqual([FORGED_WARNING]);
    world().emulator.addClient('other-account', 'other-secret');
    const otherSecret = await run(
      runPost,
      { 'client-id': 'other-account', 'client-secret': 'other-secret' },
      { state: main.saved },
    );
    expect(otherSecret.log).toEqual([FORGED_WARNING]);
    expect(world().emulator.keysIn()).toHaveLength(1);
    expect((await run(runPost, {}, { state: main.saved })).log.at(-1)).toBe(
      `Deleted API key ${main.outputs['key-name']}.`,
    );
  });

  it('cleanup: false: keeps the key and says so, with no request', async () => {
    const main = await run(runMain, { cleanup: 'false' });
    const before = world().emulator.requests.length;
    const post = await run(runPost, { cleanup: 'false' }, { state: main.saved });
    expect(post.log).toEqual([
      `Keeping API key ${main.outputs['key-name']} (${main.outputs['key-id']}): cleanup is false, so a sweep deletes it once it has expired.`,
    ]);
    expect(world().emulator.requests).toHaveLength(before);
    expect(world().emulator.keysIn()).toHaveLength(1);
  });

  it('logs in where main did, as main did, whatever api-url, client-id and timeout it is given', async () => {
    const main = await run(runMain, { timeout: '30s' });
    // As the runner hands post the inputs of a wrapping composite (actions/runner#2030).
    const post = await run(
      runPost,
      { 'api-url': 'http://127.0.0.1:9', 'client-id': 'another-account', timeout: '45m', 'on-cleanup-error': 'warn' },
      { state: main.saved },
    );
    expect(post.failed).toBeUndefined();
    expect(post.log.at(-1)).toBe(`Deleted API key ${main.outputs['key-name']}.`);
    expect(world().emulator.keysIn()).toEqual([]);
  });

  it('on-cleanup-error: warn turns a failed delete into a warning', async () => {
    const main = await run(runMain, { 'on-cleanup-error': 'warn' });
    world().emulator.inject({ op: 'delete-key', status: 403, code: 'PERMISSION_DENIED' });
    const post = await run(runPost, { 'on-cleanup-error': 'warn' }, { state: main.saved });
    expect(post.failed).toBeUndefined();
    expect(post.log.at(-1)).toMatch(
      /^##\[warning\]Could not delete API key gha-shop-.* in project .*: The service account may not delete API key .* \(HTTP 403 PERMISSION_DENIED\)/,
    );
  });
});
