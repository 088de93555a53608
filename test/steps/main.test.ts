// The main step in-process (see test/support/steps.ts): what it hands over, what it journals, and how it treats a
// skipped run, a full project, a skewed clock and a matrix.
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyOwner } from '../../src/rules/names.js';
import { runMain } from '../../src/steps/direct/main.js';
import { freshWorldPerTest, type World } from '../support/fixture.js';
import { journalOf } from '../support/journal.js';
import { inProcess, type InProcess } from '../support/steps.js';

const HOUR = 3_600_000;
const THIS_RUN: KeyOwner = { kind: 'job', run: { repositoryId: '829301755', runId: '16021984', attempt: 1 } };

describe('main step, in-process', () => {
  const world = freshWorldPerTest();
  let step: InProcess | undefined;
  afterEach(() => step?.dispose());
  const main = async (inputs: Record<string, string> = {}, options: { clockOffsetMs?: number } = {}) => {
    step = inProcess({ ...options, inputs: { ...world().inputs, ...inputs } });
    await runMain(step.deps);
    return step;
  };
  const ours: World['ours'] = (...args) => world().ours(...args);
  const ops = () => world().emulator.requests.map((r) => r.op);

  it('creates one key, masks its value before handing it over, and journals the key for post', async () => {
    const { core, summaries } = await main();
    expect(core.failed).toBeUndefined();
    const [key] = world().emulator.keysIn();
    expect(core.outputs).toMatchObject({
      'api-key': key!.value,
      'key-id': key!.id,
      'key-name': key!.name,
      skipped: 'false',
    });
    expect(core.exported).toEqual({ PINECONE_API_KEY: key!.value });
    expect(core.masked).toEqual(expect.arrayContaining([world().inputs['client-secret'], key!.value]));
    expect(journalOf(core.saved)).toMatchObject({
      projectId: world().project.id,
      key: { id: key!.id, name: key!.name },
      inFlight: '',
    });
    expect(ops()).toEqual(['token', 'create-key']);
    expect(summaries[0]).toContain(`<code>${key!.name}</code>`);
  });

  it('skips before reading any other input when credentials are missing (fork PRs get no variables either)', async () => {
    const { core } = await main({ 'client-secret': '', project: '', 'on-missing-credentials': 'skip' });
    expect(core.failed).toBeUndefined();
    expect(core.outputs).toEqual({ skipped: 'true' });
    expect(core.log).toEqual([
      '##[notice]Skipped: no Pinecone credentials, as client-secret (or env PINECONE_CLIENT_SECRET) is empty. Expected for pull requests from forks and for Dependabot, which get no secrets; no key was created.',
    ]);
    // Only the mode, saved before anything is read: post runs the same mode whatever inputs it is given.
    expect(core.saved).toEqual({ mode: 'direct' });
    expect(world().emulator.requests).toEqual([]);
  });

  it('a full project: deletes the expired keys this action made, then creates the key', async () => {
    world().emulator.options.quota = 3;
    const expired = [ours('gha-old-1', -HOUR), ours('gha-old-2', -HOUR)];
    const foreign = world().emulator.addKey(world().project.id, 'production');
    const { core } = await main({ 'sweep-expired': 'true' });
    expect(core.failed).toBeUndefined();
    expect(core.log).toContain('The project is full: deleting 2 expired key(s) this action made, then trying again.');
    const left = world()
      .emulator.keysIn()
      .map((k) => k.id);
    expect(left).toContain(foreign.id);
    for (const key of expired) expect(left).not.toContain(key.id);
    expect(left).toContain(core.outputs['key-id']);
    // The journal lists no name of the refused create: post has nothing to look for.
    expect(journalOf(core.saved)?.names).toEqual([core.outputs['key-name']]);
  });

  it('a project full of live keys: says how many keys it holds and which are this action’s', async () => {
    world().emulator.options.quota = 2;
    const live = ours('gha-live', HOUR);
    world().emulator.addKey(world().project.id, 'production');
    const { core } = await main({ 'sweep-expired': 'true' });
    expect(core.failed).toBe(
      `Pinecone refused to create the API key: project ${world().project.id} holds 2 API keys, as many as its quota allows (HTTP 403 QUOTA_EXCEEDED). 1 of them were made by this action and none has expired (${live.name}); 1 were made otherwise. Delete keys you no longer need in the Pinecone console, or give this action a shorter ttl.`,
    );
    expect(world().emulator.keysIn()).toHaveLength(2);
  });

  it("a runner whose clock is an hour fast keeps Pinecone's time: live keys stay, its own expiry is right", async () => {
    const concurrent = ours('gha-other-job', 30 * 60_000);
    const { core } = await main({ 'sweep-expired': 'true', ttl: '2h' }, { clockOffsetMs: HOUR });
    expect(core.failed).toBeUndefined();
    expect(journalOf(core.saved)?.retire).toEqual([]);
    expect(Math.abs(Date.parse(core.outputs['expires-at']!) - (Date.now() + 2 * HOUR))).toBeLessThan(5_000);
    expect(core.log).toContain("This runner's clock is 1h ahead of Pinecone's: expiry times follow Pinecone's clock.");
    expect(
      world()
        .emulator.keysIn()
        .map((k) => k.id),
    ).toContain(concurrent.id);
  });

  it('a key expired less than the clock grace ago is not retired; one expired longer ago is', async () => {
    const recent = ours('gha-recent', -60_000);
    const old = ours('gha-old', -10 * 60_000);
    const { core } = await main({ 'sweep-expired': 'true' });
    expect(journalOf(core.saved)?.retire.map((k) => k.id)).toEqual([old.id]);
    expect(recent.id).not.toBe(old.id);
  });

  it('replace: true in a matrix: legs of one run attempt never replace each other, an earlier run is replaced', async () => {
    const inputs = { name: 'preview-{ref}', replace: 'true', cleanup: 'false', ttl: '7d' };
    const otherLeg = world().tagged('preview-main', 7 * 24 * HOUR - 60_000, { ...THIS_RUN, kind: 'kept' });
    const earlierRun = world().tagged('preview-main', 6 * 24 * HOUR, {
      kind: 'kept',
      run: { ...THIS_RUN.run!, runId: '16021900' },
    });
    const { core } = await main(inputs);
    expect(journalOf(core.saved)?.retire).toEqual([{ id: earlierRun.id, name: earlierRun.name, why: 'replaced' }]);
    expect(otherLeg.id).not.toBe(earlierRun.id);
  });

  it('refuses an input with a line break before any request, and never echoes it', async () => {
    const { core } = await main({ project: 'shop\n::stop-commands::pwned' });
    expect(core.failed).toBe(
      'Input "project" contains a line break or another control character: give it on one line, as plain text.',
    );
    expect(world().emulator.requests).toEqual([]);
  });

  it('refuses export-env names that the runner, the shell or a runtime read', async () => {
    for (const name of [
      'PATH',
      'LD_PRELOAD',
      'BASH_ENV',
      'NODE_OPTIONS',
      'node_extra_ca_certs',
      'PYTHONPATH',
      'GITHUB_TOKEN',
      'HTTPS_PROXY',
    ]) {
      const { core } = await main({ 'export-env': name });
      expect(core.failed, name).toMatch(
        new RegExp(
          `^Input "export-env" "${name}" is reserved \\(.+\\): choose another name, e\\.g\\. PINECONE_API_KEY\\.$`,
        ),
      );
    }
    expect(world().emulator.requests).toEqual([]);
  });
});
