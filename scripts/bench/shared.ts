// Benchmarks of one key for a whole run: the use step against the lean floor (it makes no request), and what a run
// of N jobs costs with a key per job against one shared key (keys made, Admin API requests).
import { join } from 'node:path';
import { Job } from '../../test/runner/runner.js';
import { startWorld } from '../../test/support/fixture.js';
import { median } from './measure.js';

/** The use step and the lean floor, interleaved; the requests the use steps sent. */
export async function useStep(runs: number, node: string, action: string, leanFloor: string) {
  const world = await startWorld();
  const key = await new Job({ node, actionDir: action, with: { ...world.inputs, share: 'true' } }).main();
  const handoff = key.outputs['handoff'];
  if (!handoff) throw new Error(`no handoff: ${key.log.join('\n')}`);
  const before = world.emulator.requests.length;
  const times = { use: [] as number[], leanFloor: [] as number[] };
  for (let i = 0; i < runs + 1; i++) {
    const floor = await new Job({ node, actionDir: leanFloor }).main();
    const use = await new Job({ node, actionDir: join(action, 'use'), with: { ...world.inputs, handoff } }).main();
    if (use.exitCode !== 0 || floor.exitCode !== 0) throw new Error(`use failed: ${use.log.join('\n')}`);
    if (i === 0) continue;
    times.use.push(use.durationMs);
    times.leanFloor.push(floor.durationMs);
  }
  const requests = world.emulator.requests.length - before;
  await world.emulator.stop();
  const [use, floor] = [median(times.use), median(times.leanFloor)];
  return { use, leanFloor: floor, useOverLeanFloor: +(use / floor).toFixed(3), requests };
}

/** A run of `n` jobs that each need a key: a key per job (main + post each), or one shared key (key, n × use, revoke). */
export async function perRun(n: number, node: string, action: string) {
  const count = async (run: (inputs: Record<string, string>) => Promise<void>) => {
    const world = await startWorld();
    await run(world.inputs);
    const result = {
      keys: world.emulator.issued.length,
      requests: world.emulator.requests.length,
      left: world.emulator.keysIn().length,
    };
    await world.emulator.stop();
    if (result.left > 0) throw new Error(`${result.left} key(s) left`);
    return { keys: result.keys, requests: result.requests };
  };
  const perJob = await count(async (inputs) => {
    await inBatches(n, async () => {
      const job = new Job({ node, actionDir: action, with: inputs });
      await job.main();
      await job.post();
    });
  });
  const shared = await count(async (inputs) => {
    const key = new Job({ node, actionDir: action, with: { ...inputs, share: 'true' } });
    const handoff = (await key.main()).outputs['handoff']!;
    await key.post();
    await inBatches(n, async () => {
      const job = new Job({ node, actionDir: join(action, 'use'), with: { ...inputs, handoff } });
      await job.main();
      if (job.first.action.runs.post) await job.post(); // builds before the handoff secret had one
    });
    await new Job({ node, actionDir: join(action, 'revoke'), with: { ...inputs, handoff } }).main();
  });
  return { jobs: n, perJob, shared };
}

/** `n` jobs, 8 at a time: a 2-core machine, not a runner fleet. */
async function inBatches(n: number, job: () => Promise<void>): Promise<void> {
  for (let done = 0; done < n; done += 8) await Promise.all(Array.from({ length: Math.min(8, n - done) }, job));
}
