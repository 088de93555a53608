// A preview kept alive with renew: true, through the committed bundles: the first push makes the key, every later
// one renews it in place (same ID, same value, a later expiry), and the sweep deletes it when the pull request closes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKeyName, parseTaggedKeyName } from '../../src/rules/names.js';
import { Job, NODES, ROOT, RUN_ENV } from '../runner/runner.js';
import { nameTagFor } from '../../src/crypto/name-tag.js';
import { CLIENT_SECRET, freshWorldPerTest } from '../support/fixture.js';
import { findLeaks } from '../support/scan.js';

const DIRECT = nameTagFor(CLIENT_SECRET, 'keyName');
const RUN = { repositoryId: RUN_ENV.GITHUB_REPOSITORY_ID, runId: RUN_ENV.GITHUB_RUN_ID, attempt: 1 };
const PREVIEW = { name: 'preview-pr-42', cleanup: 'false', renew: 'true' };

describe.each(NODES)('renew on $name', ({ path: node }) => {
  const world = freshWorldPerTest();

  it('push → key; push → the same key renewed in place; pull request closed → swept', async () => {
    const first = new Job({ node, with: { ...world().inputs, ...PREVIEW, ttl: '1h' } });
    const made = await first.main();
    expect(made.exitCode, made.log.join('\n')).toBe(0);
    expect(made.outputs['renewed']).toBe('false');
    const value = made.outputs['api-key']!;
    expect((await first.post()).exitCode).toBe(0);

    const second = new Job({ node, with: { ...world().inputs, ...PREVIEW, ttl: '7d' } });
    const renewed = await second.main();
    expect(renewed.exitCode, renewed.log.join('\n')).toBe(0);
    expect(renewed.outputs).toMatchObject({ renewed: 'true', 'key-id': made.outputs['key-id'] });
    expect(renewed.outputs['api-key']).toBeUndefined();
    expect(renewed.env['PINECONE_API_KEY']).toBeUndefined();
    expect(renewed.summary).toContain('renewed in place');
    const post = await second.post();
    expect(post.log).toContain(
      `Keeping API key ${renewed.outputs['key-name']} (${made.outputs['key-id']}): cleanup is false, so a sweep deletes it once it has expired.`,
    );
    const [key] = world().emulator.keysIn();
    expect(world().emulator.keysIn()).toHaveLength(1);
    expect(key).toMatchObject({ id: made.outputs['key-id'], value, name: renewed.outputs['key-name'] });
    expect(parseTaggedKeyName(key!.name, DIRECT)!.expiresAt.getTime()).toBeGreaterThan(
      Date.parse(made.outputs['expires-at']!),
    );
    for (const step of [made, renewed, post])
      expect(findLeaks(step, world().secrets(), { outputs: ['api-key'], env: ['PINECONE_API_KEY'] })).toEqual([]);

    const closed = await new Job({
      node,
      actionDir: join(ROOT, 'sweep'),
      with: { ...world().inputs, match: 'preview-pr-42-*', 'expired-only': 'false' },
    }).main();
    expect(closed.exitCode, closed.log.join('\n')).toBe(0);
    expect(world().emulator.keysIn()).toEqual([]);
  });

  it("a key planted under the preview's name by a weaker job is never renewed, and the preview keeps its key", async () => {
    const first = new Job({ node, with: { ...world().inputs, ...PREVIEW, ttl: '1h' } });
    const made = await first.main();
    expect((await first.post()).exitCode).toBe(0);
    // A job allowed only DataPlaneViewer names a key as this action names a preview's, with a later expiry.
    const plantedName = buildKeyName(
      'preview-pr-42',
      { kind: 'kept', run: { ...RUN, runId: '16021900' } },
      new Date(Date.now() + 6 * 86_400_000),
      'plant1',
    );
    const planted = world().emulator.addKey(world().project.id, plantedName, ['DataPlaneViewer']);

    const second = new Job({ node, with: { ...world().inputs, ...PREVIEW, ttl: '7d' } });
    const renewed = await second.main();
    expect(renewed.exitCode, renewed.log.join('\n')).toBe(0);
    expect(renewed.outputs).toMatchObject({ renewed: 'true', 'key-id': made.outputs['key-id'] });
    expect((await second.post()).exitCode).toBe(0);
    expect(world().emulator.keys.get(planted.id)).toMatchObject({ name: plantedName, roles: ['DataPlaneViewer'] });
    expect(world().emulator.keys.get(made.outputs['key-id']!)?.name).toBe(renewed.outputs['key-name']);
  });
});
