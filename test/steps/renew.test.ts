// renew: true, in-process: a preview's live key is renamed with the new expiry and keeps its value; exactly one key
// of that rendered name stays; a name this action did not make is never renamed; a lost answer is read back.
import { afterEach, describe, expect, it } from 'vitest';
import { parseTaggedKeyName, type KeyOwner } from '../../src/rules/names.js';
import { runMain } from '../../src/steps/direct/main.js';
import { runPost } from '../../src/steps/direct/post.js';
import { nameTagFor } from '../../src/crypto/name-tag.js';
import { CLIENT_SECRET, freshWorldPerTest } from '../support/fixture.js';
import { journalOf } from '../support/journal.js';
import { inProcess, type InProcess } from '../support/steps.js';

const HOUR = 3_600_000;
const RUN = { repositoryId: '829301755', runId: '16021984', attempt: 1 };
const EARLIER: KeyOwner = { kind: 'kept', run: { ...RUN, runId: '16021900' } };
const DIRECT = nameTagFor(CLIENT_SECRET, 'keyName');
const PREVIEW = { name: 'preview-pr-42', cleanup: 'false', renew: 'true', ttl: '7d' };

describe('renew: true, in-process', () => {
  const world = freshWorldPerTest();
  const steps: InProcess[] = [];
  afterEach(() => steps.forEach((step) => step.dispose()));
  const run = async (
    step: (deps: InProcess['deps']) => Promise<void>,
    inputs: Record<string, string> = {},
    state: Record<string, string> = {},
  ) => {
    const running = inProcess({ inputs: { ...world().inputs, ...inputs }, state });
    steps.push(running);
    await step(running.deps);
    return running.core;
  };
  const ops = () => world().emulator.requests.map((request) => request.op);

  it('renames the live key of the same rendered name with the new expiry: same ID, same value, no api-key', async () => {
    const live = world().tagged('preview-pr-42', 2 * HOUR, EARLIER);
    const main = await run(runMain, PREVIEW);
    expect(main.failed).toBeUndefined();
    expect(ops()).toEqual(['token', 'list-keys', 'update-key']);
    const [key] = world().emulator.keysIn();
    expect(world().emulator.keysIn()).toHaveLength(1);
    expect(key).toMatchObject({ id: live.id, value: live.value, name: main.outputs['key-name'] });
    expect(parseTaggedKeyName(key!.name, DIRECT)?.expiresAt.toISOString()).toBe(main.outputs['expires-at']);
    expect(Date.parse(main.outputs['expires-at']!)).toBeGreaterThan(Date.now() + 7 * 24 * HOUR - 60_000);
    expect(main.outputs).toMatchObject({ 'key-id': live.id, renewed: 'true', skipped: 'false' });
    expect(main.outputs['api-key']).toBeUndefined();
    expect(main.exported).toEqual({});
    expect(main.log).toContain(
      `Renewed API key ${key!.name} (${live.id}) in place until ${main.outputs['expires-at']}: it keeps its value, which Pinecone shows only when a key is made, so output api-key and env PINECONE_API_KEY are not set; whatever holds the value goes on working. A sweep deletes it once it has expired (${main.outputs['expires-at']}), unless it is renewed again.`,
    );
    const post = await run(runPost, PREVIEW, main.saved);
    expect(post.log).toEqual([
      `Keeping API key ${key!.name} (${live.id}): cleanup is false, so a sweep deletes it once it has expired.`,
    ]);
    expect(world().emulator.keysIn()).toHaveLength(1);
  });

  it('several live keys of that name: the newest is renewed, post retires the others, exactly one stays', async () => {
    const older = world().tagged('preview-pr-42', 1 * HOUR, EARLIER);
    const newest = world().tagged('preview-pr-42', 3 * HOUR, EARLIER);
    const main = await run(runMain, PREVIEW);
    expect(main.outputs['key-id']).toBe(newest.id);
    expect(journalOf(main.saved)?.retire).toEqual([{ id: older.id, name: older.name, why: 'replaced' }]);
    await run(runPost, PREVIEW, main.saved);
    expect(
      world()
        .emulator.keysIn()
        .map((key) => key.id),
    ).toEqual([newest.id]);
  });

  it('never renames a key this action did not make, a key of another name, a job key or an expired one: it creates', async () => {
    const project = world().project.id;
    const byHand = world().emulator.addKey(project, 'preview-pr-42');
    const other = world().tagged('preview-pr-43', 2 * HOUR, EARLIER);
    const jobKey = world().tagged('preview-pr-42', 2 * HOUR, { ...EARLIER, kind: 'job' });
    const expired = world().tagged('preview-pr-42', -HOUR, EARLIER);
    const main = await run(runMain, PREVIEW);
    expect(main.outputs).toMatchObject({ renewed: 'false' });
    expect(main.outputs['api-key']).toMatch(/^pcsk_/);
    expect(main.log).toContain('No live key of this action named preview-pr-42 to renew: creating one.');
    expect(ops()).toEqual(['token', 'list-keys', 'create-key']); // one list serves the renew and the retirement
    for (const untouched of [byHand, other, jobKey, expired])
      expect(world().emulator.keys.get(untouched.id)?.name).toBe(untouched.name);
  });

  it('a rename whose answers are all lost is read back: the key already carries its new name, so it is renewed', async () => {
    const live = world().tagged('preview-pr-42', 2 * HOUR, EARLIER);
    world().emulator.inject({ op: 'update-key', action: 'commit-then-drop', times: 10 });
    const main = await run(runMain, { ...PREVIEW, timeout: '20s' });
    expect(main.failed).toBeUndefined();
    expect(ops().filter((op) => op === 'update-key').length).toBeGreaterThan(1); // retried, being idempotent
    expect(ops().at(-1)).toBe('fetch-key');
    expect(world().emulator.keys.get(live.id)?.name).toBe(main.outputs['key-name']);
    expect(main.outputs['renewed']).toBe('true');
  });

  it('is refused without cleanup: false, with share or with new-project, before any request', async () => {
    const refused = async (inputs: Record<string, string>) => (await run(runMain, { ...PREVIEW, ...inputs })).failed;
    expect(await refused({ cleanup: 'true' })).toBe(
      'Input "renew: true" needs cleanup: false: only a key that outlives its job (a preview\'s) is renewed. Set cleanup: false, or drop renew.',
    );
    expect(await refused({ share: 'true' })).toBe(
      'Inputs "renew: true" and "share: true" cannot go together: renew renames a key kept in a given project. Drop one of them.',
    );
    expect(await refused({ 'new-project': 'true', project: '' })).toMatch(/"renew: true" and "new-project: true"/);
    expect(ops()).toEqual([]);
  });
});
