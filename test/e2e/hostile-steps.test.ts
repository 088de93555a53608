// What a hostile step of the job, or of another leg of its matrix, could once make the action do: each test runs the
// committed bundles as processes against the emulators, on both Node versions.
import { describe, expect, it } from 'vitest';
import { Job, NODES } from '../runner/runner.js';
import { freshWorldPerTest } from '../support/fixture.js';

describe.each(NODES)('hostile steps on $name', ({ path: node }) => {
  const world = freshWorldPerTest();
  const ids = () =>
    world()
      .emulator.keysIn()
      .map((key) => key.id);

  it("a matrix leg whose main failed early never takes another leg's journal: its post deletes nothing", async () => {
    const legA = new Job({ node, with: world().inputs });
    const a = await legA.main();
    expect(a.exitCode, a.log.join('\n')).toBe(0);
    // Leg B: same run, job and step. A step of it writes leg A's journal (sealed validly) into $GITHUB_ENV.
    const legB = new Job({ node, with: { ...world().inputs, roles: 'NoSuchRole' } });
    legB.writeEnv({ STATE_journal: a.state['journal']! });
    expect((await legB.main()).exitCode).toBe(1);
    const postB = await legB.post();
    expect(postB.exitCode).toBe(0);
    expect(ids()).toEqual([a.outputs['key-id']]);
    await legA.post();
    expect(ids()).toEqual([]);
  });

  it("two uses of the action in one job never take each other's journal", async () => {
    const job = new Job({ node, with: world().inputs, env: { GITHUB_ACTION: 'first' } });
    const first = await job.main();
    expect(first.exitCode).toBe(0);
    const second = new Job({ node, with: world().inputs, env: { GITHUB_ACTION: 'second' } });
    // The second step's post is handed the first step's journal (as through $GITHUB_ENV) and no journal of its own.
    second.first.state = { journal: first.state['journal']! };
    const post = await second.post();
    expect(post.log.join('\n')).toMatch(/Ignored the state handed to the post step/);
    expect(ids()).toEqual([first.outputs['key-id']]);
    await job.post();
  });
});
