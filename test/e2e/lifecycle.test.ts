// The whole lifecycle through the committed bundles, as the runner runs them, against the emulator.
import { describe, expect, it } from 'vitest';
import { nameTagFor } from '../../src/crypto/name-tag.js';
import { parseTaggedKeyName } from '../../src/rules/names.js';
import { Job, NODES } from '../runner/runner.js';
import { CLIENT_SECRET, freshWorldPerTest } from '../support/fixture.js';
import { findLeaks, maskedBeforeUse } from '../support/scan.js';

const DIRECT = nameTagFor(CLIENT_SECRET, 'keyName');

describe.each(NODES)('lifecycle on $name', ({ path: node }) => {
  const world = freshWorldPerTest();

  it('creates a scoped, masked key named after the run, hands it over, and deletes it in post', async () => {
    const { 'sweep-expired': _, ...defaults } = world().inputs; // the defaults a user gets
    const job = new Job({ node, with: { ...defaults, roles: 'dataplaneviewer, ControlPlaneViewer' } });
    const main = await job.main();
    expect(main.exitCode, main.log.join('\n')).toBe(0);

    const [key] = world().emulator.keysIn(world().project.id);
    expect(key).toBeDefined();
    expect(key!.roles).toEqual(['DataPlaneViewer', 'ControlPlaneViewer']);
    expect(main.outputs).toMatchObject({
      'api-key': key!.value,
      'key-id': key!.id,
      'key-name': key!.name,
      'project-id': world().project.id,
      roles: 'DataPlaneViewer,ControlPlaneViewer',
      skipped: 'false',
    });
    expect(main.env).toEqual({ PINECONE_API_KEY: key!.value });
    const parsed = parseTaggedKeyName(key!.name, DIRECT);
    // The default template is cut to leave room for the key's tag, with a digest of what it rendered.
    expect(parsed?.base).toBe('gha-shop-16021984-1-t-ct99s');
    expect(parsed?.expiresAt.toISOString()).toBe(main.outputs['expires-at']);
    const ttl = Date.parse(main.outputs['expires-at']!) - Date.now();
    expect(ttl).toBeGreaterThan(6 * 3600_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(6 * 3600_000 + 1000);
    expect(maskedBeforeUse(main.stdout, key!.value)).toBe(true);
    expect(main.summary).toContain(key!.id);
    expect(main.summary).toContain(key!.name);
    expect(main.log.join('\n')).toContain(`Created API key ${key!.name} (${key!.id})`);
    // The list that looks for expired keys runs beside the create: still one round trip after the login.
    expect(
      world()
        .emulator.requests.map((r) => r.op)
        .sort(),
    ).toEqual(['create-key', 'list-keys', 'token']);
    expect(world().emulator.requests[0]!.op).toBe('token');

    const post = await job.post();
    expect(post.exitCode, post.log.join('\n')).toBe(0);
    expect(world().emulator.keysIn()).toEqual([]);
    expect(
      world()
        .emulator.requests.slice(3)
        .map((r) => r.op),
    ).toEqual(['token', 'delete-key']);
    expect(post.log.join('\n')).toContain(`Deleting API key ${key!.name} (${key!.id})`);
    for (const step of [main, post]) {
      expect(findLeaks(step, world().secrets(), { outputs: ['api-key'], env: ['PINECONE_API_KEY'] })).toEqual([]);
    }
  });

  it('names a key after a pull request, cut to 80 characters with the suffix intact', async () => {
    const job = new Job({
      node,
      with: { ...world().inputs, name: 'preview-pr-{pr}-{workflow}-{job}-{actor}-' + 'x'.repeat(60), ttl: '7d' },
      event: { name: 'pull_request', payload: { pull_request: { number: 42 } } },
    });
    const main = await job.main();
    expect(main.exitCode, main.log.join('\n')).toBe(0);
    const name = main.outputs['key-name']!;
    expect(name).toHaveLength(80);
    // The long values are shortened, never the suffix; the change is marked with a digest.
    expect(name).toMatch(
      /^preview-pr-42-CI-test-(?:[-a-z]+-)?[0-9a-z]{5}-eph-\d{8}T\d{6}Z-j[0-9a-z]+\.[0-9a-z]+\.1-[a-z0-9]{6}-[a-z0-9]{8}$/,
    );
    expect(parseTaggedKeyName(name, DIRECT)!.expiresAt.getTime() - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    await job.post();
    expect(world().emulator.keysIn()).toEqual([]);
  });
});
