// Keys that outlive the job: expired keys swept by main (found) and post (deleted), replace, cleanup: false,
// and the sweep sub-action.
import { describe, expect, it } from 'vitest';
import { Job, NODES, ROOT } from '../runner/runner.js';
import { freshWorldPerTest, type World } from '../support/fixture.js';
import { failureLine, findLeaks } from '../support/scan.js';
import { join } from 'node:path';
import { journalOf } from '../support/journal.js';

const SWEEP = join(ROOT, 'sweep');
const HOUR = 3_600_000;

describe.each(NODES)('keys that outlive the job on $name', ({ path: node }) => {
  const world = freshWorldPerTest();
  const ours: World['ours'] = (...args) => world().ours(...args);
  const names = () =>
    world()
      .emulator.keysIn()
      .map((k) => k.name)
      .sort();
  const sweepInputs = () => {
    const { 'sweep-expired': _, ...connection } = world().inputs;
    return connection;
  };

  it('main finds expired keys of this action beside the create; post deletes them with its own; others stay', async () => {
    const expired = [ours('gha-shop-api-1-1-test', -HOUR), ours('gha-other-repo-9-1-build', -6 * 60_000)];
    const live = ours('gha-shop-api-2-1-test', HOUR);
    const foreign = [
      world().emulator.addKey(world().project.id, 'prod'),
      world().emulator.addKey(world().project.id, null),
      world().emulator.addKey(world().project.id, 'x-eph-20200101T000000Z-ABCDEF'),
    ];
    const job = new Job({ node, with: { ...world().inputs, 'sweep-expired': 'true' } });
    const main = await job.main();
    expect(main.exitCode, main.log.join('\n')).toBe(0);
    expect(main.log).toContain('Found 2 expired key(s) made by this action; the post step deletes them.');
    expect(world().emulator.keysIn()).toHaveLength(7);
    const post = await job.post();
    expect(post.exitCode, post.log.join('\n')).toBe(0);
    expect(names()).toEqual([live.name, ...foreign.map((k) => k.name)].sort());
    for (const key of expired) expect(post.log).toContain(`Deleted expired API key ${key.name} (${key.id}).`);
    // Critical path of post: token, then every delete in parallel.
    expect(
      world()
        .emulator.requests.slice(-4)
        .map((r) => r.op),
    ).toEqual(['token', 'delete-key', 'delete-key', 'delete-key']);
  });

  it('many expired keys: post retires a bounded batch (state reaches post as an env var), the rest later', async () => {
    for (let i = 0; i < 130; i++) ours(`gha-old-${i}`, -HOUR);
    const job = new Job({ node, with: { ...world().inputs, 'sweep-expired': 'true' } });
    const main = await job.main();
    expect(main.log).toContain(
      'Found 130 expired key(s) made by this action; the post step deletes them (100 now, the rest in later runs or a sweep).',
    );
    expect(journalOf(main.state)?.retire).toHaveLength(100);
    expect((await job.post()).exitCode).toBe(0);
    expect(world().emulator.keysIn()).toHaveLength(30);
  });

  it('a failing list for expired keys only warns; the key is still handed over', async () => {
    world().emulator.inject({ op: 'list-keys', status: 500, times: 5 });
    const job = new Job({ node, with: { ...world().inputs, 'sweep-expired': 'true' } });
    const main = await job.main();
    expect(main.exitCode).toBe(0);
    expect(main.outputs['api-key']).toBeDefined();
    expect(main.log.filter((l) => l.startsWith('##[warning]'))).toEqual([
      expect.stringMatching(
        /^##\[warning\]Could not look for expired keys of this action to delete \(Pinecone is unavailable: .*\); the next run or a sweep will\.$/,
      ),
    ]);
    await job.post();
    expect(world().emulator.keysIn()).toEqual([]);
  });

  it('cleanup: false keeps the key and says so; replace: true retires the older key of the same name', async () => {
    const inputs = { ...world().inputs, name: 'preview-pr-{pr}', ttl: '7d', cleanup: 'false', replace: 'true' };
    const event = { name: 'pull_request', payload: { pull_request: { number: 42 } } };
    const other = ours('preview-pr-43', 7 * 24 * HOUR);
    const first = new Job({ node, with: inputs, event });
    const a = await first.main();
    expect(a.log.join('\n')).toContain('It is kept after the job (cleanup: false) until a sweep deletes it after');
    expect(a.summary).toContain(
      'This key is kept after the job (`cleanup: false`): a sweep deletes it once it has expired.',
    );
    const aPost = await first.post();
    expect(aPost.log).toEqual([
      `Keeping API key ${a.outputs['key-name']} (${a.outputs['key-id']}): cleanup is false, so a sweep deletes it once it has expired.`,
    ]);
    expect(names()).toEqual([a.outputs['key-name'], other.name].sort());

    await new Promise((resolve) => setTimeout(resolve, 1100)); // a later push: a later expiry
    const second = new Job({ node, with: inputs, event, env: { GITHUB_RUN_ID: '16021999' } }); // another run
    const b = await second.main();
    expect(b.log).toContain(
      'Found 1 older key(s) named preview-pr-42 (replace: true) made by this action; the post step deletes them.',
    );
    const bPost = await second.post();
    expect(bPost.exitCode).toBe(0);
    expect(bPost.log).toContain(`Deleted replaced API key ${a.outputs['key-name']} (${a.outputs['key-id']}).`);
    expect(names()).toEqual([b.outputs['key-name'], other.name].sort());
  });

  it('sweep: deletes expired keys of this action only, with outputs and a summary table', async () => {
    const expired = [ours('gha-a', -HOUR), ours('gha-b', -6 * 60_000)];
    const live = ours('gha-c', HOUR);
    const foreign = world().emulator.addKey(world().project.id, 'prod');
    const job = new Job({ node, actionDir: SWEEP, with: sweepInputs() });
    const sweep = await job.main();
    expect(sweep.exitCode, sweep.log.join('\n')).toBe(0);
    expect(names()).toEqual([live.name, foreign.name].sort());
    expect(sweep.outputs['deleted']).toBe('2');
    expect((JSON.parse(sweep.outputs['deleted-ids']!) as string[]).sort()).toEqual(expired.map((k) => k.id).sort());
    expect(sweep.outputs['remaining']).toBe('1');
    expect(sweep.log).toContain(
      `Project ${world().project.id} has 4 key(s): 3 made by this action, 1 not (never touched). Deleting 2 that have expired.`,
    );
    expect(sweep.summary).toContain(`| <code>${live.name}</code> | <code>${live.id}</code> |`);
    expect(sweep.summary).toMatch(/\| kept \| not expired yet \|/);
    expect(sweep.summary).toContain('1 key(s) not made by this action, never touched.');
    expect(findLeaks(sweep, world().secrets())).toEqual([]);
  });

  it('sweep: match with expired-only false ends a preview; dry-run only lists', async () => {
    const pr42 = [ours('preview-pr-42', 7 * 24 * HOUR), ours('preview-pr-42', 6 * 24 * HOUR)];
    const pr420 = ours('preview-pr-420', 7 * 24 * HOUR);
    const manual = world().emulator.addKey(world().project.id, 'preview-pr-42-manual');
    const dry = await new Job({
      node,
      actionDir: SWEEP,
      with: { ...sweepInputs(), match: 'preview-pr-42-*', 'expired-only': 'false', 'dry-run': 'true' },
    }).main();
    expect(dry.exitCode).toBe(0);
    expect(dry.outputs).toMatchObject({ deleted: '0', 'deleted-ids': '[]', remaining: '3' });
    expect(dry.log.filter((l) => l.startsWith('Would delete'))).toHaveLength(2);
    expect(world().emulator.keysIn()).toHaveLength(4);
    const real = await new Job({
      node,
      actionDir: SWEEP,
      with: { ...sweepInputs(), match: 'preview-pr-42-*', 'expired-only': 'false', project: world().project.name },
    }).main();
    expect(real.exitCode, real.log.join('\n')).toBe(0);
    expect(real.outputs['deleted']).toBe('2');
    expect(names()).toEqual([pr420.name, manual.name].sort());
    expect(pr42.every((k) => !world().emulator.keys.has(k.id))).toBe(true);
  });

  it('sweep: several hundred keys with injected 429s: nothing left, no key deleted twice', async () => {
    for (let i = 0; i < 300; i++) ours(`gha-load-${i}`, -6 * 60_000);
    world().emulator.inject(
      { op: 'delete-key', status: 429, retryAfter: '0', times: 40 },
      { op: 'delete-key', status: 503, times: 5 },
    );
    const sweep = await new Job({ node, actionDir: SWEEP, with: sweepInputs() }).main();
    expect(sweep.exitCode, sweep.log.slice(-5).join('\n')).toBe(0);
    expect(sweep.outputs['deleted']).toBe('300');
    expect(world().emulator.keysIn()).toEqual([]);
    const accepted = world()
      .emulator.requestsFor('delete-key')
      .filter((r) => r.status === 202)
      .map((r) => r.path);
    expect(new Set(accepted).size).toBe(accepted.length);
    expect(accepted).toHaveLength(300);
  });

  it('sweep: missing credentials with skip, and bad input, are one line each', async () => {
    const skip = await new Job({
      node,
      actionDir: SWEEP,
      with: { ...sweepInputs(), 'client-secret': '', 'on-missing-credentials': 'skip' },
    }).main();
    expect(skip.exitCode).toBe(0);
    expect(skip.outputs).toEqual({ skipped: 'true' });
    const bad = await new Job({ node, actionDir: SWEEP, with: { ...sweepInputs(), 'expired-only': 'yes' } }).main();
    expect(failureLine(bad)).toBe('Input "expired-only" must be true or false; got "yes".');
    expect(world().emulator.requests).toEqual([]);
  });
});
