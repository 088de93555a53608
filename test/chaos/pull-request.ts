// Seeded chaos over a pull request's whole life (lifetime: pull-request): opened, pushed under the seed's faults
// and kill, closed under the same faults (and its numeric kill). After the close — and, where the closing run's main
// step was killed before it could journal the pull request's keys, after the sweep that then ends them on GitHub's
// word — no key and no throwaway project may be left, and no step may have printed a secret.
import { join } from 'node:path';
import type { Fault } from '../emulator/faults.js';
import { GitHubEmulator } from '../emulator/github.js';
import { Job, JOB_TOKEN, ROOT, RUN_ENV, type StepResult } from '../runner/runner.js';
import { startWorld, type World } from '../support/fixture.js';
import { findLeaks } from '../support/scan.js';
import type { Outcome, Scenario } from './chaos.js';

const NUMBER = 42;

export async function runPullRequestScenario(s: Scenario, node: string): Promise<Outcome> {
  const started = Date.now();
  const world = await startWorld({ missingKeyDeleteStatus: s.missingKeyDeleteStatus, terminatingMs: 300 });
  const github = await new GitHubEmulator(RUN_ENV.GITHUB_REPOSITORY).start();
  github.pull(String(NUMBER), 'open');
  const problems: string[] = [];
  const steps: Array<[string, StepResult]> = [];
  const newProject = s.newProject;
  const inputs = {
    ...world.inputs,
    timeout: '8s',
    lifetime: 'pull-request',
    'sweep-expired': String(s.sweepExpired),
    replace: String(s.byName), // a new key at every push, or renewed in place
    ...(s.twoHosts ? { 'api-url': world.emulator.urlOn('localhost') } : {}),
    ...(newProject ? { project: '', 'new-project': 'true' } : {}),
  };
  try {
    const run = async (action: string, runId: string, faults: Fault[], kill: Scenario['kill']) => {
      github.run(runId, 'in_progress');
      world.emulator.faults.clear();
      world.emulator.inject(...faults);
      const job = new Job({
        node,
        with: inputs,
        env: { GITHUB_API_URL: github.url, GITHUB_RUN_ID: runId },
        event: { name: 'pull_request', payload: { action, number: NUMBER, pull_request: { number: NUMBER } } },
      });
      const main = await mainKilled(world, job, kill, newProject?.killAtProjectCreate);
      const post = await job.post();
      github.run(runId, 'completed');
      await world.emulator.settle(); // late commits land before the next run
      steps.push([`${action} main`, main], [`${action} post`, post]);
      if (post.exitCode !== 0) problems.push(`${action} post exited ${post.exitCode}: ${post.log.join(' | ')}`);
      if (main.exitCode !== 0 && main.exitCode !== 1 && !main.signal)
        problems.push(`${action} main exited ${main.exitCode}`);
      return main;
    };
    const faults = [...s.faults, ...(newProject?.faults ?? [])];
    await run('opened', '3001', [], undefined);
    await run('synchronize', '3002', faults, s.kill);
    github.pull(String(NUMBER), 'closed');
    const numeric = typeof s.kill?.at === 'number' ? s.kill : undefined;
    const closed = await run('closed', '3003', faults, numeric);
    world.emulator.faults.clear();
    if (closed.signal && left(world).length > 0) {
      // Killed before it journaled the pull request's keys: the sweep ends them, on GitHub's word.
      const { 'sweep-expired': _, ...sweepInputs } = world.inputs;
      const sweep = await new Job({
        node,
        actionDir: join(ROOT, 'sweep'),
        with: { ...sweepInputs, ...(s.twoHosts ? { 'api-url': world.emulator.urlOn('localhost') } : {}) },
        env: { GITHUB_API_URL: github.url },
      }).main();
      steps.push(['sweep', sweep]);
      if (sweep.exitCode !== 0) problems.push(`sweep exited ${sweep.exitCode}: ${sweep.log.join(' | ')}`);
      await world.emulator.settle();
    }
    const remaining = left(world);
    if (remaining.length > 0) problems.push(`left after the close: ${remaining.join(', ')}`);
    const secrets = [...world.secrets(), JOB_TOKEN];
    for (const [name, step] of steps)
      for (const leak of findLeaks(step, secrets, { outputs: ['api-key'], env: ['PINECONE_API_KEY'] }))
        problems.push(`${name}: ${leak}`);
    if (problems.length > 0) for (const [name, step] of steps) problems.push(`${name} log: ${step.log.join(' | ')}`);
  } finally {
    await github.stop();
    await world.emulator.stop();
  }
  return { seed: s.seed, problems, ms: Date.now() - started };
}

/** Main, killed as the scenario says: at the key's create request or commit, after some ms, or at a project's create. */
async function mainKilled(
  world: World,
  job: Job,
  kill: Scenario['kill'],
  atProjectCreate: 'SIGKILL' | 'SIGINT' | undefined,
): Promise<StepResult> {
  let pid = 0;
  const stop = (signal: NodeJS.Signals | undefined) => {
    if (!pid || !signal) return;
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  };
  world.emulator.onRequest = (request) => {
    if (kill?.at === 'create-request' && request.op === 'create-key') stop(kill.signal);
    if (request.op === 'create-project') stop(atProjectCreate);
  };
  world.emulator.onCreate = kill?.at === 'create-commit' ? () => stop(kill.signal) : undefined;
  const main = await job.main({
    onSpawn: (child) => {
      pid = child.pid!;
      if (typeof kill?.at === 'number') setTimeout(() => stop(kill.signal), kill.at);
    },
  });
  pid = 0;
  world.emulator.onRequest = undefined;
  world.emulator.onCreate = undefined;
  return main;
}

/** What this action made that is still there: every key, and every project but the world's own. */
function left(world: World): string[] {
  const projects = [...world.emulator.projects.values()].filter((project) => project.id !== world.project.id);
  return [...world.emulator.keysIn().map((key) => `key ${key.name}`), ...projects.map((p) => `project ${p.name}`)];
}
