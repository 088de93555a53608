// Post cleans up whatever main left, however main ended.
import { describe, expect, it } from 'vitest';
import { Job, NODES } from '../runner/runner.js';
import { freshWorldPerTest } from '../support/fixture.js';
import { findLeaks } from '../support/scan.js';
import { journalOf } from '../support/journal.js';

describe.each(NODES)('recovery on $name', ({ path: node }) => {
  const world = freshWorldPerTest();
  const ops = () => world().emulator.requests.map((r) => `${r.op}:${r.status}`);

  it('main killed right after the create was answered: post deletes the key by ID', async () => {
    // The look for keys to retire, beside the create, never answers: main cannot end before the kill lands.
    // (The fixture turns that look off, so it is turned back on here.)
    world().emulator.faults.add({ op: 'list-keys', action: 'hang' });
    const job = new Job({ node, with: { ...world().inputs, 'sweep-expired': 'true' } });
    const main = await job.main({
      onLine: (line, child) => {
        if (line.startsWith('Created API key')) child.kill('SIGKILL');
      },
    });
    expect(main.signal).toBe('SIGKILL');
    const [key] = world().emulator.keysIn();
    expect(journalOf(main.state)?.key?.id).toBe(key!.id);
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(world().emulator.keysIn()).toEqual([]);
    expect(ops().slice(-2)).toEqual(['token:200', 'delete-key:202']);
  });

  it('main killed the moment the create committed (no answer seen): post finds the key by name', async () => {
    const job = new Job({ node, with: world().inputs });
    let pid = 0;
    world().emulator.onCreate = () => process.kill(pid, 'SIGKILL');
    const main = await job.main({ onSpawn: (child) => (pid = child.pid!) });
    expect(main.signal).toBe('SIGKILL');
    expect(journalOf(main.state)?.key).toBeUndefined();
    expect(world().emulator.keysIn()).toHaveLength(1);
    const post = await job.post();
    expect(post.exitCode, post.log.join('\n')).toBe(0);
    expect(world().emulator.keysIn()).toEqual([]);
    expect(post.log.join('\n')).toMatch(/Deleted API key gha-shop-.* \(.*\)\./);
    expect(findLeaks(post, world().secrets())).toEqual([]);
  });

  it('a failed main that made no key leaves post nothing to do', async () => {
    world().emulator.inject({ op: 'create-key', status: 400 });
    const job = new Job({ node, with: world().inputs });
    expect((await job.main()).exitCode).toBe(1);
    const post = await job.post();
    expect(post.log).toEqual(['Nothing to clean up: the main step created no key.']);
    expect(ops()).toEqual(['token:200', 'create-key:400']);
  });

  it('tokens expired between main and post: post logs in again', async () => {
    const job = new Job({ node, with: world().inputs });
    await job.main();
    world().emulator.expireTokens();
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(world().emulator.keysIn()).toEqual([]);
  });

  it('a token rejected mid-step (401) gets one fresh login and one more try', async () => {
    world().emulator.inject({ op: 'create-key', status: 401, code: 'UNAUTHENTICATED' });
    const job = new Job({ node, with: world().inputs });
    expect((await job.main()).exitCode).toBe(0);
    expect(ops()).toEqual(['token:200', 'create-key:401', 'token:200', 'create-key:200']);
    await job.post();
    expect(world().emulator.keysIn()).toEqual([]);
  });

  it('a key already deleted by someone else is fine (404), also when delete answers 500 for it', async () => {
    world().emulator.options.missingKeyDeleteStatus = 500;
    const job = new Job({ node, with: world().inputs });
    await job.main();
    world().emulator.keys.clear();
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(post.log.join('\n')).toMatch(/API key gha-.* was already gone\./);
    expect(ops().slice(-3)).toEqual(['token:200', 'delete-key:500', 'fetch-key:404']);
  });

  it('two uses of the action in one job each delete their own key', async () => {
    const job = new Job({ node, with: { ...world().inputs, 'export-env': 'READ_KEY', roles: 'DataPlaneViewer' } });
    const writer = job.use({ ...world().inputs, 'export-env': 'WRITE_KEY', roles: 'DataPlaneEditor' });
    const a = await job.main();
    const b = await writer.main();
    expect(a.outputs['key-name']).not.toBe(b.outputs['key-name']);
    expect(world().emulator.keysIn()).toHaveLength(2);
    // Post steps run in reverse order of their main steps.
    await writer.post();
    expect(
      world()
        .emulator.keysIn()
        .map((k) => k.id),
    ).toEqual([a.outputs['key-id']]);
    await job.post();
    expect(world().emulator.keysIn()).toEqual([]);
  });

  it('prints no secret anywhere, also with RUNNER_DEBUG=1 and on failure paths', async () => {
    const job = new Job({ node, with: world().inputs, env: { RUNNER_DEBUG: '1' } });
    world().emulator.inject({ op: 'create-key', status: 503 }, { op: 'delete-key', status: 500 });
    const main = await job.main();
    const post = await job.post();
    expect(main.exitCode).toBe(0);
    expect(post.exitCode).toBe(0);
    expect(main.log.some((line) => line.startsWith('##[debug]'))).toBe(true);
    for (const step of [main, post]) {
      expect(findLeaks(step, world().secrets(), { outputs: ['api-key'], env: ['PINECONE_API_KEY'] })).toEqual([]);
    }
    expect(world().emulator.keysIn()).toEqual([]);
  });
});
