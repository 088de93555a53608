// Whether asking GitHub about the runs of other keys costs a round trip: main and post with a key of a finished
// run in the project (post asks GitHub beside its login) against the same steps without one, at the same latency
// for Pinecone and GitHub, interleaved.
import { GitHubEmulator } from '../../test/emulator/github.js';
import { Job, RUN_ENV } from '../../test/runner/runner.js';
import { startWorld } from '../../test/support/fixture.js';
import { criticalPath, median } from './measure.js';

export async function livenessCost(runs: number, node: string, action: string, latencyMs: number) {
  const times = { main: [] as number[], post: [] as number[], mainPlain: [] as number[], postPlain: [] as number[] };
  let paths = { main: 0, post: 0 };
  for (let i = 0; i < runs + 1; i++) {
    for (const withDeadKey of [true, false]) {
      const world = await startWorld({ latencyMs });
      const github = await new GitHubEmulator(RUN_ENV.GITHUB_REPOSITORY, { latencyMs }).start();
      github.run('900', 'completed');
      const run = { repositoryId: RUN_ENV.GITHUB_REPOSITORY_ID, runId: '900', attempt: 1 };
      if (withDeadKey) world.ours('gha-dead-runner', 3_600_000, { kind: 'job', run });
      const { 'sweep-expired': _, ...defaults } = world.inputs;
      const job = new Job({ node, actionDir: action, with: defaults, env: { GITHUB_API_URL: github.url } });
      const m = await job.main();
      const split = world.emulator.requests.length;
      const p = await job.post();
      if (m.exitCode !== 0 || p.exitCode !== 0 || world.emulator.keysIn().length > 0)
        throw new Error(`liveness run failed: ${m.log.join('\n')}\n${p.log.join('\n')}`);
      if (withDeadKey && github.requests.length !== 1) throw new Error('GitHub was not asked once');
      if (withDeadKey)
        paths = {
          main: criticalPath(world.emulator.requests.slice(0, split)),
          post: criticalPath(world.emulator.requests.slice(split)),
        };
      await github.stop();
      await world.emulator.stop();
      if (i === 0) continue;
      (withDeadKey ? times.main : times.mainPlain).push(m.durationMs);
      (withDeadKey ? times.post : times.postPlain).push(p.durationMs);
    }
  }
  return {
    latencyMs,
    main: median(times.main),
    post: median(times.post),
    mainWithout: median(times.mainPlain),
    postWithout: median(times.postPlain),
    paths,
  };
}
