// Seeded chaos over a pull request's preview, through the bundles: random faults on the platform's operations
// (Vercel or Netlify) and random kills of the preview step while the pull request opens or closes. After the close
// (re-run once if its preview step failed, as "Re-run failed jobs" would) no key and no platform value may be
// left, and no step may have printed a secret.
import { join } from 'node:path';
import { Job, ROOT, type RunOptions, type StepResult } from '../runner/runner.js';
import { startWorld, type World } from '../support/fixture.js';
import { findLeaks } from '../support/scan.js';
import { netlifyInputs, pullRequestEvent, vercelInputs, BRANCH } from '../support/preview.js';
import { NetlifyEmulator, type NetlifyOp } from '../emulator/netlify.js';
import { VercelEmulator, type VercelOp } from '../emulator/vercel.js';
import type { PlatformFault } from '../emulator/platform-server.js';
import { rng } from './chaos.js';

type Op = VercelOp | NetlifyOp;

export interface PreviewScenario {
  seed: number;
  platform: 'vercel' | 'netlify';
  faults: Array<PlatformFault<Op>>;
  kill: { signal: 'SIGKILL' | 'SIGINT'; when: 'open' | 'close'; ms: number } | undefined;
}

const OPS: Record<PreviewScenario['platform'], Op[]> = {
  vercel: ['create-env', 'list-envs', 'remove-env', 'list-deployments', 'create-deployment'],
  netlify: ['get-env', 'set-env-value', 'create-env', 'delete-env', 'delete-env-value', 'create-build'],
};

export function previewScenario(seed: number): PreviewScenario {
  const random = rng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const platform = random() < 0.5 ? 'vercel' : 'netlify';
  const faults: Array<PlatformFault<Op>> = [];
  const failures = new Map<Op, number>(); // the step outlasts 4 failures of one operation in a row: never more
  let hung = false; // a hang costs a third of the budget: at most one
  for (let n = Math.floor(random() * 5); n > 0; n--) {
    const op = pick(OPS[platform]);
    const times = Math.min(1 + Math.floor(random() * 2), 4 - (failures.get(op) ?? 0));
    const kind = pick(['429', '500', '502', '503', 'drop', 'commit-then-drop', 'hang'] as const);
    if (times <= 0 || (kind === 'hang' && hung)) continue;
    failures.set(op, (failures.get(op) ?? 0) + times);
    if (kind === 'hang') hung = true;
    faults.push(/^\d/.test(kind) ? { op, times, status: Number(kind) } : { op, times, action: kind as 'drop' });
  }
  const killed = random() < 0.5;
  const kill = {
    signal: pick(['SIGKILL', 'SIGINT'] as const),
    when: pick(['open', 'close'] as const),
    ms: Math.floor(random() * 700),
  };
  return { seed, platform, faults, kill: killed ? kill : undefined };
}

export async function runPreviewScenario(
  s: PreviewScenario,
  node: string,
): Promise<{ seed: number; problems: string[] }> {
  const world = await startWorld();
  const vercel = s.platform === 'vercel' ? await new VercelEmulator().start() : undefined;
  const netlify = s.platform === 'netlify' ? await new NetlifyEmulator().start() : undefined;
  const problems: string[] = [];
  const steps: Array<[string, StepResult]> = [];
  try {
    const project = vercel?.addProject('shop-web');
    if (vercel && project) vercel.push(project, BRANCH);
    const site = netlify?.addSite();
    const inputs = { ...(vercel ? vercelInputs(vercel, project!) : netlifyInputs(netlify!, site!.id)), timeout: '8s' };
    (vercel ?? netlify)!.inject(...(s.faults as never[]));
    const killAt = (when: 'open' | 'close'): RunOptions =>
      s.kill?.when === when
        ? { onSpawn: (child) => void setTimeout(() => child.kill(s.kill!.signal), s.kill!.ms) }
        : {};

    for (const action of ['opened', 'synchronize'])
      await pullRequestRun(world, node, action, inputs, action === 'opened' ? killAt('open') : {}, steps);
    const close = (kill: RunOptions, attempt?: number) =>
      pullRequestRun(world, node, 'closed', inputs, kill, steps, attempt);
    let closed = await close(killAt('close'));
    if (closed.failed) {
      (vercel ?? netlify)!.inject(); // a re-run of the failed job, its faults spent or not
      closed = await close({}, 2);
      if (closed.failed) problems.push(`the close failed twice: ${closed.log.join(' | ')}`);
    }
    const left = vercel ? project!.envs.length : site!.env.size;
    if (left > 0) problems.push(`${left} platform value(s) left after close`);
    if (world.emulator.keysIn().length > 0) problems.push(`${world.emulator.keysIn().length} key(s) left after close`);
    for (const [name, step] of steps)
      if (!name.endsWith('preview') && step.exitCode !== 0) problems.push(`${name} failed: ${step.log.join(' | ')}`);
    const secrets = [...world.secrets(), (vercel ?? netlify)!.token];
    for (const [name, step] of steps)
      for (const leak of findLeaks(step, secrets, { outputs: ['api-key'], env: ['PINECONE_API_KEY'] }))
        problems.push(`${name}: ${leak}`);
    problems.push(...(vercel ?? netlify)!.problems.map((p) => `emulator: ${p}`));
    if (problems.length > 0) problems.push(...steps.map(([name, step]) => `${name}: ${step.log.join(' | ')}`));
  } finally {
    await vercel?.stop();
    await netlify?.stop();
    await world.emulator.stop();
  }
  return { seed: s.seed, problems };
}

/** One run of the pull request's workflow: the key step (lifetime: pull-request), the preview step, the key's post.
 * Returns the preview step (on close, it deletes the variable; the key's post deletes the key after it). */
async function pullRequestRun(
  world: World,
  node: string,
  action: string,
  inputs: Record<string, string>,
  kill: RunOptions,
  steps: Array<[string, StepResult]>,
  attempt = 1,
): Promise<StepResult> {
  const job = new Job({
    node,
    // a re-run's key step is given replace: true, as the recipes' replace: ${{ github.run_attempt != '1' }}
    with: { ...world.inputs, lifetime: 'pull-request', replace: String(attempt > 1) },
    env: { GITHUB_RUN_ATTEMPT: String(attempt) },
    event: pullRequestEvent(action),
  });
  const key = await job.main();
  const o = key.outputs;
  const preview = await job
    .use(
      {
        ...inputs,
        'api-key': o['api-key'] ?? '',
        renewed: o['renewed'] ?? '',
        'key-name': o['key-name'] ?? '',
        'key-skipped': o['skipped'] ?? '',
      },
      join(ROOT, 'preview'),
    )
    .main(kill);
  const post = await job.post();
  const run = `${action}${attempt > 1 ? ` (attempt ${attempt})` : ''}`;
  steps.push([`${run} key`, key], [`${run} preview`, preview], [`${run} post`, post]);
  return preview;
}
