// renew and replace, in-process, against keys a hostile job planted: only a key whose name carries direct mode's
// tag under this service account's secret, made for this repository, is ever renamed or replaced; a renewed key's
// roles are never changed.
import { afterEach, describe, expect, it } from 'vitest';
import { nameTagFor } from '../../src/crypto/name-tag.js';
import { buildKeyName, buildTaggedKeyName, type KeyOwner } from '../../src/rules/names.js';
import { runMain } from '../../src/steps/direct/main.js';
import { runPost } from '../../src/steps/direct/post.js';
import { CLIENT_SECRET, DEFAULT_ROLES, freshWorldPerTest } from '../support/fixture.js';
import { journalOf } from '../support/journal.js';
import { inProcess, type InProcess } from '../support/steps.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RUN = { repositoryId: '829301755', runId: '16021984', attempt: 1 };
const EARLIER: KeyOwner = { kind: 'kept', run: { ...RUN, runId: '16021900' } };
const PREVIEW = { name: 'preview-pr-42', cleanup: 'false', renew: 'true', ttl: '7d' };

describe('renew and replace trust only keys they can prove are theirs', () => {
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
  /** What a job with only DataPlaneViewer can make: a key named exactly as this action names a preview's. */
  const planted = (expiresInMs: number, owner: KeyOwner = EARLIER, name = buildKeyName) =>
    world().emulator.addKey(
      world().project.id,
      name('preview-pr-42', owner, new Date(Math.floor((Date.now() + expiresInMs) / 1000) * 1000), 'plant1'),
      ['DataPlaneViewer'],
    );
  const stored = (id: string) => world().emulator.keys.get(id);

  it('a planted key of later expiry is never renamed: the tagged preview key is renewed, and post keeps it', async () => {
    const preview = world().tagged('preview-pr-42', 2 * HOUR, EARLIER);
    const plant = planted(6 * DAY);
    const main = await run(runMain, PREVIEW);
    expect(main.failed).toBeUndefined();
    expect(main.outputs).toMatchObject({ 'key-id': preview.id, renewed: 'true' });
    expect(stored(plant.id)).toMatchObject({ name: plant.name, roles: ['DataPlaneViewer'] });
    expect(stored(preview.id)?.roles).toEqual(DEFAULT_ROLES);
    expect(main.log).toContain(
      "1 key(s) named like preview-pr-42 carry no tag of this service account's direct mode (an earlier version's name, or one typed by hand): never renewed, left to their expiry.",
    );
    expect(journalOf(main.saved)?.retire).toEqual([]);
    await run(runPost, PREVIEW, main.saved);
    expect(stored(preview.id)?.name).toBe(main.outputs['key-name']);
    expect(stored(plant.id)?.name).toBe(plant.name);
  });

  it('a planted key alone is never renewed: a new key is made and the planted one keeps its name and roles', async () => {
    const plant = planted(6 * DAY);
    const main = await run(runMain, PREVIEW);
    expect(main.outputs).toMatchObject({ renewed: 'false', roles: DEFAULT_ROLES.join(',') });
    expect(main.outputs['key-id']).not.toBe(plant.id);
    expect(main.log).toContain('No live key of this action named preview-pr-42 to renew: creating one.');
    expect(stored(plant.id)).toMatchObject({ name: plant.name, roles: ['DataPlaneViewer'] });
  });

  it('never renews a kept key of an earlier name format, of another repository, or tagged by another maker', async () => {
    const byTag = (secret: string, purpose: 'keyName' | 'brokerKeyName') => {
      const tag = nameTagFor(secret, purpose);
      return (...args: Parameters<typeof buildKeyName>) => buildTaggedKeyName(...args, tag);
    };
    const untouched = [
      planted(2 * HOUR, { kind: 'kept', run: undefined }), // an older version's kept key: no run, no tag
      planted(2 * HOUR, { kind: 'kept', run: undefined }, byTag(CLIENT_SECRET, 'keyName')),
      planted(2 * HOUR, { kind: 'kept', run: { ...RUN, repositoryId: '555' } }, byTag(CLIENT_SECRET, 'keyName')),
      planted(2 * HOUR, EARLIER, byTag('another-service-account-secret', 'keyName')),
      planted(2 * HOUR, EARLIER, byTag(CLIENT_SECRET, 'brokerKeyName')),
    ];
    const main = await run(runMain, PREVIEW);
    expect(main.failed).toBeUndefined();
    expect(main.outputs['renewed']).toBe('false');
    for (const key of untouched) expect(stored(key.id)).toMatchObject({ name: key.name, roles: ['DataPlaneViewer'] });
  });

  it("asked for other roles, renew makes a new key and never changes the old key's roles; replace retires the old one", async () => {
    const viewer = world().tagged('preview-pr-42', 2 * HOUR, EARLIER, { roles: ['DataPlaneViewer'] });
    const main = await run(runMain, { ...PREVIEW, roles: 'DataPlaneEditor' });
    expect(main.outputs).toMatchObject({ renewed: 'false', roles: 'DataPlaneEditor' });
    expect(main.outputs['api-key']).toMatch(/^pcsk_/);
    expect(main.log).toContain(
      `Not renewing API key ${viewer.name} (${viewer.id}): it has roles DataPlaneViewer, not DataPlaneEditor as asked, and renew never changes a key's roles. Creating a new key; the old one is left to replace or a sweep.`,
    );
    expect(stored(viewer.id)).toMatchObject({ name: viewer.name, roles: ['DataPlaneViewer'] });
    expect(journalOf(main.saved)?.retire).toEqual([{ id: viewer.id, name: viewer.name, why: 'replaced' }]);
  });

  it('replace retires only older keys tagged by direct mode: a planted key of that name is left to its expiry', async () => {
    const older = world().tagged('preview-pr-42', 2 * HOUR, EARLIER);
    const plant = planted(3 * HOUR);
    const main = await run(runMain, { name: 'preview-pr-42', cleanup: 'false', replace: 'true', ttl: '7d' });
    expect(journalOf(main.saved)?.retire).toEqual([{ id: older.id, name: older.name, why: 'replaced' }]);
    await run(runPost, PREVIEW, main.saved);
    expect(stored(older.id)).toBeUndefined();
    expect(stored(plant.id)?.name).toBe(plant.name);
  });
});
