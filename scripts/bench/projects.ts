// What a throwaway project costs: main and post with new-project against the same steps in a given project, at the
// same latency per answer, and post when the job left indexes (one protected), a collection, a backup and an
// assistant behind, with deleted indexes `Terminating` for `terminatingMs` (the emulator's model of the service).
import { Job } from '../../test/runner/runner.js';
import { startWorld } from '../../test/support/fixture.js';
import { criticalPath, median } from './measure.js';

type Case = 'given project' | 'new project, left empty' | 'new project, left full';
const CASES: Case[] = ['given project', 'new project, left empty', 'new project, left full'];

export async function projectCost(
  runs: number,
  node: string,
  action: string,
  latencyMs: number,
  terminatingMs: number,
) {
  const times = Object.fromEntries(CASES.map((c) => [c, { main: [] as number[], post: [] as number[] }])) as Record<
    Case,
    { main: number[]; post: number[] }
  >;
  const shape = {} as Record<Case, { requests: { main: number; post: number }; paths: { main: number; post: number } }>;
  for (let i = 0; i < runs + 1; i++) {
    for (const which of CASES) {
      const world = await startWorld({ latencyMs, terminatingMs });
      const { 'sweep-expired': _, ...defaults } = world.inputs;
      const inputs = which === 'given project' ? defaults : { ...defaults, project: '', 'new-project': 'true' };
      const job = new Job({ node, actionDir: action, with: inputs });
      const m = await job.main();
      const made = m.outputs['project-id']!;
      if (which === 'new project, left full') {
        world.emulator.addIndex(made, 'vectors', { deletionProtection: 'enabled' });
        world.emulator.addIndex(made, 'scratch');
        world.emulator.addCollection(made, 'snapshot');
        world.emulator.addBackup(made, 'vectors');
        world.emulator.addAssistant(made, 'helper');
      }
      const split = world.emulator.requests.length;
      const p = await job.post();
      if (m.exitCode !== 0 || p.exitCode !== 0 || world.emulator.projects.size !== 1 || world.emulator.keysIn().length)
        throw new Error(`project run failed: ${m.log.join('\n')}\n${p.log.join('\n')}`);
      const requests = world.emulator.requests;
      shape[which] = {
        requests: { main: split, post: requests.length - split },
        paths: { main: criticalPath(requests.slice(0, split)), post: criticalPath(requests.slice(split)) },
      };
      await world.emulator.stop();
      if (i === 0) continue;
      times[which].main.push(m.durationMs);
      times[which].post.push(p.durationMs);
    }
  }
  return {
    latencyMs,
    terminatingMs,
    cases: CASES.map((which) => ({
      case: which,
      main: median(times[which].main),
      post: median(times[which].post),
      ...shape[which],
    })),
  };
}
